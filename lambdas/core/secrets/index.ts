export { findSecrets, redactSecrets, type SecretFinding } from './detect.js';
export { isLiteralSecret, isPlaceholder, isSecretReference } from './literals.js';
export { maskSecret } from './mask.js';
export { SECRET_LABELS, type SecretKind } from './patterns.js';

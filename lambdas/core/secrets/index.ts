export { findSecrets, redactSecrets, redactSecretsDeep, type SecretFinding } from './detect.js';
export { fingerprintSalt, secretFingerprint, secretMarker } from './fingerprint.js';
export { isLiteralSecret, isPlaceholder, isSecretReference } from './literals.js';
export { SECRET_LABELS, type SecretKind } from './patterns.js';

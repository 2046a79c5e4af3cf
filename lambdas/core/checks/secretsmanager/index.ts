export { secretsmanagerSecretInAllowedRegion } from './secretsmanager-secret-in-allowed-region.js';
export { secretsmanagerSecretNotPublic } from './secretsmanager-secret-not-public.js';
export { secretsmanagerSecretRotatedRecently } from './secretsmanager-secret-rotated-recently.js';
export { secretsmanagerSecretRotationEnabled } from './secretsmanager-secret-rotation-enabled.js';
export { secretsmanagerSecretRotationOnSchedule } from './secretsmanager-secret-rotation-on-schedule.js';
export { secretsmanagerSecretUsedRecently } from './secretsmanager-secret-used-recently.js';

export { kmsKeyNotPendingDeletion } from './kms-key-not-pending-deletion.js';
export { kmsKeyNotPublic } from './kms-key-not-public.js';
export { kmsKeyRotationEnabled } from './kms-key-rotation-enabled.js';

export { sqsQueueEncrypted } from './sqs-queue-encrypted.js';
export { sqsQueueInAllowedRegion } from './sqs-queue-in-allowed-region.js';
export { sqsQueueNotPublic } from './sqs-queue-not-public.js';
export { sqsQueueTlsRequired } from './sqs-queue-tls-required.js';

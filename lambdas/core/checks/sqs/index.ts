export { sqsQueueEncrypted } from './sqs-queue-encrypted.js';
export { sqsQueueNotPublic } from './sqs-queue-not-public.js';
export { sqsQueueTlsRequired } from './sqs-queue-tls-required.js';

export { snsTopicEncryptedKms } from './sns-topic-encrypted-kms.js';
export { snsTopicNotPublic } from './sns-topic-not-public.js';

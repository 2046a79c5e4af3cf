export { snsTopicEncryptedKms } from './sns-topic-encrypted-kms.js';
export { snsTopicInAllowedRegion } from './sns-topic-in-allowed-region.js';
export { snsTopicNotPublic } from './sns-topic-not-public.js';

export { ecrRepositoryCmkEncryption } from './ecr-repository-cmk-encryption.js';
export { ecrRepositoryImageScanning } from './ecr-repository-image-scanning.js';
export { ecrRepositoryInAllowedRegion } from './ecr-repository-in-allowed-region.js';
export { ecrRepositoryLifecyclePolicy } from './ecr-repository-lifecycle-policy.js';
export { ecrRepositoryNotPublic } from './ecr-repository-not-public.js';
export { ecrRepositoryTagImmutability } from './ecr-repository-tag-immutability.js';

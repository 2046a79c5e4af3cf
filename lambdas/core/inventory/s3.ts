import type { AwsResource, PolicyDocument, ResourceAttribute } from './common.js';

export interface S3Bucket extends AwsResource {
  name: string;
  createdAt?: Date;
}

export interface PublicAccessBlock {
  blockPublicAcls: boolean;
  ignorePublicAcls: boolean;
  blockPublicPolicy: boolean;
  restrictPublicBuckets: boolean;
}

export interface AclGrant {
  granteeType: 'CanonicalUser' | 'Group' | 'AmazonCustomerByEmail';
  /** For `Group` grantees, e.g. `http://acs.amazonaws.com/groups/global/AllUsers`. */
  granteeUri?: string;
  granteeId?: string;
  permission: 'FULL_CONTROL' | 'READ' | 'WRITE' | 'READ_ACP' | 'WRITE_ACP';
}

export type BucketPublicAccessBlock = ResourceAttribute<{ config: PublicAccessBlock }>;
export type BucketAcl = ResourceAttribute<{ ownerId?: string; grants: readonly AclGrant[] }>;
/** `policy` is null when the bucket has no policy. */
export type BucketPolicy = ResourceAttribute<{ policy: PolicyDocument | null }>;
export interface BucketEncryptionRule {
  algorithm: string;
  kmsKeyId?: string;
  bucketKeyEnabled?: boolean;
}
export type BucketEncryption = ResourceAttribute<{ rules: readonly BucketEncryptionRule[] }>;
export type BucketVersioning = ResourceAttribute<{ status: 'Enabled' | 'Suspended' | 'Disabled'; mfaDelete: boolean }>;
export type BucketLogging = ResourceAttribute<{ targetBucket?: string; targetPrefix?: string }>;
/** `ownership` is undefined when no ownership controls are set (AWS then behaves as `ObjectWriter`). */
export type BucketOwnershipControls = ResourceAttribute<{
  ownership?: 'BucketOwnerEnforced' | 'BucketOwnerPreferred' | 'ObjectWriter';
}>;
export interface ReplicationDestination {
  bucketArn: string;
  account?: string;
}
export type BucketReplication = ResourceAttribute<{ destinations: readonly ReplicationDestination[] }>;

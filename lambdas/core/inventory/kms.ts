import type { AwsResource, PolicyDocument, ResourceAttribute } from './common.js';

/** Customer-managed keys only: AWS-managed keys are AWS's side of the model. */
export interface KmsKey extends AwsResource {
  keyState: string;
  keySpec?: string;
  keyUsage?: string;
  /** `AWS_KMS`, `EXTERNAL`, `AWS_CLOUDHSM`, `EXTERNAL_KEY_STORE`. */
  origin?: string;
  description?: string;
  multiRegion: boolean;
  /** `PRIMARY` or `REPLICA` for multi-Region keys. */
  multiRegionKeyType?: string;
  /** For multi-Region keys: the primary key's region and the replicas' regions. */
  primaryRegion?: string;
  replicaRegions: readonly string[];
  deletionDate?: Date;
  aliases: readonly string[];
}

export type KmsKeyRotation = ResourceAttribute<{ rotationEnabled: boolean; rotationPeriodInDays?: number }>;

/**
 * Whether KMS can rotate the key's material automatically: only enabled symmetric encryption
 * keys whose material KMS generated. Asymmetric, HMAC, imported (`EXTERNAL`) and custom key
 * store keys cannot be rotated automatically, and disabled or pending-deletion keys are not rotated.
 */
export const supportsAutomaticRotation = (key: KmsKey): boolean =>
  key.keyState === 'Enabled' &&
  key.keySpec === 'SYMMETRIC_DEFAULT' &&
  key.keyUsage === 'ENCRYPT_DECRYPT' &&
  key.origin === 'AWS_KMS';

export type KmsKeyPolicy = ResourceAttribute<{ policy: PolicyDocument }>;

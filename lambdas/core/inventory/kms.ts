import type { AwsResource, PolicyDocument, ResourceAttribute } from './common.js';

/** Customer-managed keys only: AWS-managed keys are AWS's side of the model. */
export interface KmsKey extends AwsResource {
  keyState: string;
  keySpec?: string;
  keyUsage?: string;
  /** `AWS_KMS`, `EXTERNAL`, `AWS_CLOUDHSM`, `EXTERNAL_KEY_STORE`. */
  origin?: string;
  multiRegion: boolean;
  /** For multi-Region keys: the primary key's region and the replicas' regions. */
  primaryRegion?: string;
  replicaRegions: readonly string[];
  deletionDate?: Date;
  aliases: readonly string[];
}

export type KmsKeyRotation = ResourceAttribute<{ rotationEnabled: boolean }>;

export type KmsKeyPolicy = ResourceAttribute<{ policy: PolicyDocument }>;

import type { AwsResource, ResourceAttribute } from './common.js';

export interface DynamoTable extends AwsResource {
  name: string;
  status?: string;
  deletionProtectionEnabled: boolean;
  billingMode?: string;
  /** `KMS` for a customer-managed or AWS-managed KMS key; undefined for the AWS-owned key. */
  sseType?: string;
  kmsKeyArn?: string;
  /** Regions of global-table replicas, other than this table's region. */
  replicaRegions: readonly string[];
}

export type DynamoContinuousBackups = ResourceAttribute<{ pointInTimeRecoveryEnabled: boolean }>;

export type DynamoTableTags = ResourceAttribute<{ tags: Readonly<Record<string, string>> }>;

import type { AwsResource, PolicyDocument, ResourceAttribute } from './common.js';

/** A secret's metadata from ListSecrets. The scanner never reads secret values. */
export interface Secret extends AwsResource {
  name: string;
  /** Customer-managed KMS key; undefined means the AWS managed key `aws/secretsmanager`. */
  kmsKeyId?: string;
  rotationEnabled: boolean;
  rotationLambdaArn?: string;
  /** The rotation interval in days (AutomaticallyAfterDays), when the schedule is given as one. */
  rotationIntervalDays?: number;
  /** The rotation schedule as a `rate(…)` or `cron(…)` expression, when given as one. */
  rotationScheduleExpression?: string;
  createdDate?: Date;
  lastRotatedDate?: Date;
  lastChangedDate?: Date;
  /** Secrets Manager records the day of last access only (midnight UTC); undefined when never accessed. */
  lastAccessedDate?: Date;
  nextRotationDate?: Date;
  /** The service that manages the secret (e.g. `rds` for an RDS-managed master password), if any. */
  owningService?: string;
  /** For a replica secret: the region of its primary (rotation happens there). */
  primaryRegion?: string;
}

/** The secret's resource policy; null when it has none. */
export type SecretResourcePolicy = ResourceAttribute<{ policy: PolicyDocument | null }>;

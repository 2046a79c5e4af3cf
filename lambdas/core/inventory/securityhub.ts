import type { AwsResource } from './common.js';

/** One security standard the hub is subscribed to (GetEnabledStandards). */
export interface SecurityHubStandard {
  /** The standard's ARN, e.g. `arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0`. */
  standardsArn: string;
  /** `PENDING`, `READY`, `FAILED`, `DELETING` or `INCOMPLETE`. */
  status: string;
}

/**
 * Security Hub in one region (DescribeHub and GetEnabledStandards). A region where the account is not
 * subscribed has no hub: DescribeHub answers InvalidAccessException there, which is a normal answer.
 */
export interface SecurityHub extends AwsResource {
  subscribedAt?: string;
  autoEnableControls?: boolean;
  standards: readonly SecurityHubStandard[];
}

import type { AwsResource, ResourceAttribute } from './common.js';

/** A CloudWatch Logs log group (DescribeLogGroups); `arn` is without the trailing `:*`. */
export interface LogGroup extends AwsResource {
  name: string;
  /** Days events are kept; undefined means they never expire. */
  retentionInDays?: number;
  kmsKeyId?: string;
  /** `STANDARD`, `INFREQUENT_ACCESS` or `DELIVERY`. */
  logGroupClass?: string;
}

/** One metric filter of a log group (DescribeMetricFilters). */
export interface MetricFilter {
  name: string;
  pattern: string;
  /** The metrics the filter publishes. */
  metrics: readonly { namespace: string; name: string }[];
}

/**
 * The metric filters of a log group a CloudTrail trail delivers to, keyed by the log group's ARN
 * without the trailing `:*` (see `logGroupOf`).
 */
export type LogGroupMetricFilters = ResourceAttribute<{
  logGroupName: string;
  filters: readonly MetricFilter[];
}>;

/** The parts of a log group ARN (`arn:aws:logs:eu-west-1:123456789012:log-group:name:*`), or undefined. */
export function logGroupOf(arn: string): { arn: string; name: string; region: string; accountId: string } | undefined {
  const match = /^(arn:[^:]+:logs:([^:]+):(\d{12}):log-group:([^:]+))(:\*)?$/.exec(arn);
  if (!match?.[1] || !match[2] || !match[3] || !match[4]) return undefined;
  return { arn: match[1], region: match[2], accountId: match[3], name: match[4] };
}

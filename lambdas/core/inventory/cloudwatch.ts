import type { AwsResource } from './common.js';

/** A CloudWatch metric alarm (DescribeAlarms). */
export interface MetricAlarm extends AwsResource {
  name: string;
  actionsEnabled: boolean;
  /** Actions taken on entering ALARM (SNS topic ARNs among others). */
  alarmActions: readonly string[];
  /** The metrics the alarm watches: its own metric, or those of a metric-math expression. */
  metrics: readonly { namespace: string; name: string }[];
}

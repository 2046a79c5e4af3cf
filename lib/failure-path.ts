import { Duration, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { SCANNER_METRICS } from '../lambdas/scanner/metrics.js';

/** Props of {@link FailedInvocationQueue}. */
export interface FailedInvocationQueueProps {
  /** @default 14 days, SQS's maximum */
  retention?: Duration;
}

/**
 * Where Lambda puts a scheduled (asynchronous) invocation that failed, with the error:
 * the function's on-failure destination. Encrypted with SQS-managed keys (it holds the
 * fixed scheduled event and an error message, not findings) and TLS-only.
 */
export class FailedInvocationQueue extends Construct {
  readonly queue: sqs.Queue;

  constructor(scope: Construct, id: string, props: FailedInvocationQueueProps = {}) {
    super(scope, id);
    this.queue = new sqs.Queue(this, 'Queue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: props.retention ?? Duration.days(14),
    });
    Validations.of(this.queue).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SQS3',
      reason:
        "This queue is itself the dead-letter target: the scanner function's on-failure destination (EventInvokeConfig). cdk-nag recognises only a function's DeadLetterConfig or a queue's RedrivePolicy as DLQ use.",
    });
  }
}

/** Props of {@link ScannerAlarms}. */
export interface ScannerAlarmsProps {
  function: lambda.IFunction;
  failureQueue: sqs.IQueue;
  /** Alarms notify this topic (the same one the digest goes to). */
  topic: sns.ITopic;
  /** Hours without a completed scan before the stale-scan alarm fires; undefined: no such alarm. */
  staleScanAlarmHours: number | undefined;
  /** A run with more collection issues than this alarms. */
  maxCollectionIssues: number;
}

/** A metric the scanner function writes, with the `service` dimension Powertools adds to each. */
const scannerMetric = (metricName: string, options: cloudwatch.MetricOptions): cloudwatch.Metric =>
  new cloudwatch.Metric({
    namespace: SCANNER_METRICS.namespace,
    metricName,
    dimensionsMap: { service: SCANNER_METRICS.service },
    ...options,
  });

/**
 * Alarms that tell the security team the scanner itself needs attention, on the alert topic:
 *
 * - `Errors`: the function failed or timed out (a timeout counts as an error in Lambda's `Errors`).
 * - `FailedInvocations`: a scheduled invocation landed in the failure queue (it failed, or waited
 *   too long behind a running one).
 * - `StaleScans`: no scan completed for `staleScanAlarmHours` (schedule deleted or disabled,
 *   Scheduler role broken, function throttled, metrics never arriving).
 * - `CollectionIssues`: a run could not read part of the account (a role that lost permissions
 *   must not look like a clean account).
 *
 * An SNS action runs only when the alarm changes state, so each alarm must return to OK between
 * two incidents to notify again: the per-event ones sum or take the maximum over short periods and
 * treat missing data (no event) as not breaching.
 */
export class ScannerAlarms extends Construct {
  readonly errors: cloudwatch.Alarm;
  readonly failedInvocations: cloudwatch.Alarm;
  readonly staleScans: cloudwatch.Alarm | undefined;
  readonly collectionIssues: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: ScannerAlarmsProps) {
    super(scope, id);
    const notify = new actions.SnsAction(props.topic);
    // Errors summed per 5 minutes: once the failing period has passed, the alarm sees 0 or no data
    // (not breaching) and goes back to OK, so the next failure notifies again.
    this.errors = new cloudwatch.Alarm(this, 'Errors', {
      alarmDescription: 'srm-scan: the scanner function failed or timed out. See its log group.',
      metric: props.function.metricErrors({ period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    // Messages sent per 5 minutes, not messages visible: a failed event stays visible for the
    // queue's 14-day retention, which would hold the alarm in ALARM and silence every later
    // failure. Lambda's on-failure destination adds the record with SendMessage (as the function's
    // role), and NumberOfMessagesSent counts the messages added to the queue.
    this.failedInvocations = new cloudwatch.Alarm(this, 'FailedInvocations', {
      alarmDescription:
        'srm-scan: a scheduled scan could not run; its event and error are in the failure queue (kept 14 days).',
      metric: props.failureQueue.metricNumberOfMessagesSent({
        period: Duration.minutes(5),
        statistic: cloudwatch.Stats.SUM,
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.staleScans =
      props.staleScanAlarmHours === undefined ? undefined : this.staleScanAlarm(props.staleScanAlarmHours);
    // The largest count of one run per 5 minutes; no run, no data, not breaching: back to OK
    // before the next run, so every run over the threshold notifies.
    this.collectionIssues = new cloudwatch.Alarm(this, 'CollectionIssues', {
      alarmDescription: `srm-scan: a scan could not read part of the account (more than ${props.maxCollectionIssues} collection issues); the affected checks reported ERROR. The run's summary in the log group lists them.`,
      metric: scannerMetric(SCANNER_METRICS.collectionIssues, {
        period: Duration.minutes(5),
        statistic: cloudwatch.Stats.MAXIMUM,
      }),
      threshold: props.maxCollectionIssues,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    for (const alarm of [this.errors, this.failedInvocations, this.staleScans, this.collectionIssues]) {
      alarm?.addAlarmAction(notify);
    }
  }

  /**
   * Completed scans per hour over the last `hours` hours; all of them 0 is ALARM. FILL turns the
   * hours without a scan into real zeros: on a raw sparse metric CloudWatch would evaluate the
   * most recent real data points it finds in its wider evaluation range, however old, and fire
   * later than `hours`. Missing data is breaching too, for when there is no data at all (a metric
   * that never existed or stopped): the alarm starts in ALARM until the first scan completes.
   */
  private staleScanAlarm(hours: number): cloudwatch.Alarm {
    return new cloudwatch.Alarm(this, 'StaleScans', {
      alarmDescription: `srm-scan: no scan has completed for ${hours} hours. Check the schedule (deleted, disabled?), its role, and the function's errors and throttles.`,
      metric: new cloudwatch.MathExpression({
        expression: 'FILL(completed, 0)',
        usingMetrics: {
          completed: scannerMetric(SCANNER_METRICS.scansCompleted, { statistic: cloudwatch.Stats.SUM }),
        },
        period: Duration.hours(1),
        label: 'Scans completed per hour',
      }),
      threshold: 1,
      evaluationPeriods: hours,
      datapointsToAlarm: hours,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.BREACHING,
    });
  }
}

import { Duration, Validations } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

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
}

/**
 * Alarms that tell the security team the scanner itself failed: any error or timeout (a timeout
 * counts as an error in Lambda's `Errors` metric), and any invocation that landed in the
 * failure queue (including a scheduled run that waited too long behind a running one).
 */
export class ScannerAlarms extends Construct {
  readonly errors: cloudwatch.Alarm;
  readonly failedInvocations: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: ScannerAlarmsProps) {
    super(scope, id);
    const notify = new actions.SnsAction(props.topic);
    this.errors = new cloudwatch.Alarm(this, 'Errors', {
      alarmDescription: 'srm-scan: the scanner function failed or timed out. See its log group.',
      metric: props.function.metricErrors({ period: Duration.minutes(5), statistic: cloudwatch.Stats.SUM }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    this.failedInvocations = new cloudwatch.Alarm(this, 'FailedInvocations', {
      alarmDescription: 'srm-scan: a scheduled scan could not run; its event and error are in the failure queue.',
      metric: props.failureQueue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: cloudwatch.Stats.MAXIMUM,
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    for (const alarm of [this.errors, this.failedInvocations]) alarm.addAlarmAction(notify);
  }
}

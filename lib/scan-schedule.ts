import { Duration, Stack, TimeZone } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { SCHEDULED_RUN_EVENT } from '../lambdas/scanner/event.js';

/** Props of {@link ScanSchedule}. */
export interface ScanScheduleProps {
  /** What the schedule starts: the scanner function (one account) … */
  function?: lambda.IFunction;
  /** … or, in organisation mode, the organisation scan's state machine. */
  stateMachine?: sfn.IStateMachine;
  /** EventBridge Scheduler expression. @default 'cron(0 3 * * ? *)' */
  expression?: string;
  /** IANA time zone of a cron expression. @default 'UTC' */
  timeZone?: string;
}

/**
 * The nightly run: an EventBridge Scheduler schedule (time-zone aware, unlike an EventBridge
 * rule) invoking the scanner asynchronously with the fixed scheduled-run event.
 */
export class ScanSchedule extends Construct {
  readonly schedule: scheduler.Schedule;
  /** The role Scheduler invokes the function with: `lambda:InvokeFunction` on this function only. */
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: ScanScheduleProps) {
    super(scope, id);
    const stack = Stack.of(this);
    if (!props.function === !props.stateMachine)
      throw new Error('ScanSchedule: give exactly one of function and stateMachine.');
    const statement = props.stateMachine
      ? new iam.PolicyStatement({
          sid: 'StartOrganizationScan',
          actions: ['states:StartExecution'],
          resources: [props.stateMachine.stateMachineArn],
        })
      : new iam.PolicyStatement({
          sid: 'InvokeScanner',
          actions: ['lambda:InvokeFunction'],
          resources: [props.function?.functionArn ?? ''],
        });
    // Our own role: the target's default one also grants the function's versions and aliases (`:*`).
    this.role = new iam.Role(this, 'Role', {
      description: 'srm-scan: lets EventBridge Scheduler start the scanner',
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: {
            'aws:SourceAccount': stack.account,
            'aws:SourceArn': stack.formatArn({
              service: 'scheduler',
              resource: 'schedule-group',
              resourceName: 'default',
            }),
          },
        },
      }),
      inlinePolicies: {
        [props.stateMachine ? 'StartOrganizationScan' : 'InvokeScanner']: new iam.PolicyDocument({
          statements: [statement],
        }),
      },
    });
    // Immutable: the target must not add its broader grant to it.
    const role = this.role.withoutPolicyUpdates();
    const common = {
      role,
      input: scheduler.ScheduleTargetInput.fromObject(SCHEDULED_RUN_EVENT),
      // Scheduler retries only when the target refuses the start itself.
      retryAttempts: 3,
      maxEventAge: Duration.hours(1),
    };
    const target = props.stateMachine
      ? new targets.StepFunctionsStartExecution(props.stateMachine, common)
      : new targets.LambdaInvoke(props.function as lambda.IFunction, common);
    this.schedule = new scheduler.Schedule(this, 'Schedule', {
      description: props.stateMachine
        ? 'srm-scan: scheduled scan of the organisation'
        : 'srm-scan: scheduled scan of this account',
      schedule: scheduler.ScheduleExpression.expression(
        props.expression ?? 'cron(0 3 * * ? *)',
        TimeZone.of(props.timeZone ?? 'UTC'),
      ),
      target,
    });
  }
}

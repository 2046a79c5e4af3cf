import { Annotations, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { CHECKS } from '../lambdas/core/checks/registry.js';
import { COLLECTORS } from '../lambdas/core/collectors/index.js';
import { ConfigurationError } from '../lambdas/core/model/errors.js';
import { scannerEnvironmentVariables } from '../lambdas/scanner/environment.js';
import { AlertTopic } from './alert-topic.js';
import { ChatChannels } from './chat-channels.js';
import { EncryptionKey } from './encryption-key.js';
import { FailedInvocationQueue, ScannerAlarms } from './failure-path.js';
import { FindingsTable } from './findings-table.js';
import { OrganizationScan } from './organization-scan.js';
import { ScanSchedule } from './scan-schedule.js';
import { ScannerFunction } from './scanner-function.js';
import { ScannerRole } from './scanner-role.js';
import { type ResolvedSettings, resolveSettings, type ScanCatalogue, type SrmScanSettings } from './settings.js';

/** Lambda refuses environments over 4 KB (keys and values); keep room for the tokens' real values. */
const LAMBDA_ENVIRONMENT_LIMIT = 4096;
const TOKEN_ALLOWANCE = 256;

/** Props of {@link SrmScanStack}. */
export interface SrmScanStackProps extends StackProps, SrmScanSettings {
  /** The checks and collectors to take the selection and permissions from. @default CHECKS and COLLECTORS */
  catalogue?: ScanCatalogue;
  /** Keep the findings table from being deleted. @default true */
  deletionProtection?: boolean;
  /** What happens to the table and key when the stack is deleted. @default RemovalPolicy.RETAIN */
  dataRemovalPolicy?: RemovalPolicy;
  /** Override the handler entry (tests). @default `lambdas/scanner/handler.ts` */
  scannerEntry?: string;
}

/**
 * srm-scan deployed in one account: a nightly EventBridge Scheduler schedule invokes the
 * scanner function, which records findings and their lifecycle in the findings table and
 * publishes one digest per run to the alert topic. Failures land in a queue; failed, stale and
 * incomplete scans raise alarms on the same topic.
 */
export class SrmScanStack extends Stack {
  readonly settings: ResolvedSettings;
  readonly findingsTable: FindingsTable;
  readonly alertTopic: AlertTopic;
  readonly scanner: ScannerFunction;
  readonly scannerRole: ScannerRole;
  readonly schedule: ScanSchedule;
  readonly failureQueue: FailedInvocationQueue;
  readonly alarms: ScannerAlarms;
  /** Organisation mode only: the Distributed Map state machine the schedule starts. */
  readonly organizationScan: OrganizationScan | undefined;
  /** Slack / Teams channels on the alert topic; only when the context names one. */
  readonly chatChannels: ChatChannels | undefined;

  constructor(scope: Construct, id: string, props: SrmScanStackProps = {}) {
    super(scope, id, props);
    const settings = resolveSettings(props, props.catalogue ?? { checks: CHECKS, collectors: COLLECTORS });
    this.settings = settings;
    for (const warning of settings.warnings) Annotations.of(this).addWarningV2(warning.id, warning.message);
    const dataRemovalPolicy = props.dataRemovalPolicy ?? RemovalPolicy.RETAIN;

    const { key } = new EncryptionKey(this, 'EncryptionKey', { removalPolicy: dataRemovalPolicy });
    this.findingsTable = new FindingsTable(this, 'Findings', {
      encryptionKey: key,
      deletionProtection: props.deletionProtection ?? true,
      removalPolicy: dataRemovalPolicy,
    });
    this.alertTopic = new AlertTopic(this, 'Alerts', { masterKey: key, emails: settings.alertEmails });
    this.failureQueue = new FailedInvocationQueue(this, 'FailedInvocations');
    const logGroup = new logs.LogGroup(this, 'ScannerLogs', {
      retention: settings.logRetentionDays as logs.RetentionDays,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.scannerRole = new ScannerRole(this, 'ScannerRole', {
      scanActions: settings.scanActions,
      table: this.findingsTable.table,
      topic: this.alertTopic.topic,
      key,
      logGroup,
      failureQueue: this.failureQueue.queue,
      ...(settings.organization && { memberRoleName: settings.organization.memberRoleName }),
      ...(settings.securityHub && { securityHub: true }),
      ...(settings.events && {
        eventBusArn: `arn:${this.partition}:events:${this.region}:${this.account}:event-bus/default`,
      }),
    });
    const chatConfigured = Boolean(settings.chat.slack || settings.chat.teams);
    this.chatChannels = chatConfigured
      ? new ChatChannels(this, 'Chat', { chat: settings.chat, topic: this.alertTopic.topic })
      : undefined;

    const environment = scannerEnvironmentVariables({
      config: settings.configInput,
      findingsTable: this.findingsTable.table.tableName,
      alertTopicArn: this.alertTopic.topic.topicArn,
      minAlertSeverity: settings.minAlertSeverity,
      notifyOn: settings.notifyOn,
      historyTtlDays: settings.historyTtlDays,
      ...(settings.securityHub && { securityHub: true }),
      ...(settings.events && { eventBus: 'default' }),
      ...(chatConfigured && { alertChat: true }),
      ...(settings.organization && {
        organization: {
          memberRoleName: settings.organization.memberRoleName,
          ...(settings.organization.externalId && { externalId: settings.organization.externalId }),
        },
      }),
    });
    const size = Object.entries(environment).reduce(
      (sum, [name, value]) => sum + name.length + (value.includes('${Token[') ? TOKEN_ALLOWANCE : value.length),
      0,
    );
    if (size > LAMBDA_ENVIRONMENT_LIMIT - 512) {
      throw new ConfigurationError(
        `The scan configuration is too large for the function's environment (${size} of ${LAMBDA_ENVIRONMENT_LIMIT} bytes): shorten suppressions or the check selection.`,
      );
    }
    this.scanner = new ScannerFunction(this, 'Scanner', {
      role: this.scannerRole.role,
      logGroup,
      environment,
      failureQueue: this.failureQueue.queue,
      memorySize: settings.memorySize,
      // Organisation mode: as many runs at once as the map starts (reserved, so they cannot starve other functions).
      reservedConcurrency:
        settings.organization && settings.reservedConcurrency !== 'none'
          ? settings.organization.maxConcurrency
          : settings.reservedConcurrency,
      ...(props.scannerEntry && { entry: props.scannerEntry }),
    });
    this.organizationScan = settings.organization
      ? new OrganizationScan(this, 'Organization', {
          scanner: this.scanner.function,
          table: this.findingsTable.table,
          topic: this.alertTopic.topic,
          key,
          settings: settings.organization,
          ...(settings.config.regions && { regions: settings.config.regions }),
          minAlertSeverity: settings.minAlertSeverity,
          notifyOn: settings.notifyOn,
          historyTtlDays: settings.historyTtlDays,
          logRetentionDays: settings.logRetentionDays,
          dataRemovalPolicy,
          alertChat: chatConfigured,
        })
      : undefined;
    this.schedule = new ScanSchedule(this, 'Nightly', {
      ...(this.organizationScan
        ? { stateMachine: this.organizationScan.stateMachine }
        : { function: this.scanner.function }),
      expression: settings.schedule,
      timeZone: settings.scheduleTimeZone,
    });
    this.alarms = new ScannerAlarms(this, 'Alarms', {
      function: this.scanner.function,
      failureQueue: this.failureQueue.queue,
      topic: this.alertTopic.topic,
      staleScanAlarmHours: settings.staleScanAlarmHours,
      maxCollectionIssues: settings.maxCollectionIssues,
    });

    if (this.organizationScan) {
      new cloudwatch.Alarm(this, 'OrganizationScanFailed', {
        alarmDescription:
          'srm-scan: the organisation scan stopped early (accounts not listable, or more failed accounts than tolerated). The digest names the error; the execution history shows each account.',
        metric: this.organizationScan.stateMachine.metricFailed({
          period: Duration.minutes(5),
          statistic: cloudwatch.Stats.SUM,
        }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }).addAlarmAction(new actions.SnsAction(this.alertTopic.topic));
      new CfnOutput(this, 'OrganizationScanStateMachineArn', {
        value: this.organizationScan.stateMachine.stateMachineArn,
      });
    }
    new CfnOutput(this, 'FindingsTableName', { value: this.findingsTable.table.tableName });
    new CfnOutput(this, 'AlertTopicArn', { value: this.alertTopic.topic.topicArn });
    new CfnOutput(this, 'ScannerFunctionName', { value: this.scanner.function.functionName });
    new CfnOutput(this, 'FailedInvocationQueueUrl', { value: this.failureQueue.queue.queueUrl });
  }
}

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RemovalPolicy } from 'aws-cdk-lib';
import { Annotations, Match, type Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../lambdas/core/checks/registry.js';
import { COLLECTORS } from '../../lambdas/core/collectors/index.js';
import { requiredActions } from '../../lambdas/core/engine/permissions.js';
import { selectChecks } from '../../lambdas/core/engine/select.js';
import { FINDINGS_TABLE_SCHEMA } from '../../lambdas/core/findings/table-schema.js';
import { ConfigurationError } from '../../lambdas/core/model/errors.js';
import { ActionCatalog } from '../../lambdas/core/policy/actions.js';
import { parseScannerEnvironment, SCANNER_ENV } from '../../lambdas/scanner/environment.js';
import { SCHEDULED_RUN_EVENT } from '../../lambdas/scanner/event.js';
import { SCANNER_METRICS } from '../../lambdas/scanner/metrics.js';
import { PROJECT_ROOT } from '../../lib/scanner-function.js';
import { SCANNER_POLICY_SIDS } from '../../lib/scanner-role.js';
import { actionsOf, onlyResource, scannerRoleStatements, synthStack } from './stack-fixture.js';

const ref = (logicalId: string) => ({ Ref: logicalId });

/** `dynamodb:Query`, `sns:Publish`, …: the commands the source files under `dirs` import from the DynamoDB and SNS clients. */
function awsCommandsSentBy(dirs: readonly string[]): string[] {
  const actions = new Set<string>();
  for (const dir of dirs) {
    for (const file of readdirSync(join(PROJECT_ROOT, dir)).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(join(PROJECT_ROOT, dir, file), 'utf8');
      for (const match of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*'@aws-sdk\/client-(dynamodb|sns)'/g)) {
        for (const name of (match[1] ?? '').split(',').map((n) => n.trim())) {
          if (/^[A-Z]\w+Command$/.test(name)) actions.add(`${match[2]}:${name.replace(/Command$/, '')}`);
        }
      }
    }
  }
  return [...actions].sort();
}
const arnOf = (logicalId: string) => ({ 'Fn::GetAtt': [logicalId, 'Arn'] });

/** The stack with every setting at its default, synthesised once for the tests that need nothing else. */
const DEFAULTS = synthStack();

type AlarmProperties = Record<string, unknown> & { AlarmActions?: unknown; Metrics?: Record<string, unknown>[] };

/** Alarm properties by the alarm's construct id (`Errors`, `StaleScans`, …). */
const alarmsOf = (template: Template): Record<string, AlarmProperties> =>
  Object.fromEntries(
    Object.entries(template.findResources('AWS::CloudWatch::Alarm')).map(([id, resource]) => [
      id.replace(/^Alarms/, '').replace(/[0-9A-F]{8}$/, ''),
      (resource as { Properties: AlarmProperties }).Properties,
    ]),
  );
const alarm = (template: Template, name: string): AlarmProperties => {
  const found = alarmsOf(template)[name];
  if (!found) throw new Error(`no ${name} alarm`);
  return found;
};
/** The custom metric a math-expression alarm reads, and the expression over it. */
const mathOf = (properties: AlarmProperties) => ({
  expression: properties.Metrics?.find((query) => 'Expression' in query),
  metric: properties.Metrics?.find((query) => 'MetricStat' in query),
});
const scannerMetric = (metricName: string) => ({
  Namespace: SCANNER_METRICS.namespace,
  MetricName: metricName,
  Dimensions: [{ Name: 'service', Value: SCANNER_METRICS.service }],
});

describe('Class: SrmScanStack', () => {
  describe('schedule', () => {
    it('invokes the scanner nightly at 03:00 UTC with the fixed scheduled-run event by default', () => {
      // Prepare, Act
      const { template } = DEFAULTS;

      // Assess
      const fn = onlyResource(template, 'AWS::Lambda::Function');
      template.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: 'cron(0 3 * * ? *)',
        ScheduleExpressionTimezone: 'UTC',
        State: 'ENABLED',
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: { Arn: arnOf(fn.id), Input: JSON.stringify(SCHEDULED_RUN_EVENT) },
      });
    });

    it('uses the configured expression and time zone', () => {
      // Prepare, Act
      const { template } = synthStack({ schedule: 'cron(30 6 ? * MON-FRI *)', scheduleTimeZone: 'Europe/Paris' });

      // Assess
      template.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: 'cron(30 6 ? * MON-FRI *)',
        ScheduleExpressionTimezone: 'Europe/Paris',
      });
    });

    it('lets the scheduler role invoke only the scanner function', () => {
      // Prepare, Act
      const { template } = DEFAULTS;

      // Assess
      const fn = onlyResource(template, 'AWS::Lambda::Function');
      template.hasResourceProperties('AWS::IAM::Role', {
        AssumeRolePolicyDocument: {
          Statement: [Match.objectLike({ Principal: { Service: 'scheduler.amazonaws.com' } })],
        },
        Policies: [
          {
            PolicyDocument: {
              Statement: [
                { Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: arnOf(fn.id), Sid: 'InvokeScanner' },
              ],
            },
            PolicyName: 'InvokeScanner',
          },
        ],
      });
      template.resourceCountIs('AWS::IAM::Policy', 0);
    });

    it.each([
      [{ schedule: 'cron(0 3 * * *)' }, 'schedule: must be an EventBridge Scheduler expression'],
      [{ schedule: 'at(2026-12-01T03:00:00)' }, 'schedule:'],
      [{ scheduleTimeZone: 'Mars/Olympus' }, 'scheduleTimeZone: must be an IANA time zone'],
    ])('fails synth for %j, naming the field', (props, message) => {
      // Prepare, Act
      const synth = () => synthStack(props);

      // Assess
      expect(synth).toThrow(ConfigurationError);
      expect(synth).toThrow(message);
    });
  });

  describe('scanner function', () => {
    it('runs on the newest Node.js runtime offered, arm64, for 15 minutes with 1024 MB and reserved concurrency 1', () => {
      // Prepare
      const newestNode = lambda.Runtime.ALL.filter((runtime) => /^nodejs\d+\.x$/.test(runtime.name))
        .map((runtime) => runtime.name)
        .sort((a, b) => Number.parseInt(a.slice(6), 10) - Number.parseInt(b.slice(6), 10))
        .at(-1);

      // Act
      const { template } = DEFAULTS;

      // Assess
      template.hasResourceProperties('AWS::Lambda::Function', {
        Runtime: newestNode,
        Architectures: ['arm64'],
        Timeout: 900,
        MemorySize: 1024,
        ReservedConcurrentExecutions: 1,
        Handler: 'index.handler',
      });
    });

    it('logs as JSON to its own log group, kept 90 days by default', () => {
      // Prepare, Act
      const { template } = DEFAULTS;

      // Assess
      const logGroup = onlyResource(template, 'AWS::Logs::LogGroup');
      expect(logGroup.properties.RetentionInDays).toBe(90);
      template.hasResourceProperties('AWS::Lambda::Function', {
        LoggingConfig: { LogFormat: 'JSON', LogGroup: ref(logGroup.id), ApplicationLogLevel: 'INFO' },
      });
    });

    it('takes memory, retention and reserved concurrency from the settings', () => {
      // Prepare, Act
      const { template } = synthStack({ memorySize: 2048, logRetentionDays: 365, reservedConcurrency: 2 });

      // Assess
      template.hasResourceProperties('AWS::Lambda::Function', { MemorySize: 2048, ReservedConcurrentExecutions: 2 });
      template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365 });
    });

    it('reserves no concurrency when told none, for accounts limited to 10 concurrent executions', () => {
      // Prepare, Act
      const { template } = synthStack({ reservedConcurrency: 'none' });

      // Assess
      template.hasResourceProperties('AWS::Lambda::Function', { ReservedConcurrentExecutions: Match.absent() });
    });

    it('sends failed asynchronous invocations to the failure queue, without retries', () => {
      // Prepare, Act
      const { template } = DEFAULTS;

      // Assess
      const queue = onlyResource(template, 'AWS::SQS::Queue');
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        DestinationConfig: { OnFailure: { Destination: arnOf(queue.id) } },
        MaximumRetryAttempts: 0,
      });
      expect(queue.properties).toMatchObject({ SqsManagedSseEnabled: true });
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        PolicyDocument: {
          Statement: [Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })],
        },
      });
    });

    it('carries the scan configuration as one JSON variable the function parses back to the same configuration', () => {
      // Prepare
      const { stack, template } = synthStack({
        regions: ['eu-west-1', 'eu-central-1'],
        allowedRegions: ['eu-west-1'],
        settings: { accessKeyMaxAgeDays: 60 },
        suppressions: [{ checkId: 'iam-*', resource: '*', reason: 'Break-glass user, reviewed quarterly.' }],
        minAlertSeverity: 'critical',
        notifyOn: 'always',
        historyTtlDays: 30,
      });
      const variables = onlyResource(template, 'AWS::Lambda::Function').properties.Environment as {
        Variables: Record<string, unknown>;
      };

      // Act
      const env = parseScannerEnvironment({
        ...Object.fromEntries(
          Object.entries(variables.Variables).map(([name, value]) => [
            name,
            typeof value === 'string' ? value : 'arn:aws:sns:eu-west-1:123456789012:resolved-at-deploy',
          ]),
        ),
        AWS_REGION: 'eu-west-1',
      });

      // Assess
      expect(env.config).toEqual(stack.settings.config);
      expect(env.config.settings).toMatchObject({ allowedRegions: ['eu-west-1'], accessKeyMaxAgeDays: 60 });
      expect(env).toMatchObject({ minAlertSeverity: 'critical', notifyOn: 'always', historyTtlDays: 30 });
      expect(variables.Variables[SCANNER_ENV.findingsTable]).toEqual(
        ref(onlyResource(template, 'AWS::DynamoDB::Table').id),
      );
      expect(variables.Variables[SCANNER_ENV.alertTopicArn]).toEqual(ref(onlyResource(template, 'AWS::SNS::Topic').id));
    });

    it.each([
      [{ allowedRegions: ['mars-1'] }, 'settings.allowedRegions.0: must be an AWS region name'],
      [{ settings: { accessKeyMaxAgeDays: -1 } }, 'settings.accessKeyMaxAgeDays'],
      [{ suppressions: [{ checkId: 's3-*', reason: ' ' }] }, 'suppressions.0.reason'],
      [{ selection: { checks: ['no-such-check-*'] } }, 'checks: "no-such-check-*" matches no check id'],
      [{ selection: { srmClasses: ['container'], services: ['iam'] } }, 'matches no check'],
      [{ alertEmails: ['security@example.com', 'not-an-address'] }, 'alertEmails.1: must be an e-mail address'],
      [{ minAlertSeverity: 'urgent' }, 'minAlertSeverity'],
      [{ logRetentionDays: 42 }, 'logRetentionDays: must be one of'],
      [{ reservedConcurrency: 0 }, 'reservedConcurrency'],
    ])('fails synth for %j, naming the field', (props, message) => {
      // Prepare, Act
      const synth = () => synthStack(props as never);

      // Assess
      expect(synth).toThrow(ConfigurationError);
      expect(synth).toThrow(message);
    });
  });

  describe('scanner role', () => {
    it('grants for scanning exactly the actions the catalogue requires, the list `srm-scan iam-policy` prints', () => {
      // Prepare
      const expected = requiredActions(selectChecks(CHECKS, {}), COLLECTORS);

      // Act
      const { template } = DEFAULTS;

      // Assess
      const scan = scannerRoleStatements(template).find((s) => s.Sid === SCANNER_POLICY_SIDS.scan);
      expect(actionsOf(scan)).toEqual(expected);
      expect(scan?.Resource).toBe('*');
    });

    it('narrows the scanning actions to the selected checks', () => {
      // Prepare
      // A service with at least one high or critical check, so the selection is narrower but not empty.
      const service = CHECKS.find((c) => c.severity === 'high' || c.severity === 'critical')?.service ?? 'iam';
      const selection = { checks: [`${service}-*`], minSeverity: 'high' as const };
      const expected = requiredActions(selectChecks(CHECKS, selection), COLLECTORS);

      // Act
      const { template } = synthStack({ selection });

      // Assess
      const scan = scannerRoleStatements(template).find((s) => s.Sid === SCANNER_POLICY_SIDS.scan);
      expect(actionsOf(scan)).toEqual(expected);
      expect(expected.length).toBeLessThan(requiredActions(CHECKS, COLLECTORS).length);
    });

    it('grants only List and Read access levels for scanning', async () => {
      // Prepare
      const { template } = DEFAULTS;
      const scanActions = actionsOf(scannerRoleStatements(template).find((s) => s.Sid === SCANNER_POLICY_SIDS.scan));
      const services = [...new Set(scanActions.map((action) => action.split(':')[0] ?? ''))];

      // Act
      const catalogue = await ActionCatalog.load(services);
      const levels = Object.fromEntries(scanActions.map((action) => [action, catalogue.accessLevelsOf(action)]));

      // Assess
      for (const [action, actionLevels] of Object.entries(levels)) {
        expect(actionLevels, `${action} is unknown to the IAM data set`).not.toHaveLength(0);
        for (const level of actionLevels) expect(['List', 'Read'], `${action} is ${level}`).toContain(level);
      }
    });

    it('writes only to its own table, topic, key (through DynamoDB and SNS), failure queue, log group and default event bus', () => {
      // Prepare, Act
      const { template } = DEFAULTS;

      // Assess
      const table = onlyResource(template, 'AWS::DynamoDB::Table').id;
      const topic = onlyResource(template, 'AWS::SNS::Topic').id;
      const key = onlyResource(template, 'AWS::KMS::Key').id;
      const queue = onlyResource(template, 'AWS::SQS::Queue').id;
      const logGroup = onlyResource(template, 'AWS::Logs::LogGroup').id;
      const others = scannerRoleStatements(template).filter((s) => s.Sid !== SCANNER_POLICY_SIDS.scan);
      expect(others).toEqual([
        {
          Sid: SCANNER_POLICY_SIDS.table,
          Effect: 'Allow',
          Action: ['dynamodb:BatchWriteItem', 'dynamodb:Query'],
          Resource: arnOf(table),
        },
        {
          Sid: SCANNER_POLICY_SIDS.key,
          Effect: 'Allow',
          Action: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'],
          Resource: arnOf(key),
          Condition: {
            StringEquals: {
              'kms:ViaService': [
                { 'Fn::Join': ['', ['dynamodb.', { Ref: 'AWS::Region' }, '.amazonaws.com']] },
                { 'Fn::Join': ['', ['sns.', { Ref: 'AWS::Region' }, '.amazonaws.com']] },
              ],
            },
          },
        },
        { Sid: SCANNER_POLICY_SIDS.topic, Effect: 'Allow', Action: 'sns:Publish', Resource: ref(topic) },
        { Sid: SCANNER_POLICY_SIDS.failureQueue, Effect: 'Allow', Action: 'sqs:SendMessage', Resource: arnOf(queue) },
        {
          Sid: SCANNER_POLICY_SIDS.logs,
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: arnOf(logGroup),
        },
        {
          Sid: SCANNER_POLICY_SIDS.events,
          Effect: 'Allow',
          Action: 'events:PutEvents',
          Resource: {
            'Fn::Join': [
              '',
              [
                'arn:',
                { Ref: 'AWS::Partition' },
                ':events:',
                { Ref: 'AWS::Region' },
                ':',
                { Ref: 'AWS::AccountId' },
                ':event-bus/default',
              ],
            ],
          },
        },
      ]);
    });

    it('grants every DynamoDB and SNS command the scan job sends, and no other', () => {
      // Prepare
      const sent = awsCommandsSentBy(['lambdas/core/job', 'lambdas/core/findings', 'lambdas/core/alerts']);

      // Act
      const { template } = DEFAULTS;

      // Assess
      const statements = scannerRoleStatements(template);
      const granted = (sid: string) => actionsOf(statements.find((s) => s.Sid === sid));
      expect(granted(SCANNER_POLICY_SIDS.table)).toEqual(sent.filter((a) => a.startsWith('dynamodb:')));
      expect(granted(SCANNER_POLICY_SIDS.topic)).toEqual(sent.filter((a) => a.startsWith('sns:')));
    });

    it('has no managed policies and no other policy resources', () => {
      // Prepare, Act
      const { template } = DEFAULTS;

      // Assess
      template.hasResourceProperties('AWS::IAM::Role', {
        AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'lambda.amazonaws.com' } })] },
        ManagedPolicyArns: Match.absent(),
      });
      template.resourceCountIs('AWS::IAM::Policy', 0);
      template.resourceCountIs('AWS::IAM::ManagedPolicy', 0);
    });
  });

  describe('findings table', () => {
    it('is on-demand with point-in-time recovery, KMS encryption, deletion protection, TTL and the open-findings index', () => {
      // Prepare
      const schema = FINDINGS_TABLE_SCHEMA;

      // Act
      const { template } = DEFAULTS;

      // Assess
      const key = onlyResource(template, 'AWS::KMS::Key').id;
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        KeySchema: [
          { AttributeName: schema.partitionKey, KeyType: 'HASH' },
          { AttributeName: schema.sortKey, KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: arnOf(key) },
        DeletionProtectionEnabled: true,
        TimeToLiveSpecification: { AttributeName: schema.ttlAttribute, Enabled: true },
        GlobalSecondaryIndexes: [
          {
            IndexName: schema.openFindingsIndex.name,
            KeySchema: [
              { AttributeName: schema.openFindingsIndex.partitionKey, KeyType: 'HASH' },
              { AttributeName: schema.openFindingsIndex.sortKey, KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      });
    });

    it('outlives the stack, and so does its key, unless told otherwise', () => {
      // Prepare, Act
      const retained = DEFAULTS.template;
      const destroyed = synthStack({ dataRemovalPolicy: RemovalPolicy.DESTROY, deletionProtection: false }).template;

      // Assess
      retained.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
      retained.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain' });
      destroyed.hasResource('AWS::DynamoDB::Table', {
        DeletionPolicy: 'Delete',
        Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
      });
    });

    it('is encrypted with a rotating customer-managed key that CloudWatch alarms may use for the topic only for this account', () => {
      // Prepare, Act
      const { template } = DEFAULTS;

      // Assess
      template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
      const statements = (onlyResource(template, 'AWS::KMS::Key').properties.KeyPolicy as { Statement: unknown[] })
        .Statement;
      const cloudWatch = statements.filter((statement) =>
        JSON.stringify(statement).includes('cloudwatch.amazonaws.com'),
      );
      expect(cloudWatch).toEqual([
        {
          Sid: 'AllowCloudWatchAlarmsToUseKeyForTopic',
          Effect: 'Allow',
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          Resource: '*',
          Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
        },
      ]);
    });
  });

  describe('alert topic', () => {
    it('is encrypted with the customer-managed key and refuses publishing without TLS', () => {
      // Prepare, Act
      const { template } = DEFAULTS;

      // Assess
      const key = onlyResource(template, 'AWS::KMS::Key').id;
      const topic = onlyResource(template, 'AWS::SNS::Topic');
      expect(topic.properties.KmsMasterKeyId).toEqual(arnOf(key));
      template.hasResourceProperties('AWS::SNS::TopicPolicy', {
        Topics: [ref(topic.id)],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Principal: '*',
              Action: 'sns:Publish',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
            Match.objectLike({
              Effect: 'Allow',
              Principal: { Service: 'cloudwatch.amazonaws.com' },
              Condition: Match.objectLike({ StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } }),
            }),
          ]),
        },
      });
    });

    it('subscribes every alertEmails address by e-mail', () => {
      // Prepare
      const alertEmails = ['security@example.com', 'soc@example.org'];

      // Act
      const { template } = synthStack({ alertEmails });

      // Assess
      const topic = onlyResource(template, 'AWS::SNS::Topic').id;
      template.resourceCountIs('AWS::SNS::Subscription', 2);
      for (const email of alertEmails) {
        template.hasResourceProperties('AWS::SNS::Subscription', {
          Protocol: 'email',
          Endpoint: email,
          TopicArn: ref(topic),
        });
      }
    });

    it('has no subscription when no address is given', () => {
      // Prepare, Act
      const { template } = DEFAULTS;

      // Assess
      template.resourceCountIs('AWS::SNS::Subscription', 0);
    });
  });

  describe('alarms', () => {
    it('notify the alert topic for errors, failed invocations, stale scans and collection issues', () => {
      // Prepare, Act
      const { template } = DEFAULTS;

      // Assess
      const topic = onlyResource(template, 'AWS::SNS::Topic').id;
      const alarms = alarmsOf(template);
      expect(Object.keys(alarms).sort()).toEqual(['CollectionIssues', 'Errors', 'FailedInvocations', 'StaleScans']);
      for (const properties of Object.values(alarms)) expect(properties.AlarmActions).toEqual([ref(topic)]);
    });

    it('count scanner errors per 5 minutes, so the alarm returns to OK and notifies again on the next failure', () => {
      // Prepare, Act
      const { template } = DEFAULTS;

      // Assess
      const fn = onlyResource(template, 'AWS::Lambda::Function').id;
      expect(alarm(template, 'Errors')).toMatchObject({
        Namespace: 'AWS/Lambda',
        MetricName: 'Errors',
        Dimensions: [{ Name: 'FunctionName', Value: ref(fn) }],
        Statistic: 'Sum',
        Period: 300,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
      });
    });

    it('count failed invocations sent to the queue per 5 minutes, not the messages the queue keeps for 14 days', () => {
      // Prepare, Act
      const { template } = DEFAULTS;

      // Assess
      const queue = onlyResource(template, 'AWS::SQS::Queue').id;
      expect(alarm(template, 'FailedInvocations')).toMatchObject({
        Namespace: 'AWS/SQS',
        MetricName: 'NumberOfMessagesSent',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queue, 'QueueName'] } }],
        Statistic: 'Sum',
        Period: 300,
        EvaluationPeriods: 1,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
      });
      expect(JSON.stringify(alarmsOf(template))).not.toContain('ApproximateNumberOfMessagesVisible');
    });

    it('fire when no scan has completed in each of the last 26 hours, hours without data counting as none', () => {
      // Prepare, Act
      const { template } = DEFAULTS;

      // Assess
      const stale = alarm(template, 'StaleScans');
      const { expression, metric } = mathOf(stale);
      expect(metric).toMatchObject({
        MetricStat: { Metric: scannerMetric(SCANNER_METRICS.scansCompleted), Period: 3600, Stat: 'Sum' },
        ReturnData: false,
      });
      expect(expression?.Expression).toBe(`FILL(${String(metric?.Id)}, 0)`);
      expect(stale).toMatchObject({
        EvaluationPeriods: 26,
        DatapointsToAlarm: 26,
        Threshold: 1,
        ComparisonOperator: 'LessThanThreshold',
        TreatMissingData: 'breaching',
      });
    });

    it.each([
      ['weekday runs 72 hours apart', { schedule: 'cron(0 3 ? * MON-FRI *)' }, 74],
      [
        'daily runs in a zone with daylight saving time (25 hours apart once a year)',
        { scheduleTimeZone: 'Europe/Paris' },
        27,
      ],
      ['staleScanAlarmHours for an hourly schedule', { schedule: 'rate(1 hour)', staleScanAlarmHours: 3 }, 3],
      ['staleScanAlarmHours at the 7-day limit', { staleScanAlarmHours: 168 }, 168],
    ])('size the stale-scan window for %s', (_case, props, hours) => {
      // Prepare, Act
      const { template } = synthStack(props);

      // Assess
      const stale = alarm(template, 'StaleScans');
      expect(stale).toMatchObject({ EvaluationPeriods: hours, DatapointsToAlarm: hours });
      const period = (mathOf(stale).metric?.MetricStat as { Period?: number } | undefined)?.Period;
      expect(period).toBe(3600);
      // PutMetricAlarm refuses Period × EvaluationPeriods over 7 days.
      expect((period ?? 0) * Number(stale.EvaluationPeriods)).toBeLessThanOrEqual(604_800);
    });

    it('leave out the stale-scan alarm, with a warning, when runs are further apart than an alarm can look back', () => {
      // Prepare, Act
      const { stack, template } = synthStack({ schedule: 'rate(7 days)', alertEmails: ['sec@example.com'] });

      // Assess
      expect(Object.keys(alarmsOf(template)).sort()).toEqual(['CollectionIssues', 'Errors', 'FailedInvocations']);
      Annotations.fromStack(stack).hasWarning(`/${stack.node.id}`, Match.stringLikeRegexp('No stale-scan alarm'));
    });

    it('fire when one run has more collection issues than maxCollectionIssues, any issue by default', () => {
      // Prepare, Act
      const configured = synthStack({ maxCollectionIssues: 5 }).template;

      // Assess
      for (const [template, threshold] of [
        [DEFAULTS.template, 0],
        [configured, 5],
      ] as const) {
        expect(alarm(template, 'CollectionIssues')).toMatchObject({
          ...scannerMetric(SCANNER_METRICS.collectionIssues),
          Statistic: 'Maximum',
          Period: 300,
          EvaluationPeriods: 1,
          Threshold: threshold,
          ComparisonOperator: 'GreaterThanThreshold',
          TreatMissingData: 'notBreaching',
        });
      }
    });

    it.each([
      [{ staleScanAlarmHours: 0 }, 'staleScanAlarmHours: must be at least 1'],
      [{ staleScanAlarmHours: 169 }, 'staleScanAlarmHours: must be at most 168'],
      [{ staleScanAlarmHours: 25.5 }, 'staleScanAlarmHours: must be a whole number'],
      [{ staleScanAlarmHours: 24 }, 'staleScanAlarmHours: 24 is too short for cron(0 3 * * ? *)'],
      [{ schedule: 'cron(0 3 ? * MON-FRI *)', staleScanAlarmHours: 48 }, 'Use at least 74'],
      [{ schedule: 'rate(7 days)', staleScanAlarmHours: 168 }, 'staleScanAlarmHours: no window works'],
      [{ maxCollectionIssues: -1 }, 'maxCollectionIssues: must be 0 or more'],
      [{ maxCollectionIssues: 0.5 }, 'maxCollectionIssues: must be a whole number'],
    ])('fail synth for %j, naming the field', (props, message) => {
      // Prepare, Act
      const synth = () => synthStack(props);

      // Assess
      expect(synth).toThrow(ConfigurationError);
      expect(synth).toThrow(message);
    });
  });

  describe('synth warnings', () => {
    it('warn that nobody will be told when no alertEmails are given, and say how to fix it', () => {
      // Prepare, Act
      const { stack } = DEFAULTS;

      // Assess
      Annotations.fromStack(stack).hasWarning(
        `/${stack.node.id}`,
        Match.stringLikeRegexp('nobody will be told.*-c alertEmails='),
      );
    });

    it('are silent when alertEmails are given and the schedule is the default', () => {
      // Prepare, Act
      const { stack } = synthStack({ alertEmails: ['sec@example.com'] });

      // Assess
      expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
    });

    it('warn when the schedule is too irregular to size the stale-scan window from', () => {
      // Prepare, Act
      const { stack, template } = synthStack({ schedule: 'cron(0 3 1 * ? *)', alertEmails: ['sec@example.com'] });

      // Assess
      Annotations.fromStack(stack).hasWarning(
        `/${stack.node.id}`,
        Match.stringLikeRegexp('cannot tell how far apart the runs of cron\\(0 3 1 \\* \\? \\*\\) are'),
      );
      expect(alarm(template, 'StaleScans')).toMatchObject({ EvaluationPeriods: 26 });
    });
  });
});

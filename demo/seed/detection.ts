import { CloudWatchClient, PutMetricAlarmCommand } from '@aws-sdk/client-cloudwatch';
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  PutMetricFilterCommand,
  PutRetentionPolicyCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  ConfigServiceClient,
  PutConfigurationRecorderCommand,
  PutDeliveryChannelCommand,
  StartConfigurationRecorderCommand,
} from '@aws-sdk/client-config-service';
import { CreateDetectorCommand, GuardDutyClient } from '@aws-sdk/client-guardduty';
import { EnableSecurityHubCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { DEMO_REGIONS, type ExpectedFailure, type SeedContext, type Seeder } from './types.js';

const US = 'us-east-1';
const EU = 'eu-west-1';

/** Regional detection services: where each is switched on (ap-southeast-1 has none). Regions left out fail their check. */
const GUARDDUTY: Readonly<Record<string, boolean>> = { [US]: true, [EU]: false };
/** moto answers GetEnabledStandards with 404, so the enabled hub in us-east-1 is an ERROR there (EMULATOR_GAPS). */
const SECURITY_HUB_REGIONS: readonly string[] = [US];
/** us-east-1 records everything (global IAM types included); eu-west-1's recorder was never started. */
const CONFIG_RECORDERS: Readonly<Record<string, { started: boolean; global: boolean }>> = {
  [US]: { started: true, global: true },
  [EU]: { started: false, global: false },
};

type AlarmSetup = 'notifies' | 'no-action' | 'unsubscribed-topic' | 'none';

/**
 * Harbor's CIS monitoring on the audit trail's log group (harbor-cloudtrail, us-east-1, delivered to by the
 * multi-region trail harbor-org-audit of the S3 seeder): some filters are written differently from the
 * benchmark text but catch the same events; the others fall short at one step of the chain.
 */
const MONITORING: readonly { checkId: string; filter?: string; alarm: AlarmSetup; passes: boolean }[] = [
  {
    checkId: 'cloudwatch-alarm-unauthorized-api-calls',
    filter: '{($.errorCode="*UnauthorizedOperation")||($.errorCode="AccessDenied*")}',
    alarm: 'notifies',
    passes: true,
  },
  {
    checkId: 'cloudwatch-alarm-console-sign-in-without-mfa',
    filter: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }',
    alarm: 'no-action',
    passes: false,
  },
  {
    checkId: 'cloudwatch-alarm-root-usage',
    filter: '{ $.userIdentity.type = Root && $.userIdentity.invokedBy NOT EXISTS && $.eventType != AwsServiceEvent }',
    alarm: 'notifies',
    passes: true,
  },
  {
    checkId: 'cloudwatch-alarm-iam-policy-changes',
    filter:
      '{ ($.eventSource = iam.amazonaws.com) && (($.eventName = Put*Policy) || ($.eventName = Delete*Policy*) || ' +
      '($.eventName = Attach*Policy) || ($.eventName = Detach*Policy) || ($.eventName = CreatePolicy*)) }',
    alarm: 'notifies',
    passes: true,
  },
  {
    checkId: 'cloudwatch-alarm-cloudtrail-changes',
    filter:
      '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ' +
      '($.eventName = StartLogging) || ($.eventName = StopLogging) }',
    alarm: 'notifies',
    passes: true,
  },
  {
    checkId: 'cloudwatch-alarm-console-auth-failures',
    filter: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
    alarm: 'unsubscribed-topic',
    passes: false,
  },
  {
    checkId: 'cloudwatch-alarm-kms-key-disable-or-deletion',
    filter:
      '{ $.eventSource = "kms.amazonaws.com" && ($.eventName = "DisableKey" || $.eventName = "ScheduleKeyDeletion") }',
    alarm: 'notifies',
    passes: true,
  },
  {
    // Leaves out ACL, CORS, lifecycle and replication changes.
    checkId: 'cloudwatch-alarm-s3-bucket-policy-changes',
    filter:
      '{ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketPolicy) || ($.eventName = DeleteBucketPolicy)) }',
    alarm: 'notifies',
    passes: false,
  },
  {
    checkId: 'cloudwatch-alarm-config-changes',
    filter:
      '{ ($.eventSource = config.amazonaws.com) && (($.eventName = StopConfigurationRecorder) || ' +
      '($.eventName = DeleteDeliveryChannel) || ($.eventName = PutDeliveryChannel) || ($.eventName = PutConfigurationRecorder)) }',
    alarm: 'none',
    passes: false,
  },
  {
    checkId: 'cloudwatch-alarm-security-group-changes',
    filter:
      '{ ($.eventName = AuthorizeSecurityGroup*) || ($.eventName = RevokeSecurityGroup*) || ' +
      '($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }',
    alarm: 'notifies',
    passes: true,
  },
  { checkId: 'cloudwatch-alarm-nacl-changes', alarm: 'none', passes: false },
  { checkId: 'cloudwatch-alarm-network-gateway-changes', alarm: 'none', passes: false },
  { checkId: 'cloudwatch-alarm-route-table-changes', alarm: 'none', passes: false },
  { checkId: 'cloudwatch-alarm-vpc-changes', alarm: 'none', passes: false },
  { checkId: 'cloudwatch-alarm-organizations-changes', alarm: 'none', passes: false },
];

const LOG_GROUP = 'harbor-cloudtrail';

/** Log groups and their retention in days: the audit log group keeps more than a year, the API's two weeks. */
const LOG_GROUPS: readonly { name: string; retentionInDays: number; passes: boolean }[] = [
  { name: LOG_GROUP, retentionInDays: 400, passes: true },
  { name: '/harbor/orders-api', retentionInDays: 14, passes: false },
];

/**
 * GuardDuty, Security Hub, AWS Config, log group retention and the CIS monitoring alarms. IAM Access Analyzer is not seeded:
 * moto has no backend for it (every region reports ERROR, see EMULATOR_GAPS).
 */
export const seedDetection: Seeder = async ({ accountId, clients }: SeedContext) => {
  const account = (service: string, region: string) => `arn:aws:${service}:${region}:${accountId}:account`;
  const expected: ExpectedFailure[] = [];

  const guardduty = Promise.all(
    Object.entries(GUARDDUTY).map(([region, enable]) =>
      clients.get(GuardDutyClient, region).send(new CreateDetectorCommand({ Enable: enable })),
    ),
  );
  for (const region of DEMO_REGIONS) {
    if (!GUARDDUTY[region])
      expected.push({ checkId: 'guardduty-detector-enabled', resourceArn: account('guardduty', region) });
  }

  const securityhub = Promise.all(
    SECURITY_HUB_REGIONS.map((region) =>
      clients.get(SecurityHubClient, region).send(new EnableSecurityHubCommand({ EnableDefaultStandards: true })),
    ),
  );
  for (const region of DEMO_REGIONS) {
    if (!SECURITY_HUB_REGIONS.includes(region)) {
      expected.push({ checkId: 'securityhub-hub-enabled', resourceArn: account('securityhub', region) });
    }
  }

  const config = Promise.all(
    Object.entries(CONFIG_RECORDERS).map(async ([region, { started, global }]) => {
      const client = clients.get(ConfigServiceClient, region);
      await client.send(
        new PutConfigurationRecorderCommand({
          ConfigurationRecorder: {
            name: 'default',
            roleARN: `arn:aws:iam::${accountId}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
            recordingGroup: { allSupported: true, includeGlobalResourceTypes: global },
          },
        }),
      );
      await client.send(
        new PutDeliveryChannelCommand({
          DeliveryChannel: { name: 'default', s3BucketName: 'harbor-cloudtrail-logs', s3KeyPrefix: `config/${region}` },
        }),
      );
      if (started) await client.send(new StartConfigurationRecorderCommand({ ConfigurationRecorderName: 'default' }));
    }),
  );
  for (const region of DEMO_REGIONS) {
    if (!CONFIG_RECORDERS[region]?.started) {
      expected.push({ checkId: 'config-recorder-all-resources-recording', resourceArn: account('config', region) });
    }
  }

  const monitoring = (async () => {
    const sns = clients.get(SNSClient, US);
    // Encrypted like every Harbor topic; only the security team's topic has a subscriber.
    const topic = async (name: string) =>
      (await sns.send(new CreateTopicCommand({ Name: name, Attributes: { KmsMasterKeyId: 'alias/aws/sns' } })))
        .TopicArn ?? '';
    const [alerts, unrouted] = await Promise.all([topic('harbor-security-alerts'), topic('harbor-ops-unrouted')]);
    await sns.send(new SubscribeCommand({ TopicArn: alerts, Protocol: 'email', Endpoint: 'security@harbor.example' }));
    const logs = clients.get(CloudWatchLogsClient, US);
    await Promise.all(
      LOG_GROUPS.map(async ({ name, retentionInDays }) => {
        await logs.send(new CreateLogGroupCommand({ logGroupName: name }));
        await logs.send(new PutRetentionPolicyCommand({ logGroupName: name, retentionInDays }));
      }),
    );
    const cloudwatch = clients.get(CloudWatchClient, US);
    await Promise.all(
      MONITORING.map(async ({ checkId, filter, alarm }) => {
        const metric = checkId.replace(/^cloudwatch-alarm-/, '');
        if (filter) {
          await logs.send(
            new PutMetricFilterCommand({
              logGroupName: LOG_GROUP,
              filterName: metric,
              filterPattern: filter,
              metricTransformations: [{ metricName: metric, metricNamespace: 'CISBenchmark', metricValue: '1' }],
            }),
          );
        }
        if (alarm === 'none') return;
        await cloudwatch.send(
          new PutMetricAlarmCommand({
            AlarmName: `harbor-${metric}`,
            MetricName: metric,
            Namespace: 'CISBenchmark',
            Statistic: 'Sum',
            Period: 300,
            EvaluationPeriods: 1,
            Threshold: 1,
            ComparisonOperator: 'GreaterThanOrEqualToThreshold',
            AlarmActions: alarm === 'notifies' ? [alerts] : alarm === 'unsubscribed-topic' ? [unrouted] : [],
          }),
        );
      }),
    );
  })();
  for (const { name, passes } of LOG_GROUPS) {
    if (!passes) {
      expected.push({
        checkId: 'logs-log-group-retention-set',
        resourceArn: `arn:aws:logs:${US}:${accountId}:log-group:${name}`,
      });
    }
  }
  for (const { checkId, passes } of MONITORING) {
    if (!passes) expected.push({ checkId, resourceArn: `arn:aws:iam::${accountId}:root` });
  }

  await Promise.all([guardduty, securityhub, config, monitoring]);
  return expected;
};

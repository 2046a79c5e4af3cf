import type { ComplianceRef } from '../../findings/model.js';
import type { InventoryView, MetricAlarm, MetricFilter, SnsTopicSubscriptions, Trail } from '../../inventory/index.js';
import { logGroupOf } from '../../inventory/index.js';
import { managementEventGap } from '../cloudtrail/trails.js';
import { accountResource, type CheckDefinition, type CheckResult, defineCheck, fail, pass } from '../define-check.js';
import { joinNames } from '../shared/text.js';
import { type FilterExpression, type LogEvent, matchesEvent, parseFilterPattern } from './filter-pattern.js';

/**
 * The CIS AWS Foundations Benchmark "Monitoring" recommendations 4.1–4.15 (same numbers in v3.0.0 and
 * v4.0.x): for a multi-region trail that is logging and delivers to CloudWatch Logs, a metric filter on
 * its log group that catches the events below, an alarm on the filter's metric, and an SNS topic with a
 * confirmed subscription among the alarm's actions.
 *
 * A filter qualifies when it matches every `catches` event and does not match the routine event below
 * (a catch-all filter alarms on everything and so on nothing in particular). Events are the fields of
 * real CloudTrail records that the CIS patterns test.
 */
export interface MonitoringSpec {
  /** The CIS recommendation, e.g. `4.3`. */
  cis: string;
  /** The Security Hub control, where one exists (CloudWatch.1–14; 4.15 has none). */
  fsbp?: string;
  /** What the filter watches, for messages: `usage of the root user`. */
  subject: string;
  /** The benchmark's filter pattern, for the remediation command. */
  pattern: string;
  catches: readonly LogEvent[];
}

const IP = '203.0.113.10';

/** A routine API call of a role, which no monitoring filter should match. */
const ROUTINE_EVENT: LogEvent = {
  eventVersion: '1.09',
  eventSource: 'ec2.amazonaws.com',
  eventName: 'DescribeInstances',
  eventType: 'AwsApiCall',
  userIdentity: { type: 'AssumedRole', arn: 'arn:aws:sts::123456789012:assumed-role/app/session' },
  sourceIPAddress: IP,
  readOnly: true,
};

/** A successful call of `eventName` from `eventSource` by an assumed role. */
const apiCall = (eventSource: string, eventName: string): LogEvent => ({
  ...ROUTINE_EVENT,
  eventSource,
  eventName,
  readOnly: false,
});

const apiCalls = (eventSource: string, names: readonly string[]): LogEvent[] =>
  names.map((name) => apiCall(eventSource, name));

const consoleLogin = (fields: Record<string, LogEvent[string]>): LogEvent => ({
  ...ROUTINE_EVENT,
  eventSource: 'signin.amazonaws.com',
  eventName: 'ConsoleLogin',
  eventType: 'AwsConsoleSignIn',
  userIdentity: { type: 'IAMUser', userName: 'dana' },
  ...fields,
});

const eq = (names: readonly string[]): string => names.map((n) => `($.eventName = ${n})`).join(' || ');

const IAM_POLICY_EVENTS = [
  'DeleteGroupPolicy',
  'DeleteRolePolicy',
  'DeleteUserPolicy',
  'PutGroupPolicy',
  'PutRolePolicy',
  'PutUserPolicy',
  'CreatePolicy',
  'DeletePolicy',
  'CreatePolicyVersion',
  'DeletePolicyVersion',
  'AttachRolePolicy',
  'DetachRolePolicy',
  'AttachUserPolicy',
  'DetachUserPolicy',
  'AttachGroupPolicy',
  'DetachGroupPolicy',
];
const TRAIL_EVENTS = ['CreateTrail', 'UpdateTrail', 'DeleteTrail', 'StartLogging', 'StopLogging'];
const KMS_EVENTS = ['DisableKey', 'ScheduleKeyDeletion'];
const BUCKET_POLICY_EVENTS = [
  'PutBucketAcl',
  'PutBucketPolicy',
  'PutBucketCors',
  'PutBucketLifecycle',
  'PutBucketReplication',
  'DeleteBucketPolicy',
  'DeleteBucketCors',
  'DeleteBucketLifecycle',
  'DeleteBucketReplication',
];
const CONFIG_EVENTS = [
  'StopConfigurationRecorder',
  'DeleteDeliveryChannel',
  'PutDeliveryChannel',
  'PutConfigurationRecorder',
];
const SECURITY_GROUP_EVENTS = [
  'AuthorizeSecurityGroupIngress',
  'AuthorizeSecurityGroupEgress',
  'RevokeSecurityGroupIngress',
  'RevokeSecurityGroupEgress',
  'CreateSecurityGroup',
  'DeleteSecurityGroup',
];
const NACL_EVENTS = [
  'CreateNetworkAcl',
  'CreateNetworkAclEntry',
  'DeleteNetworkAcl',
  'DeleteNetworkAclEntry',
  'ReplaceNetworkAclEntry',
  'ReplaceNetworkAclAssociation',
];
const GATEWAY_EVENTS = [
  'CreateCustomerGateway',
  'DeleteCustomerGateway',
  'AttachInternetGateway',
  'CreateInternetGateway',
  'DeleteInternetGateway',
  'DetachInternetGateway',
];
const ROUTE_TABLE_EVENTS = [
  'CreateRoute',
  'CreateRouteTable',
  'ReplaceRoute',
  'ReplaceRouteTableAssociation',
  'DeleteRouteTable',
  'DeleteRoute',
  'DisassociateRouteTable',
];
const VPC_EVENTS = [
  'CreateVpc',
  'DeleteVpc',
  'ModifyVpcAttribute',
  'AcceptVpcPeeringConnection',
  'CreateVpcPeeringConnection',
  'DeleteVpcPeeringConnection',
  'RejectVpcPeeringConnection',
  'AttachClassicLinkVpc',
  'DetachClassicLinkVpc',
  'DisableVpcClassicLink',
  'EnableVpcClassicLink',
];
const ORGANIZATIONS_EVENTS = [
  'AcceptHandshake',
  'AttachPolicy',
  'CreateAccount',
  'CreateOrganizationalUnit',
  'CreatePolicy',
  'DeclineHandshake',
  'DeleteOrganization',
  'DeleteOrganizationalUnit',
  'DeletePolicy',
  'DetachPolicy',
  'DisablePolicyType',
  'EnablePolicyType',
  'InviteAccountToOrganization',
  'LeaveOrganization',
  'MoveAccount',
  'RemoveAccountFromOrganization',
  'UpdatePolicy',
  'UpdateOrganizationalUnit',
];

/** The fifteen recommendations, keyed by CIS id: the data every monitoring check reads. */
export const CIS_MONITORING: Readonly<Record<string, MonitoringSpec>> = {
  '4.1': {
    cis: '4.1',
    fsbp: 'CloudWatch.2',
    subject: 'unauthorized API calls',
    pattern:
      '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") && ($.sourceIPAddress != "delivery.logs.amazonaws.com") && ($.eventName != "HeadBucket") }',
    catches: [
      { ...apiCall('ec2.amazonaws.com', 'RunInstances'), errorCode: 'Client.UnauthorizedOperation' },
      { ...apiCall('ec2.amazonaws.com', 'TerminateInstances'), errorCode: 'UnauthorizedOperation' },
      { ...apiCall('iam.amazonaws.com', 'CreateUser'), errorCode: 'AccessDenied' },
      { ...apiCall('kms.amazonaws.com', 'Decrypt'), errorCode: 'AccessDeniedException' },
    ],
  },
  '4.2': {
    cis: '4.2',
    fsbp: 'CloudWatch.3',
    subject: 'console sign-in without MFA',
    pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }',
    catches: [consoleLogin({ additionalEventData: { MFAUsed: 'No' }, responseElements: { ConsoleLogin: 'Success' } })],
  },
  '4.3': {
    cis: '4.3',
    fsbp: 'CloudWatch.1',
    subject: 'usage of the root user',
    pattern:
      '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }',
    catches: [
      { ...apiCall('iam.amazonaws.com', 'CreateAccessKey'), userIdentity: { type: 'Root' } },
      consoleLogin({
        userIdentity: { type: 'Root' },
        additionalEventData: { MFAUsed: 'Yes' },
        responseElements: { ConsoleLogin: 'Success' },
      }),
    ],
  },
  '4.4': {
    cis: '4.4',
    fsbp: 'CloudWatch.4',
    subject: 'IAM policy changes',
    pattern: `{ ${eq(IAM_POLICY_EVENTS)} }`,
    catches: apiCalls('iam.amazonaws.com', IAM_POLICY_EVENTS),
  },
  '4.5': {
    cis: '4.5',
    fsbp: 'CloudWatch.5',
    subject: 'CloudTrail configuration changes',
    pattern: `{ ${eq(TRAIL_EVENTS)} }`,
    catches: apiCalls('cloudtrail.amazonaws.com', TRAIL_EVENTS),
  },
  '4.6': {
    cis: '4.6',
    fsbp: 'CloudWatch.6',
    subject: 'console authentication failures',
    pattern: '{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed authentication") }',
    catches: [
      consoleLogin({
        errorMessage: 'Failed authentication',
        additionalEventData: { MFAUsed: 'No' },
        responseElements: { ConsoleLogin: 'Failure' },
      }),
    ],
  },
  '4.7': {
    cis: '4.7',
    fsbp: 'CloudWatch.7',
    subject: 'disabling or scheduled deletion of customer managed KMS keys',
    pattern: `{ ($.eventSource = kms.amazonaws.com) && (${eq(KMS_EVENTS)}) }`,
    catches: apiCalls('kms.amazonaws.com', KMS_EVENTS),
  },
  '4.8': {
    cis: '4.8',
    fsbp: 'CloudWatch.8',
    subject: 'S3 bucket policy changes',
    pattern: `{ ($.eventSource = s3.amazonaws.com) && (${eq(BUCKET_POLICY_EVENTS)}) }`,
    catches: apiCalls('s3.amazonaws.com', BUCKET_POLICY_EVENTS),
  },
  '4.9': {
    cis: '4.9',
    fsbp: 'CloudWatch.9',
    subject: 'AWS Config configuration changes',
    pattern: `{ ($.eventSource = config.amazonaws.com) && (${eq(CONFIG_EVENTS)}) }`,
    catches: apiCalls('config.amazonaws.com', CONFIG_EVENTS),
  },
  '4.10': {
    cis: '4.10',
    fsbp: 'CloudWatch.10',
    subject: 'security group changes',
    pattern: `{ ${eq(SECURITY_GROUP_EVENTS)} }`,
    catches: apiCalls('ec2.amazonaws.com', SECURITY_GROUP_EVENTS),
  },
  '4.11': {
    cis: '4.11',
    fsbp: 'CloudWatch.11',
    subject: 'network ACL changes',
    pattern: `{ ${eq(NACL_EVENTS)} }`,
    catches: apiCalls('ec2.amazonaws.com', NACL_EVENTS),
  },
  '4.12': {
    cis: '4.12',
    fsbp: 'CloudWatch.12',
    subject: 'network gateway changes',
    pattern: `{ ${eq(GATEWAY_EVENTS)} }`,
    catches: apiCalls('ec2.amazonaws.com', GATEWAY_EVENTS),
  },
  '4.13': {
    cis: '4.13',
    fsbp: 'CloudWatch.13',
    subject: 'route table changes',
    pattern: `{ ${eq(ROUTE_TABLE_EVENTS)} }`,
    catches: apiCalls('ec2.amazonaws.com', ROUTE_TABLE_EVENTS),
  },
  '4.14': {
    cis: '4.14',
    fsbp: 'CloudWatch.14',
    subject: 'VPC changes',
    pattern: `{ ${eq(VPC_EVENTS)} }`,
    catches: apiCalls('ec2.amazonaws.com', VPC_EVENTS),
  },
  '4.15': {
    cis: '4.15',
    subject: 'AWS Organizations changes',
    pattern: `{ ($.eventSource = organizations.amazonaws.com) && (${eq(ORGANIZATIONS_EVENTS)}) }`,
    catches: apiCalls('organizations.amazonaws.com', ORGANIZATIONS_EVENTS),
  },
};

/** Whether a filter pattern catches every event the recommendation names, and not routine activity. */
export function patternSatisfies(spec: MonitoringSpec, pattern: string): boolean {
  const expression: FilterExpression | undefined = parseFilterPattern(pattern);
  if (!expression) return false;
  return spec.catches.every((event) => matchesEvent(expression, event)) && !matchesEvent(expression, ROUTINE_EVENT);
}

type MonitoringSlices =
  | 'cloudtrail.trails'
  | 'cloudtrail.trailStatus'
  | 'cloudtrail.eventSelectors'
  | 'logs.metricFilters'
  | 'cloudwatch.alarms'
  | 'sns.topicSubscriptions';

const MONITORING_SLICES: readonly MonitoringSlices[] = [
  'cloudtrail.trails',
  'cloudtrail.trailStatus',
  'cloudtrail.eventSelectors',
  'logs.metricFilters',
  'cloudwatch.alarms',
  'sns.topicSubscriptions',
];

type MonitoringInventory = InventoryView<MonitoringSlices>;

const isSnsTopic = (arn: string): boolean => /^arn:[^:]+:sns:/.test(arn);

/** How far one trail gets towards the recommendation: a full chain, a reason it stops, or unknown. */
type TrailOutcome = { kind: 'pass'; message: string } | { kind: 'gap'; reason: string } | { kind: 'unknown' };

function alarmOutcome(
  alarm: MetricAlarm,
  subscriptionsOf: (topic: string) => SnsTopicSubscriptions | undefined,
): { ok: true; topic: string; subscriptions: number } | { ok: false; reason: string } | { ok: 'unknown' } {
  const topics = alarm.alarmActions.filter(isSnsTopic);
  if (topics.length === 0) return { ok: false, reason: `alarm ${alarm.name} has no SNS topic among its actions` };
  if (!alarm.actionsEnabled) return { ok: false, reason: `alarm ${alarm.name} has its actions disabled` };
  const known = topics.flatMap((t) => {
    const found = subscriptionsOf(t);
    return found ? [found] : [];
  });
  const confirmed = (t: SnsTopicSubscriptions): number => t.subscriptions.filter((s) => s.confirmed).length;
  const subscribed = known.find((t) => confirmed(t) > 0);
  if (subscribed) return { ok: true, topic: subscribed.arn, subscriptions: confirmed(subscribed) };
  // A topic whose subscriptions could not be read may be the one with a subscriber.
  if (known.length < topics.length) return { ok: 'unknown' };
  const deleted = known.filter((t) => !t.topicExists).map((t) => t.arn);
  const empty = known.filter((t) => t.topicExists).map((t) => t.arn);
  return {
    ok: false,
    reason: [
      ...(empty.length > 0
        ? [`alarm ${alarm.name} notifies ${joinNames(empty)}, which has no confirmed subscription`]
        : []),
      ...(deleted.length > 0 ? [`alarm ${alarm.name} notifies ${joinNames(deleted)}, which no longer exists`] : []),
    ].join('; '),
  };
}

function trailOutcome(spec: MonitoringSpec, trail: Trail, inventory: MonitoringInventory): TrailOutcome {
  const { cloudtrail, logs, cloudwatch, sns } = inventory;
  const status = cloudtrail.trailStatus.find((s) => s.arn === trail.arn);
  const selectors = cloudtrail.eventSelectors.find((s) => s.arn === trail.arn);
  if (!status || !selectors) return { kind: 'unknown' };
  const trailGaps = [
    ...(status.isLogging ? [] : ['is not logging']),
    ...[managementEventGap(selectors)].filter((g): g is string => g !== undefined),
  ];
  if (trailGaps.length > 0) return { kind: 'gap', reason: `trail ${trail.name} ${joinNames(trailGaps)}` };
  if (!trail.cloudWatchLogsLogGroupArn) {
    return { kind: 'gap', reason: `trail ${trail.name} does not send events to CloudWatch Logs` };
  }
  const group = logGroupOf(trail.cloudWatchLogsLogGroupArn);
  if (!group || group.accountId !== inventory.accountId) {
    return {
      kind: 'gap',
      reason: `trail ${trail.name} sends to ${trail.cloudWatchLogsLogGroupArn}, outside this account, whose filters cannot be read from here`,
    };
  }
  const filters = logs.metricFilters.find((f) => f.arn === group.arn);
  if (!filters) return { kind: 'unknown' };
  const where = `log group ${group.name} of trail ${trail.name}`;
  const matching = filters.filters.filter((f: MetricFilter) => patternSatisfies(spec, f.pattern));
  if (matching.length === 0) {
    const present = filters.filters.map((f) => f.name);
    return {
      kind: 'gap',
      reason: `${where} has no metric filter catching ${spec.subject}${present.length > 0 ? ` (its filters: ${joinNames(present)})` : ''}`,
    };
  }
  const subscriptionsOf = (topic: string) => sns.topicSubscriptions.find((t) => t.arn === topic);
  const reasons: string[] = [];
  let unknown = false;
  for (const filter of matching) {
    const alarms = cloudwatch.alarms.filter(
      (a) =>
        a.region === group.region &&
        a.metrics.some((m) => filter.metrics.some((f) => f.namespace === m.namespace && f.name === m.name)),
    );
    const metricNames = joinNames(filter.metrics.map((m) => `${m.namespace}/${m.name}`));
    if (alarms.length === 0) {
      reasons.push(
        `metric filter ${filter.name} on ${where} publishes ${metricNames || 'no metric'}, which no alarm watches`,
      );
      continue;
    }
    for (const alarm of alarms) {
      const outcome = alarmOutcome(alarm, subscriptionsOf);
      if (outcome.ok === 'unknown') {
        unknown = true;
        continue;
      }
      if (outcome.ok) {
        return {
          kind: 'pass',
          message:
            `Multi-region trail ${trail.name} sends to log group ${group.name}, whose metric filter ${filter.name} catches ` +
            `${spec.subject}; alarm ${alarm.name} on ${metricNames} notifies ${outcome.topic} ` +
            `(${outcome.subscriptions} confirmed subscription${outcome.subscriptions === 1 ? '' : 's'}).`,
        };
      }
      reasons.push(`metric filter ${filter.name} on ${where}: ${outcome.reason}`);
    }
  }
  return unknown ? { kind: 'unknown' } : { kind: 'gap', reason: reasons.join('; ') };
}

/** One result on the account: PASS naming the chain that works, or FAIL naming where each trail stops. */
export function monitoringResults(spec: MonitoringSpec, inventory: MonitoringInventory): CheckResult[] {
  const account = accountResource(inventory);
  const multiRegion = inventory.cloudtrail.trails.filter((t) => t.multiRegion);
  if (multiRegion.length === 0) {
    return [
      fail(
        account,
        `No alarm watches ${spec.subject}: the account has no multi-region CloudTrail trail delivering to CloudWatch Logs.`,
      ),
    ];
  }
  const outcomes = multiRegion.map((trail) => trailOutcome(spec, trail, inventory));
  const passed = outcomes.find((o) => o.kind === 'pass');
  if (passed) return [pass(account, passed.message)];
  // A trail whose status, selectors, filters or topic subscriptions could not be read may be the one that
  // passes: the engine reports ERROR for what was not collected.
  if (outcomes.some((o) => o.kind === 'unknown')) return [];
  const reasons = outcomes.flatMap((o) => (o.kind === 'gap' ? [o.reason] : []));
  return [fail(account, `No alarm watches ${spec.subject}: ${reasons.join('; ')}.`)];
}

/** What a monitoring check file states itself; the rest comes from its recommendation. */
export interface MonitoringCheckOptions {
  id: string;
  title: string;
  severity: CheckDefinition<MonitoringSlices>['severity'];
  risk: string;
}

/** A CIS monitoring check for recommendation `cis` (one of `CIS_MONITORING`). */
export function monitoringCheck(cis: keyof typeof CIS_MONITORING, options: MonitoringCheckOptions) {
  const spec = CIS_MONITORING[cis];
  if (!spec) throw new Error(`No CIS monitoring recommendation ${cis}.`);
  const compliance: ComplianceRef[] = [
    ...(spec.fsbp ? [{ framework: 'aws-fsbp' as const, control: spec.fsbp }] : []),
    { framework: 'cis-aws-3.0', control: spec.cis },
    { framework: 'cis-aws-4.0', control: spec.cis },
  ];
  const metric = options.id.replace(/^cloudwatch-alarm-/, '');
  return defineCheck({
    id: options.id,
    title: options.title,
    service: 'cloudwatch',
    resourceType: 'AwsAccount',
    srmClass: 'account',
    obligation: 'logging-audit',
    severity: options.severity,
    requires: MONITORING_SLICES,
    compliance,
    risk: options.risk,
    remediation: {
      text:
        `On the log group of a multi-region trail that is logging, add a metric filter catching ${spec.subject} ` +
        '(the pattern below, or an equivalent one), an alarm on its metric (threshold 1), and an SNS topic with at ' +
        'least one confirmed subscription as the alarm action.',
      cli:
        `aws logs put-metric-filter --log-group-name <trail-log-group> --filter-name ${metric} ` +
        `--metric-transformations metricName=${metric},metricNamespace=CISBenchmark,metricValue=1 ` +
        `--filter-pattern '${spec.pattern}' && aws cloudwatch put-metric-alarm --alarm-name ${metric} ` +
        `--metric-name ${metric} --namespace CISBenchmark --statistic Sum --period 300 --threshold 1 ` +
        '--comparison-operator GreaterThanOrEqualToThreshold --evaluation-periods 1 --alarm-actions <sns-topic-arn>',
      url: 'https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html',
    },
    evaluate: (inventory) => monitoringResults(spec, inventory),
  });
}

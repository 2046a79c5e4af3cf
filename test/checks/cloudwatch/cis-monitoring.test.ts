import { describe, expect, it } from 'vitest';
import { CIS_MONITORING, patternSatisfies } from '../../../lambdas/core/checks/cloudwatch/cis-monitoring.js';
import { cloudwatchAlarmCloudtrailChanges } from '../../../lambdas/core/checks/cloudwatch/index.js';
import { trail } from '../../fixtures/cloudtrail.js';
import {
  ACCOUNT_ID,
  alarm,
  auditTrail,
  chainPassMessage,
  globalAccount,
  LOG_GROUP_ARN,
  logGroupFilters,
  metricFilter,
  monitoringInventory,
  TOPIC_ARN,
  topicSubscriptions,
} from '../../fixtures/detection.js';
import { inventoryWith, runCheckOn } from '../../fixtures/scan.js';

const SPEC = CIS_MONITORING['4.5'];
if (!SPEC) throw new Error('4.5 missing');
const PATTERN = SPEC.pattern;
const SUBJECT = 'CloudTrail configuration changes';
const check = cloudwatchAlarmCloudtrailChanges;
const where = 'metric filter cis-filter on log group harbor-cloudtrail of trail harbor-org-audit';

describe('CIS monitoring: the recommendation data', () => {
  it('accepts each recommendation’s own benchmark pattern', () => {
    // Prepare
    const specs = Object.values(CIS_MONITORING);

    // Act
    const rejected = specs.filter((spec) => !patternSatisfies(spec, spec.pattern)).map((s) => s.cis);

    // Assess
    expect(specs.map((s) => s.cis)).toEqual(Array.from({ length: 15 }, (_, i) => `4.${i + 1}`));
    expect(rejected).toEqual([]);
  });

  it('rejects a catch-all filter, such as the CIS 3.0 text of 4.1 that joins its exclusions with ||', () => {
    // Prepare
    const spec = CIS_MONITORING['4.1'];
    const cis30Text =
      '{ ($.errorCode = *UnauthorizedOperation) || ($.errorCode = AccessDenied*) || ($.sourceIPAddress!=delivery.logs.amazonaws.com) || ($.eventName!=HeadBucket) }';

    // Act
    const results = spec ? [patternSatisfies(spec, '{ $.eventName = "*" }'), patternSatisfies(spec, cis30Text)] : [];

    // Assess
    expect(results).toEqual([false, false]);
  });
});

describe('CIS monitoring: the trail → filter → alarm → topic chain', () => {
  it('fails when the account has no multi-region trail', () => {
    // Prepare
    const inventory = monitoringInventory(PATTERN, { trails: [trail('harbor-eu-payments-trail')] });

    // Act
    const results = runCheckOn(check, inventory);

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: globalAccount,
        message: `No alarm watches ${SUBJECT}: the account has no multi-region CloudTrail trail delivering to CloudWatch Logs.`,
      },
    ]);
  });

  it('fails when the multi-region trail is not logging', () => {
    // Prepare
    const inventory = monitoringInventory(PATTERN, { logging: false });

    // Act
    const [result] = runCheckOn(check, inventory);

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(`No alarm watches ${SUBJECT}: trail harbor-org-audit is not logging.`);
  });

  it('fails when the trail does not deliver to CloudWatch Logs, or delivers to another account', () => {
    // Prepare
    const { cloudWatchLogsLogGroupArn: _, ...withoutLogs } = auditTrail;
    const elsewhere = trail('harbor-org-trail', {
      multiRegion: true,
      cloudWatchLogsLogGroupArn: 'arn:aws:logs:us-east-1:999999999999:log-group:org-trail:*',
    });
    const inventory = monitoringInventory(PATTERN, { trails: [withoutLogs, elsewhere] });

    // Act
    const [result] = runCheckOn(check, inventory);

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(
      `No alarm watches ${SUBJECT}: trail harbor-org-audit does not send events to CloudWatch Logs; trail harbor-org-trail sends to arn:aws:logs:us-east-1:999999999999:log-group:org-trail:*, outside this account, whose filters cannot be read from here.`,
    );
  });

  it('fails when the log group has no metric filter at all', () => {
    // Prepare
    const inventory = monitoringInventory(PATTERN, { metricFilters: [logGroupFilters([])] });

    // Act
    const [result] = runCheckOn(check, inventory);

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(
      `No alarm watches ${SUBJECT}: log group harbor-cloudtrail of trail harbor-org-audit has no metric filter catching ${SUBJECT}.`,
    );
  });

  it('fails when no alarm watches the filter’s metric, or only one in another region', () => {
    // Prepare
    const inventory = monitoringInventory(PATTERN, {
      alarms: [alarm('cis-alarm', 'cis-filter', { region: 'eu-west-1' }), alarm('other-alarm', 'other-metric')],
    });

    // Act
    const [result] = runCheckOn(check, inventory);

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(
      `No alarm watches ${SUBJECT}: ${where} publishes CISBenchmark/cis-filter, which no alarm watches.`,
    );
  });

  it('fails when the alarm has no SNS action, or its actions are disabled', () => {
    // Prepare
    const inventory = monitoringInventory(PATTERN, {
      alarms: [
        alarm('cis-alarm', 'cis-filter', { alarmActions: ['arn:aws:automate:us-east-1:ec2:stop'] }),
        alarm('cis-alarm-2', 'cis-filter', { actionsEnabled: false }),
      ],
    });

    // Act
    const [result] = runCheckOn(check, inventory);

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(
      `No alarm watches ${SUBJECT}: ${where}: alarm cis-alarm has no SNS topic among its actions; ${where}: alarm cis-alarm-2 has its actions disabled.`,
    );
  });

  it('fails when the topic has only pending subscriptions', () => {
    // Prepare
    const inventory = monitoringInventory(PATTERN, { subscriptions: [topicSubscriptions(0, 2)] });

    // Act
    const [result] = runCheckOn(check, inventory);

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(
      `No alarm watches ${SUBJECT}: ${where}: alarm cis-alarm notifies ${TOPIC_ARN}, which has no confirmed subscription.`,
    );
  });

  it('fails when the alarm notifies a topic that no longer exists', () => {
    // Prepare
    const inventory = monitoringInventory(PATTERN, {
      subscriptions: [{ ...topicSubscriptions(0), topicExists: false }],
    });

    // Act
    const [result] = runCheckOn(check, inventory);

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(
      `No alarm watches ${SUBJECT}: ${where}: alarm cis-alarm notifies ${TOPIC_ARN}, which no longer exists.`,
    );
  });

  it('returns nothing when the subscriptions of the alarm’s topic could not be collected', () => {
    // Prepare
    const inventory = monitoringInventory(PATTERN, { subscriptions: [] });

    // Act
    const results = runCheckOn(check, inventory);

    // Assess
    expect(results).toEqual([]);
  });

  it('passes through any qualifying filter, alarm and topic among several', () => {
    // Prepare
    const second = `arn:aws:sns:us-east-1:${ACCOUNT_ID}:harbor-pager`;
    const inventory = monitoringInventory(PATTERN, {
      metricFilters: [
        logGroupFilters([metricFilter('catch-all', '{ $.eventName = * }'), metricFilter('cis-filter', PATTERN)]),
      ],
      alarms: [alarm('cis-alarm', 'cis-filter', { alarmActions: [TOPIC_ARN, second] })],
      subscriptions: [topicSubscriptions(0, 1), topicSubscriptions(2, 0, second)],
    });

    // Act
    const [result] = runCheckOn(check, inventory);

    // Assess
    expect(result).toEqual({
      status: 'PASS',
      resource: globalAccount,
      message: chainPassMessage(SUBJECT).replace(
        `${TOPIC_ARN} (1 confirmed subscription)`,
        `${second} (2 confirmed subscriptions)`,
      ),
    });
  });

  it('passes through a second trail when the first falls short', () => {
    // Prepare
    const regional = trail('harbor-eu-payments-trail', {
      cloudWatchLogsLogGroupArn: `${LOG_GROUP_ARN}-eu:*`,
    });
    const inventory = monitoringInventory(PATTERN, { trails: [regional, auditTrail] });

    // Act
    const results = runCheckOn(check, inventory);

    // Assess
    expect(results).toEqual([{ status: 'PASS', resource: globalAccount, message: chainPassMessage(SUBJECT) }]);
  });

  it('returns nothing when the log group’s filters could not be collected (the engine reports ERROR)', () => {
    // Prepare
    const inventory = monitoringInventory(PATTERN, { metricFilters: [] });

    // Act
    const results = runCheckOn(check, inventory);

    // Assess
    expect(results).toEqual([]);
  });

  it('returns nothing when a trail’s status could not be collected', () => {
    // Prepare
    const inventory = inventoryWith({
      'cloudtrail.trails': [auditTrail],
      'cloudtrail.trailStatus': [],
      'cloudtrail.eventSelectors': [],
      'logs.metricFilters': [],
      'cloudwatch.alarms': [],
      'sns.topicSubscriptions': [],
    });

    // Act
    const results = runCheckOn(check, inventory);

    // Assess
    expect(results).toEqual([]);
  });
});

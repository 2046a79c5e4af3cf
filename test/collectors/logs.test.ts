import {
  CloudWatchLogsClient,
  DescribeLogGroupsCommand,
  DescribeMetricFiltersCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { logsCollectors } from '../../lambdas/core/collectors/logs.js';
import { compliantTrail, trail } from '../fixtures/cloudtrail.js';
import { awsError } from '../helpers/aws-errors.js';
import { runCollector } from '../helpers/collect.js';

const logsMock = mockClient(CloudWatchLogsClient);
const collector = logsCollectors['logs.metricFilters'];
const group = (region: string, name: string, account = '123456789012') =>
  `arn:aws:logs:${region}:${account}:log-group:${name}`;

beforeEach(() => {
  logsMock.reset();
});

describe('Collector: logs.metricFilters', () => {
  it('pages through the filters of each trail log group of this account once, in its region', async () => {
    // Prepare
    const audit = compliantTrail('harbor-org-audit', {
      cloudWatchLogsLogGroupArn: `${group('us-east-1', 'harbor-cloudtrail')}:*`,
    });
    const copy = trail('harbor-audit-copy', {
      cloudWatchLogsLogGroupArn: `${group('us-east-1', 'harbor-cloudtrail')}:*`,
    });
    const eu = trail('harbor-eu-trail', {
      homeRegion: 'eu-west-1',
      cloudWatchLogsLogGroupArn: `${group('eu-west-1', 'harbor-eu-trail')}:*`,
    });
    const org = trail('org-trail', {
      accountId: '999999999999',
      cloudWatchLogsLogGroupArn: `${group('us-east-1', 'org-trail', '999999999999')}:*`,
    });
    logsMock
      .on(DescribeMetricFiltersCommand, { logGroupName: 'harbor-cloudtrail' })
      .resolvesOnce({
        metricFilters: [
          {
            filterName: 'root-usage',
            filterPattern: '{ $.userIdentity.type = "Root" }',
            metricTransformations: [{ metricName: 'RootUsage', metricNamespace: 'CISBenchmark', metricValue: '1' }],
            logGroupName: 'harbor-cloudtrail',
          },
        ],
        nextToken: 'p2',
      })
      .resolvesOnce({ metricFilters: [{ filterName: 'empty', filterPattern: '', metricTransformations: [] }] })
      .on(DescribeMetricFiltersCommand, { logGroupName: 'harbor-eu-trail' })
      .resolves({ metricFilters: [] });

    // Act
    const { value, issues } = await runCollector(collector, {
      dependencies: { 'cloudtrail.trails': [audit, copy, eu, org] },
    });

    // Assess
    expect(issues).toEqual([]);
    expect(logsMock).toHaveReceivedCommandTimes(DescribeMetricFiltersCommand, 3);
    expect(logsMock).toHaveReceivedNthCommandWith(DescribeMetricFiltersCommand, 3, {
      logGroupName: 'harbor-cloudtrail',
      limit: 50,
      nextToken: 'p2',
    });
    expect(value).toEqual([
      {
        arn: group('us-east-1', 'harbor-cloudtrail'),
        region: 'us-east-1',
        logGroupName: 'harbor-cloudtrail',
        filters: [
          {
            name: 'root-usage',
            pattern: '{ $.userIdentity.type = "Root" }',
            metrics: [{ namespace: 'CISBenchmark', name: 'RootUsage' }],
          },
          { name: 'empty', pattern: '', metrics: [] },
        ],
      },
      { arn: group('eu-west-1', 'harbor-eu-trail'), region: 'eu-west-1', logGroupName: 'harbor-eu-trail', filters: [] },
    ]);
  });

  it('reports a log group it cannot read and keeps the others', async () => {
    // Prepare
    const audit = compliantTrail('harbor-org-audit', {
      cloudWatchLogsLogGroupArn: `${group('us-east-1', 'harbor-cloudtrail')}:*`,
    });
    logsMock.on(DescribeMetricFiltersCommand).rejects(awsError('json', 'AccessDeniedException', { status: 400 }));

    // Act
    const { value, issues } = await runCollector(collector, { dependencies: { 'cloudtrail.trails': [audit] } });

    // Assess
    expect(value).toEqual([]);
    expect(issues).toEqual([
      {
        slice: 'logs.metricFilters',
        region: 'us-east-1',
        resourceArn: group('us-east-1', 'harbor-cloudtrail'),
        errorCode: 'AccessDeniedException',
        message: 'AccessDeniedException',
      },
    ]);
  });
});

describe('Collector: logs.logGroups', () => {
  it('pages through the region’s log groups and normalises their ARN and retention', async () => {
    // Prepare
    logsMock
      .on(DescribeLogGroupsCommand)
      .resolvesOnce({
        logGroups: [
          {
            logGroupName: 'harbor-cloudtrail',
            arn: `${group('eu-west-1', 'harbor-cloudtrail')}:*`,
            retentionInDays: 400,
            kmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/logs',
            logGroupClass: 'STANDARD',
          },
        ],
        nextToken: 'p2',
      })
      .resolvesOnce({ logGroups: [{ logGroupName: '/aws/lambda/harbor-orders-api' }] });

    // Act
    const { value } = await runCollector(logsCollectors['logs.logGroups'], { region: 'eu-west-1' });

    // Assess
    expect(logsMock).toHaveReceivedNthCommandWith(DescribeLogGroupsCommand, 2, { limit: 50, nextToken: 'p2' });
    expect(value).toEqual([
      {
        arn: group('eu-west-1', 'harbor-cloudtrail'),
        id: 'harbor-cloudtrail',
        region: 'eu-west-1',
        accountId: '123456789012',
        name: 'harbor-cloudtrail',
        retentionInDays: 400,
        kmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/logs',
        logGroupClass: 'STANDARD',
      },
      {
        arn: group('eu-west-1', '/aws/lambda/harbor-orders-api'),
        id: '/aws/lambda/harbor-orders-api',
        region: 'eu-west-1',
        accountId: '123456789012',
        name: '/aws/lambda/harbor-orders-api',
      },
    ]);
  });

  it('lets an AccessDenied throw', async () => {
    // Prepare
    logsMock.on(DescribeLogGroupsCommand).rejects(awsError('json', 'AccessDeniedException', { status: 400 }));

    // Act
    const collecting = runCollector(logsCollectors['logs.logGroups']);

    // Assess
    await expect(collecting).rejects.toThrow('AccessDeniedException');
  });
});

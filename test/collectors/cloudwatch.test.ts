import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { cloudwatchCollectors } from '../../lambdas/core/collectors/cloudwatch.js';
import { awsError } from '../helpers/aws-errors.js';
import { runCollector } from '../helpers/collect.js';

const cloudwatchMock = mockClient(CloudWatchClient);
const collector = cloudwatchCollectors['cloudwatch.alarms'];
const TOPIC = 'arn:aws:sns:eu-west-1:123456789012:harbor-security-alerts';

beforeEach(() => {
  cloudwatchMock.reset();
});

describe('Collector: cloudwatch.alarms', () => {
  it('pages through metric alarms and reads metric-math alarms’ metrics', async () => {
    // Prepare
    cloudwatchMock
      .on(DescribeAlarmsCommand)
      .resolvesOnce({
        MetricAlarms: [
          {
            AlarmName: 'root-usage',
            AlarmArn: 'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:root-usage',
            MetricName: 'RootUsage',
            Namespace: 'CISBenchmark',
            AlarmActions: [TOPIC],
          },
        ],
        NextToken: 'p2',
      })
      .resolvesOnce({
        MetricAlarms: [
          {
            AlarmName: 'api-errors',
            ActionsEnabled: false,
            Metrics: [
              { Id: 'e1', Expression: 'm1 * 2' },
              {
                Id: 'm1',
                MetricStat: {
                  Metric: { Namespace: 'CISBenchmark', MetricName: 'Unauthorized' },
                  Period: 300,
                  Stat: 'Sum',
                },
              },
            ],
          },
        ],
      });

    // Act
    const { value } = await runCollector(collector, { region: 'eu-west-1' });

    // Assess
    expect(cloudwatchMock).toHaveReceivedNthCommandWith(DescribeAlarmsCommand, 1, {
      AlarmTypes: ['MetricAlarm'],
      MaxRecords: 100,
    });
    expect(cloudwatchMock).toHaveReceivedNthCommandWith(DescribeAlarmsCommand, 2, {
      AlarmTypes: ['MetricAlarm'],
      MaxRecords: 100,
      NextToken: 'p2',
    });
    expect(value).toEqual([
      {
        arn: 'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:root-usage',
        id: 'root-usage',
        region: 'eu-west-1',
        accountId: '123456789012',
        name: 'root-usage',
        actionsEnabled: true,
        alarmActions: [TOPIC],
        metrics: [{ namespace: 'CISBenchmark', name: 'RootUsage' }],
      },
      {
        arn: 'arn:aws:cloudwatch:eu-west-1:123456789012:alarm:api-errors',
        id: 'api-errors',
        region: 'eu-west-1',
        accountId: '123456789012',
        name: 'api-errors',
        actionsEnabled: false,
        alarmActions: [],
        metrics: [{ namespace: 'CISBenchmark', name: 'Unauthorized' }],
      },
    ]);
  });

  it('returns no alarm for a region without any', async () => {
    // Prepare
    cloudwatchMock.on(DescribeAlarmsCommand).resolves({ MetricAlarms: [], CompositeAlarms: [] });

    // Act
    const { value } = await runCollector(collector);

    // Assess
    expect(value).toEqual([]);
  });

  it('lets an AccessDenied throw', async () => {
    // Prepare
    cloudwatchMock.on(DescribeAlarmsCommand).rejects(awsError('json', 'AccessDenied', { status: 403 }));

    // Act
    const collecting = runCollector(collector);

    // Assess
    await expect(collecting).rejects.toThrow('AccessDenied');
  });
});

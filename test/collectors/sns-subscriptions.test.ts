import { ListSubscriptionsByTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { snsSubscriptionCollectors } from '../../lambdas/core/collectors/sns-subscriptions.js';
import { alarm } from '../fixtures/detection.js';
import { awsError } from '../helpers/aws-errors.js';
import { runCollector } from '../helpers/collect.js';

const snsMock = mockClient(SNSClient);
const collector = snsSubscriptionCollectors['sns.topicSubscriptions'];
const topic = (name: string, region = 'us-east-1') => `arn:aws:sns:${region}:123456789012:${name}`;

beforeEach(() => {
  snsMock.reset();
});

describe('Collector: sns.topicSubscriptions', () => {
  it('pages through the subscriptions of each topic an alarm notifies, once per topic, pending ones unconfirmed', async () => {
    // Prepare
    const alarms = [
      alarm('root-usage', 'RootUsage', { alarmActions: [topic('alerts'), 'arn:aws:automate:us-east-1:ec2:stop'] }),
      alarm('cloudtrail-changes', 'CloudTrailChanges', { alarmActions: [topic('alerts')] }),
      alarm('eu-vpc-changes', 'VpcChanges', { region: 'eu-west-1', alarmActions: [topic('pager', 'eu-west-1')] }),
    ];
    snsMock
      .on(ListSubscriptionsByTopicCommand, { TopicArn: topic('alerts') })
      .resolvesOnce({
        Subscriptions: [
          {
            SubscriptionArn: `${topic('alerts')}:1b2c`,
            TopicArn: topic('alerts'),
            Protocol: 'email',
            Endpoint: 'security@harbor.example',
            Owner: '210987654321',
          },
        ],
        NextToken: 'p2',
      })
      .resolvesOnce({ Subscriptions: [{ SubscriptionArn: `${topic('alerts')}:3d4e`, Protocol: 'sqs' }] })
      .on(ListSubscriptionsByTopicCommand, { TopicArn: topic('pager', 'eu-west-1') })
      .resolves({
        Subscriptions: [{ SubscriptionArn: 'PendingConfirmation', Protocol: 'https', Endpoint: 'https://x' }],
      });

    // Act
    const { value, issues } = await runCollector(collector, { dependencies: { 'cloudwatch.alarms': alarms } });

    // Assess
    expect(issues).toEqual([]);
    expect(snsMock).toHaveReceivedCommandTimes(ListSubscriptionsByTopicCommand, 3);
    expect(snsMock).toHaveReceivedCommandWith(ListSubscriptionsByTopicCommand, {
      TopicArn: topic('alerts'),
      NextToken: 'p2',
    });
    expect(value).toEqual([
      {
        arn: topic('alerts'),
        region: 'us-east-1',
        topicExists: true,
        subscriptions: [
          { protocol: 'email', confirmed: true },
          { protocol: 'sqs', confirmed: true },
        ],
      },
      {
        arn: topic('pager', 'eu-west-1'),
        region: 'eu-west-1',
        topicExists: true,
        subscriptions: [{ protocol: 'https', confirmed: false }],
      },
    ]);
    expect(JSON.stringify(value)).not.toContain('harbor.example');
  });

  it('records a deleted topic (NotFound) as a normal value with no subscription', async () => {
    // Prepare
    snsMock
      .on(ListSubscriptionsByTopicCommand)
      .rejects(awsError('query', 'NotFoundException', { status: 404, message: 'Topic does not exist' }));

    // Act
    const { value, issues } = await runCollector(collector, {
      dependencies: { 'cloudwatch.alarms': [alarm('root-usage', 'RootUsage', { alarmActions: [topic('gone')] })] },
    });

    // Assess
    expect(issues).toEqual([]);
    expect(value).toEqual([{ arn: topic('gone'), region: 'us-east-1', topicExists: false, subscriptions: [] }]);
  });

  it('reports a topic it may not read and keeps the others', async () => {
    // Prepare
    snsMock
      .on(ListSubscriptionsByTopicCommand, { TopicArn: topic('shared') })
      .rejects(awsError('query', 'AuthorizationErrorException', { status: 403 }))
      .on(ListSubscriptionsByTopicCommand, { TopicArn: topic('alerts') })
      .resolves({ Subscriptions: [] });

    // Act
    const { value, issues } = await runCollector(collector, {
      dependencies: {
        'cloudwatch.alarms': [alarm('root-usage', 'RootUsage', { alarmActions: [topic('shared'), topic('alerts')] })],
      },
    });

    // Assess
    expect(value).toEqual([{ arn: topic('alerts'), region: 'us-east-1', topicExists: true, subscriptions: [] }]);
    expect(issues).toEqual([
      {
        slice: 'sns.topicSubscriptions',
        region: 'us-east-1',
        resourceArn: topic('shared'),
        errorCode: 'AuthorizationError',
        message: 'AuthorizationErrorException',
      },
    ]);
  });
});

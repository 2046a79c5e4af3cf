import { ListSubscriptionsCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { snsSubscriptionCollectors } from '../../lambdas/core/collectors/sns-subscriptions.js';
import { awsError } from '../helpers/aws-errors.js';
import { runCollector } from '../helpers/collect.js';

const snsMock = mockClient(SNSClient);
const collector = snsSubscriptionCollectors['sns.topicSubscriptions'];
const topic = (name: string) => `arn:aws:sns:eu-west-1:123456789012:${name}`;

beforeEach(() => {
  snsMock.reset();
});

describe('Collector: sns.topicSubscriptions', () => {
  it('pages through the region’s subscriptions and groups them by topic, pending ones unconfirmed', async () => {
    // Prepare
    snsMock
      .on(ListSubscriptionsCommand)
      .resolvesOnce({
        Subscriptions: [
          {
            SubscriptionArn: `${topic('alerts')}:1b2c`,
            TopicArn: topic('alerts'),
            Protocol: 'email',
            Endpoint: 'security@harbor.example',
          },
          {
            SubscriptionArn: 'PendingConfirmation',
            TopicArn: topic('pager'),
            Protocol: 'https',
            Endpoint: 'https://x',
          },
        ],
        NextToken: 'p2',
      })
      .resolvesOnce({
        Subscriptions: [{ SubscriptionArn: `${topic('alerts')}:3d4e`, TopicArn: topic('alerts'), Protocol: 'sqs' }],
      });

    // Act
    const { value } = await runCollector(collector, { region: 'eu-west-1' });

    // Assess
    expect(snsMock).toHaveReceivedNthCommandWith(ListSubscriptionsCommand, 2, { NextToken: 'p2' });
    expect(value).toEqual([
      {
        arn: topic('alerts'),
        region: 'eu-west-1',
        subscriptions: [
          { protocol: 'email', confirmed: true },
          { protocol: 'sqs', confirmed: true },
        ],
      },
      { arn: topic('pager'), region: 'eu-west-1', subscriptions: [{ protocol: 'https', confirmed: false }] },
    ]);
    expect(JSON.stringify(value)).not.toContain('harbor.example');
  });

  it('returns nothing for a region without subscriptions', async () => {
    // Prepare
    snsMock.on(ListSubscriptionsCommand).resolves({ Subscriptions: [] });

    // Act
    const { value } = await runCollector(collector);

    // Assess
    expect(value).toEqual([]);
  });

  it('lets an AuthorizationError throw', async () => {
    // Prepare
    snsMock.on(ListSubscriptionsCommand).rejects(awsError('query', 'AuthorizationErrorException', { status: 403 }));

    // Act
    const collecting = runCollector(collector);

    // Assess
    await expect(collecting).rejects.toThrow('AuthorizationErrorException');
  });
});

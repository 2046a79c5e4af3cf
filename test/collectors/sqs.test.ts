import { GetQueueAttributesCommand, ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { sqsCollectors } from '../../lambdas/core/collectors/sqs.js';
import { awsError } from '../helpers/aws-errors.js';
import { runCollector } from '../helpers/collect.js';

const sqsMock = mockClient(SQSClient);
const urlOf = (name: string) => `https://sqs.eu-west-1.amazonaws.com/123456789012/${name}`;
const arnOf = (name: string) => `arn:aws:sqs:eu-west-1:123456789012:${name}`;

/**
 * SQS speaks JSON with AWS query compatibility: the SDK names the error after its exception and
 * also carries the legacy query code (`x-amzn-query-error`) as `Code`.
 */
const nonExistentQueue = () =>
  Object.assign(awsError('json', 'QueueDoesNotExist'), { Code: 'AWS.SimpleQueueService.NonExistentQueue' });

beforeEach(() => {
  sqsMock.reset();
});

describe('Collector: sqs.queues', () => {
  it('pages through ListQueues at 1,000 per page and normalises every queue’s attributes', async () => {
    // Prepare
    sqsMock
      .on(ListQueuesCommand)
      .resolvesOnce({ QueueUrls: [urlOf('orders')], NextToken: 'page-2' })
      .resolvesOnce({ QueueUrls: [urlOf('payments')] })
      .on(GetQueueAttributesCommand, { QueueUrl: urlOf('orders') })
      .resolves({ Attributes: { QueueArn: arnOf('orders'), SqsManagedSseEnabled: 'true' } })
      .on(GetQueueAttributesCommand, { QueueUrl: urlOf('payments') })
      .resolves({
        Attributes: {
          QueueArn: arnOf('payments'),
          SqsManagedSseEnabled: 'false',
          KmsMasterKeyId: 'alias/aws/sqs',
          Policy: JSON.stringify({
            Statement: [{ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sqs:*' }],
          }),
        },
      });

    // Act
    const { value, issues } = await runCollector(sqsCollectors['sqs.queues'], { region: 'eu-west-1' });

    // Assess
    expect(issues).toEqual([]);
    expect(sqsMock).toHaveReceivedNthCommandWith(ListQueuesCommand, 1, { MaxResults: 1000 });
    expect(sqsMock).toHaveReceivedNthCommandWith(ListQueuesCommand, 2, { MaxResults: 1000, NextToken: 'page-2' });
    expect(sqsMock).toHaveReceivedCommandWith(GetQueueAttributesCommand, { AttributeNames: ['All'] });
    expect(value).toEqual([
      {
        arn: arnOf('orders'),
        id: 'orders',
        region: 'eu-west-1',
        accountId: '123456789012',
        name: 'orders',
        url: urlOf('orders'),
        sqsManagedSseEnabled: true,
        policy: null,
      },
      {
        arn: arnOf('payments'),
        id: 'payments',
        region: 'eu-west-1',
        accountId: '123456789012',
        name: 'payments',
        url: urlOf('payments'),
        sqsManagedSseEnabled: false,
        kmsMasterKeyId: 'alias/aws/sqs',
        policy: { statements: [{ effect: 'Allow', principal: { AWS: ['111122223333'] }, action: ['sqs:*'] }] },
      },
    ]);
  });

  it('reports an AccessDenied queue by its ARN and keeps the others', async () => {
    // Prepare
    sqsMock
      .on(ListQueuesCommand)
      .resolves({ QueueUrls: [urlOf('orders'), urlOf('locked')] })
      .on(GetQueueAttributesCommand, { QueueUrl: urlOf('orders') })
      .resolves({ Attributes: { QueueArn: arnOf('orders') } })
      .on(GetQueueAttributesCommand, { QueueUrl: urlOf('locked') })
      .rejects(awsError('json', 'AccessDeniedException', { status: 403 }));

    // Act
    const { value, issues } = await runCollector(sqsCollectors['sqs.queues'], { region: 'eu-west-1' });

    // Assess
    expect(value.map((q) => q.name)).toEqual(['orders']);
    expect(issues.map((i) => [i.resourceArn, i.errorCode])).toEqual([[arnOf('locked'), 'AccessDeniedException']]);
  });

  it('skips a queue deleted since the listing', async () => {
    // Prepare
    sqsMock
      .on(ListQueuesCommand)
      .resolves({ QueueUrls: [urlOf('gone')] })
      .on(GetQueueAttributesCommand)
      .rejects(nonExistentQueue());

    // Act
    const { value, issues } = await runCollector(sqsCollectors['sqs.queues'], { region: 'eu-west-1' });

    // Assess
    expect(value).toEqual([]);
    expect(issues).toEqual([]);
  });
});

import { GetTopicAttributesCommand, ListTopicsCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { snsCollectors } from '../../lambdas/core/collectors/sns.js';
import { awsError } from '../helpers/aws-errors.js';
import { runCollector } from '../helpers/collect.js';

const snsMock = mockClient(SNSClient);
const arnOf = (name: string) => `arn:aws:sns:eu-west-1:123456789012:${name}`;
const openPolicy = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: '*', Action: 'SNS:Publish', Resource: arnOf('alerts') }],
});

beforeEach(() => {
  snsMock.reset();
});

describe('Collector: sns.topics', () => {
  it('pages through ListTopics, reads each topic’s attributes and normalises them', async () => {
    // Prepare
    snsMock
      .on(ListTopicsCommand)
      .resolvesOnce({ Topics: [{ TopicArn: arnOf('alerts') }], NextToken: 'page-2' })
      .resolvesOnce({ Topics: [{ TopicArn: arnOf('orders') }] })
      .on(GetTopicAttributesCommand, { TopicArn: arnOf('alerts') })
      .resolves({ Attributes: { TopicArn: arnOf('alerts'), KmsMasterKeyId: 'alias/aws/sns', Policy: openPolicy } })
      .on(GetTopicAttributesCommand, { TopicArn: arnOf('orders') })
      // SNS answers an empty KmsMasterKeyId once encryption has been turned off.
      .resolves({ Attributes: { TopicArn: arnOf('orders'), KmsMasterKeyId: '' } });

    // Act
    const { value, issues } = await runCollector(snsCollectors['sns.topics'], { region: 'eu-west-1' });

    // Assess
    expect(issues).toEqual([]);
    expect(snsMock).toHaveReceivedNthCommandWith(ListTopicsCommand, 2, { NextToken: 'page-2' });
    expect(value).toEqual([
      {
        arn: arnOf('alerts'),
        id: 'alerts',
        region: 'eu-west-1',
        accountId: '123456789012',
        name: 'alerts',
        kmsMasterKeyId: 'alias/aws/sns',
        policy: {
          version: '2012-10-17',
          statements: [
            { effect: 'Allow', principal: { AWS: ['*'] }, action: ['SNS:Publish'], resource: [arnOf('alerts')] },
          ],
        },
      },
      {
        arn: arnOf('orders'),
        id: 'orders',
        region: 'eu-west-1',
        accountId: '123456789012',
        name: 'orders',
        policy: null,
      },
    ]);
  });

  it('reports an AccessDenied topic as a collection issue and keeps the others', async () => {
    // Prepare
    snsMock
      .on(ListTopicsCommand)
      .resolves({ Topics: [{ TopicArn: arnOf('alerts') }, { TopicArn: arnOf('locked') }] })
      .on(GetTopicAttributesCommand, { TopicArn: arnOf('alerts') })
      .resolves({ Attributes: {} })
      .on(GetTopicAttributesCommand, { TopicArn: arnOf('locked') })
      .rejects(awsError('query', 'AuthorizationErrorException', { status: 403 }));

    // Act
    const { value, issues } = await runCollector(snsCollectors['sns.topics'], { region: 'eu-west-1' });

    // Assess
    expect(value.map((t) => t.name)).toEqual(['alerts']);
    expect(issues.map((i) => [i.slice, i.resourceArn, i.errorCode])).toEqual([
      ['sns.topics', arnOf('locked'), 'AuthorizationError'],
    ]);
  });

  it('skips a topic deleted between the listing and the attribute read', async () => {
    // Prepare
    snsMock
      .on(ListTopicsCommand)
      .resolves({ Topics: [{ TopicArn: arnOf('gone') }] })
      .on(GetTopicAttributesCommand)
      .rejects(awsError('query', 'NotFoundException', { status: 404 }));

    // Act
    const { value, issues } = await runCollector(snsCollectors['sns.topics'], { region: 'eu-west-1' });

    // Assess
    expect(value).toEqual([]);
    expect(issues).toEqual([]);
  });
});

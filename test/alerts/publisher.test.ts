import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Digest } from '../../lambdas/core/alerts/digest.js';
import { publishDigest, topicRegion } from '../../lambdas/core/alerts/publisher.js';
import { ApiCallCounter } from '../../lambdas/core/aws/api-calls.js';
import { AwsClients } from '../../lambdas/core/aws/clients.js';
import { AlertPublishError } from '../../lambdas/core/model/errors.js';

const TOPIC = 'arn:aws:sns:eu-west-1:123456789012:srm-scan-alerts';
const sns = mockClient(SNSClient);

const digest = (overrides: Partial<Digest> = {}): Digest => ({
  subject: 'srm-scan 123456789012: 1 new critical',
  body: 'srm-scan digest\n',
  bytes: 16,
  attributes: { severity: 'critical', accountId: '123456789012' },
  shown: 1,
  omitted: 0,
  ...overrides,
});

describe('Function: publishDigest', () => {
  beforeEach(() => {
    sns.reset();
  });
  afterEach(() => {
    sns.reset();
  });

  it('publishes one message with String attributes severity and accountId for filter policies', async () => {
    // Prepare
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
    const clients = new AwsClients(new ApiCallCounter(), { endpoint: undefined });

    // Act
    const result = await publishDigest(clients, { topicArn: TOPIC }, digest());

    // Assess
    expect(result).toEqual({ messageId: 'm-1' });
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 1);
    expect(sns).toHaveReceivedCommandWith(PublishCommand, {
      TopicArn: TOPIC,
      Subject: 'srm-scan 123456789012: 1 new critical',
      Message: 'srm-scan digest\n',
      MessageAttributes: {
        severity: { DataType: 'String', StringValue: 'critical' },
        accountId: { DataType: 'String', StringValue: '123456789012' },
      },
    });
  });

  it('sends to the region of the topic ARN unless one is given', async () => {
    // Prepare
    const explicit = { topicArn: TOPIC, region: 'us-east-1' };

    // Act
    const fromArn = topicRegion({ topicArn: TOPIC });
    const given = topicRegion(explicit);

    // Assess
    expect(fromArn).toBe('eu-west-1');
    expect(given).toBe('us-east-1');
    expect(() => topicRegion({ topicArn: 'my-topic' })).toThrow(AlertPublishError);
  });

  it('wraps an SNS failure in AlertPublishError with the cause', async () => {
    // Prepare
    const denied = Object.assign(new Error('not authorized to perform SNS:Publish'), { name: 'AuthorizationError' });
    sns.on(PublishCommand).rejects(denied);
    const clients = new AwsClients(new ApiCallCounter(), { endpoint: undefined });

    // Act
    const error = await publishDigest(clients, { topicArn: TOPIC }, digest()).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(AlertPublishError);
    expect((error as AlertPublishError).message).toContain(
      `Could not publish the digest to ${TOPIC}: AuthorizationError`,
    );
    expect((error as AlertPublishError).cause).toBe(denied);
  });

  it('refuses a subject or body SNS would reject before calling it', async () => {
    // Prepare
    const clients = new AwsClients(new ApiCallCounter(), { endpoint: undefined });

    // Act
    const badSubject = publishDigest(clients, { topicArn: TOPIC }, digest({ subject: 'two\nlines' }));
    const tooLarge = publishDigest(clients, { topicArn: TOPIC }, digest({ body: 'x'.repeat(256 * 1024) }));

    // Assess
    await expect(badSubject).rejects.toThrow(/not SNS-safe/);
    await expect(tooLarge).rejects.toThrow(/over SNS's 262144-byte limit/);
    expect(sns).toHaveReceivedCommandTimes(PublishCommand, 0);
  });
});

import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CHAT_LIMITS } from '../../lambdas/core/alerts/chat.js';
import {
  formatOrganizationChatNotification,
  formatOrganizationDigest,
  mergeAccountResults,
  summariseOrganization,
} from '../../lambdas/core/alerts/organization-digest.js';
import { AGGREGATOR_ENV, createAggregateHandler, parseAggregatorEnvironment } from '../../lambdas/org/aggregate.js';
import { accountScanResult } from '../fixtures/account-result.js';

describe('Function: formatOrganizationChatNotification', () => {
  it('lists failed accounts first and keeps resource names inert, from the same summary as the e-mail digest', () => {
    // Prepare
    const [sample] = accountScanResult('1').alertable.sample;
    const outcomes = mergeAccountResults(
      [
        accountScanResult('111111111111', {
          alertable: { count: 1, sample: sample ? [{ ...sample, resourceId: 'logs`<!here>' }] : [] },
        }),
      ],
      [{ accountId: '333333333333', error: 'CollectionError', cause: 'AccessDenied' }],
    );
    const summary = summariseOrganization(outcomes, { executionName: 'run-1', startedAt: '2026-11-25T03:00:00Z' });
    const { subject } = formatOrganizationDigest(summary, outcomes, 'high');

    // Act
    const chat = formatOrganizationChatNotification(summary, outcomes, 'high', subject);

    // Assess
    const { description } = chat.content;
    expect(chat).toMatchObject({ version: '1.0', source: 'custom', content: { textType: 'client-markdown' } });
    expect(description.indexOf('333333333333')).toBeLessThan(description.indexOf('111111111111'));
    expect(description).toContain('`logsˋ&lt;!here&gt;`');
    expect(description).not.toContain('<!here>');
    expect(description.length).toBeLessThanOrEqual(CHAT_LIMITS.description);
  });
});

describe('Aggregator: chat format', () => {
  const sns = mockClient(SNSClient);
  const dynamodb = mockClient(DynamoDBClient);
  afterAll(() => {
    sns.restore();
    dynamodb.restore();
  });

  it('publishes one structured message when chat channels are subscribed', async () => {
    // Prepare
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
    dynamodb.on(PutItemCommand).resolves({});
    const env = parseAggregatorEnvironment({
      [AGGREGATOR_ENV.findingsTable]: 'findings',
      [AGGREGATOR_ENV.alertTopicArn]: 'arn:aws:sns:eu-west-1:999999999999:alerts',
      [AGGREGATOR_ENV.alertChat]: 'true',
    });
    const handler = createAggregateHandler({
      environment: () => env,
      s3: () => new S3Client({ region: 'eu-west-1' }),
      sns: () => new SNSClient({ region: 'eu-west-1' }),
      dynamodb: () => new DynamoDBClient({ region: 'eu-west-1' }),
      logger: { info: vi.fn(), warn: vi.fn() },
      now: () => new Date('2026-11-25T03:20:00Z'),
    });

    // Act
    await handler({ executionName: 'run', startedAt: '2026-11-25T03:00:00Z', runError: { Error: 'States.Runtime' } });

    // Assess
    const input = sns.commandCalls(PublishCommand)[0]?.args[0].input;
    expect(input?.MessageStructure).toBe('json');
    const message = JSON.parse(input?.Message ?? '{}') as { default: string; https: string };
    expect(message.default).toContain('THE RUN STOPPED EARLY');
    expect(JSON.parse(message.https)).toMatchObject({
      source: 'custom',
      metadata: { threadId: 'srm-scan-organization' },
    });
  });
});

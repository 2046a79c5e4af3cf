import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { CHAT_LIMITS } from '../../lambdas/core/alerts/chat.js';
import { formatOrganizationChatNotification } from '../../lambdas/core/alerts/organization-chat.js';
import {
  type DigestAccountOutcome,
  formatOrganizationDigest,
  summariseOrganization,
} from '../../lambdas/core/alerts/organization-digest.js';
import { AGGREGATOR_ENV, createAggregateHandler, parseAggregatorEnvironment } from '../../lambdas/org/aggregate.js';

const outcome = (accountId: string, overrides: Partial<DigestAccountOutcome> = {}): DigestAccountOutcome => ({
  accountId,
  status: 'SCANNED',
  shards: 1,
  result: {
    accountId,
    scanIds: [`scan-${accountId}`],
    regions: ['eu-west-1'],
    complete: true,
    notCollected: 0,
    durationSeconds: 60,
    checks: 182,
    totals: { PASS: 10, FAIL: 1, SUPPRESSED: 0, ERROR: 0 },
    failedBySrmClass: { infrastructure: 0, container: 0, abstracted: 1, account: 0 },
    failedBySeverity: { critical: 1, high: 0, medium: 0, low: 0, informational: 0 },
    coverage: { evaluated: 11, notEvaluated: 0, share: 1 },
    lifecycle: { new: 1, regressed: 0, resolved: 0, open: 1 },
    collectionIssues: 0,
    alertable: {
      count: 1,
      sample: [
        {
          kind: 'new',
          checkId: 's3-bucket-public-access-blocked',
          title: 'S3 buckets block public access',
          severity: 'critical',
          srmClass: 'abstracted',
          resourceId: 'logs`<!here>',
          region: 'eu-west-1',
        },
      ],
    },
    apiCalls: 100,
  },
  errors: [],
  ...overrides,
});

describe('Function: formatOrganizationChatNotification', () => {
  it('lists failed accounts first and keeps resource names inert, from the same summary as the e-mail digest', () => {
    // Prepare
    const outcomes = [
      outcome('111111111111'),
      {
        accountId: '333333333333',
        status: 'FAILED',
        shards: 1,
        errors: [{ error: 'CollectionError', cause: 'AccessDenied' }],
      },
    ] satisfies DigestAccountOutcome[];
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

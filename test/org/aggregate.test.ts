import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  formatOrganizationDigest,
  mergeAccountResults,
  summariseOrganization,
} from '../../lambdas/core/alerts/organization-digest.js';
import {
  type AggregatorEnvironment,
  createAggregateHandler,
  ORGANIZATION_SCAN_PARTITION,
} from '../../lambdas/org/aggregate.js';
import { accountScanResult as result } from '../fixtures/account-result.js';

describe('Function: mergeAccountResults', () => {
  it('merges the region shards of an account and marks an account with a failed shard PARTIAL', () => {
    // Prepare
    const succeeded = [
      result('111111111111'),
      result('111111111111', { regions: ['us-east-1'] }),
      result('222222222222', { regions: ['eu-west-1'] }),
    ];
    const failed = [
      { accountId: '222222222222', regions: ['us-east-1'], error: 'States.Timeout' },
      { accountId: '333333333333', error: 'CollectionError', cause: 'AccessDenied on sts:AssumeRole' },
    ];

    // Act
    const outcomes = mergeAccountResults(succeeded, failed);

    // Assess
    expect(outcomes.map((o) => [o.accountId, o.status, o.shards])).toEqual([
      ['111111111111', 'SCANNED', 2],
      ['222222222222', 'PARTIAL', 2],
      ['333333333333', 'FAILED', 1],
    ]);
    expect(outcomes[0]?.result?.regions).toEqual(['eu-west-1', 'us-east-1']);
    expect(outcomes[0]?.result?.totals.FAIL).toBe(4);
  });

  it('marks an account whose scan the time budget cut short PARTIAL', () => {
    // Prepare, Act
    const [outcome] = mergeAccountResults([result('111111111111', { complete: false, notCollected: 3 })], []);

    // Assess
    expect(outcome?.status).toBe('PARTIAL');
    expect(outcome?.result?.complete).toBe(false);
  });
});

describe('Function: formatOrganizationDigest', () => {
  it('groups by account, failed accounts first, then by SRM class with the new findings under their class', () => {
    // Prepare
    const outcomes = mergeAccountResults(
      [result('111111111111')],
      [{ accountId: '333333333333', error: 'CollectionError', cause: 'role SrmScanReader missing' }],
    );
    const summary = summariseOrganization(outcomes, { executionName: 'run-1', startedAt: '2026-11-25T03:00:00Z' });

    // Act
    const digest = formatOrganizationDigest(summary, outcomes, 'high');

    // Assess
    expect(digest.subject).toBe('srm-scan organisation: 1 new finding (high+) in 2 accounts, 1 failed');
    const body = digest.body;
    expect(body.indexOf('ACCOUNT 333333333333 - FAILED')).toBeLessThan(body.indexOf('ACCOUNT 111111111111 - SCANNED'));
    expect(body).toContain('role SrmScanReader missing');
    const account = body.slice(body.indexOf('ACCOUNT 111111111111'));
    expect(account.indexOf('  infrastructure: 1 FAIL')).toBeLessThan(account.indexOf('  abstracted: 1 FAIL'));
    expect(account).toContain(
      '  abstracted: 1 FAIL\n    NEW [critical] s3-bucket-public-access-blocked logs-bucket (eu-west-1)',
    );
  });

  it('masks a secret in a resource name or title from an account, as an account digest does', () => {
    // Prepare: a token-shaped value assembled at run time so that secret scanners do not flag this file.
    const token = ['ghp_', 'Zq7VwXk3Mj5PLn2RtY8bHc4DfG6sJ9aQe1Uo'].join('');
    const [sample] = result('1').alertable.sample;
    const outcomes = mergeAccountResults(
      [
        result('111111111111', {
          alertable: { count: 1, sample: sample ? [{ ...sample, resourceId: `logs-${token}`, title: token }] : [] },
        }),
      ],
      [],
    );
    const summary = summariseOrganization(outcomes, { executionName: 'run-1', startedAt: '2026-11-25T03:00:00Z' });

    // Act
    const digest = formatOrganizationDigest(summary, outcomes, 'high');

    // Assess
    expect(digest.body).not.toContain(token.slice(4, 12));
    expect(digest.body).toMatch(/\[GitHub token, fingerprint [0-9a-f]{8}\]/);
  });

  it('counts the findings it lists and those only counted, and tags the message for subscription filters', () => {
    // Prepare: 25 new findings in one account, of which the account result lists a sample of one.
    const outcomes = mergeAccountResults(
      [result('111111111111', { alertable: { ...result('1').alertable, count: 25 } }), result('222222222222')],
      [],
    );
    const quiet = mergeAccountResults([result('111111111111', { alertable: { count: 0, sample: [] } })], []);
    const context = { executionName: 'run-1', startedAt: '2026-11-25T03:00:00Z' };

    // Act
    const digest = formatOrganizationDigest(summariseOrganization(outcomes, context), outcomes, 'high');
    const quietDigest = formatOrganizationDigest(summariseOrganization(quiet, context), quiet, 'high');

    // Assess
    expect([digest.shown, digest.omitted]).toEqual([2, 24]);
    expect(digest.body).toContain('... and 24 more new finding(s): query the findings table for account 111111111111.');
    expect(digest.bytes).toBe(Buffer.byteLength(digest.body, 'utf8'));
    expect(digest.attributes).toEqual({ severity: 'high', accountId: 'organization' });
    expect(quietDigest.attributes.severity).toBe('none');
  });
});

const s3 = mockClient(S3Client);
const sns = mockClient(SNSClient);
const dynamodb = mockClient(DynamoDBClient);
afterEach(() => {
  s3.reset();
  sns.reset();
  dynamodb.reset();
});

/** The part of GetObject's streaming body the aggregator reads. */
const body = (value: unknown) => ({ transformToString: async () => JSON.stringify(value) });

const ENV: AggregatorEnvironment = {
  findingsTable: 'findings',
  alertTopicArn: 'arn:aws:sns:eu-west-1:999999999999:alerts',
  minAlertSeverity: 'high',
  notifyOn: 'changes',
  historyTtlDays: 90,
};

const handlerWith = (env: AggregatorEnvironment = ENV) =>
  createAggregateHandler({
    environment: () => env,
    s3: () => new S3Client({ region: 'eu-west-1' }),
    sns: () => new SNSClient({ region: 'eu-west-1' }),
    dynamodb: () => new DynamoDBClient({ region: 'eu-west-1' }),
    logger: { info: vi.fn(), warn: vi.fn() },
    now: () => new Date('2026-11-25T03:20:00Z'),
  });

describe('Function: createAggregateHandler', () => {
  it('reads the map run results, publishes one organisation digest and writes one summary item', async () => {
    // Prepare
    s3.on(GetObjectCommand, { Key: 'results/run/manifest.json' })
      .resolves({
        Body: body({
          ResultFiles: {
            SUCCEEDED: [{ Key: 'results/run/SUCCEEDED_0.json' }],
            FAILED: [{ Key: 'results/run/FAILED_0.json' }],
          },
        }),
      } as never)
      .on(GetObjectCommand, { Key: 'results/run/SUCCEEDED_0.json' })
      .resolves({
        Body: body([
          { Status: 'SUCCEEDED', Output: JSON.stringify(result('111111111111')) },
          { Status: 'SUCCEEDED', Output: JSON.stringify(result('222222222222')) },
        ]),
      } as never)
      .on(GetObjectCommand, { Key: 'results/run/FAILED_0.json' })
      .resolves({
        Body: body([
          {
            Status: 'FAILED',
            Input: JSON.stringify({ source: 'srm-scan.organization', accountId: '333333333333' }),
            Error: 'CollectionError',
            Cause: 'AccessDenied: not authorized to perform sts:AssumeRole',
          },
        ]),
      } as never);
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
    dynamodb.on(PutItemCommand).resolves({});

    // Act
    const summary = await handlerWith()({
      executionName: 'run',
      startedAt: '2026-11-25T03:00:00Z',
      resultWriterDetails: { Bucket: 'results-bucket', Key: 'results/run/manifest.json' },
    });

    // Assess
    expect(summary.accounts).toEqual({ total: 3, scanned: 2, partial: 0, failed: 1 });
    expect(summary.published).toBe(true);
    const published = sns.commandCalls(PublishCommand);
    expect(published).toHaveLength(1);
    expect(published[0]?.args[0].input.Message).toContain('ACCOUNT 333333333333 - FAILED');
    const items = dynamodb.commandCalls(PutItemCommand);
    expect(items).toHaveLength(1);
    const item = unmarshall(items[0]?.args[0].input.Item ?? {});
    expect(item).toMatchObject({
      pk: ORGANIZATION_SCAN_PARTITION,
      sk: '2026-11-25T03:00:00Z#run',
      type: 'ORGANIZATION_SCAN',
      accounts: { total: 3, scanned: 2, partial: 0, failed: 1 },
    });
    expect(item.ttl).toBe(Math.floor(Date.parse('2026-11-25T03:20:00Z') / 1000) + 90 * 86_400);
  });

  it('still sends a digest naming the error when the run stopped before any result', async () => {
    // Prepare
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
    dynamodb.on(PutItemCommand).resolves({});

    // Act
    const summary = await handlerWith()({
      executionName: 'run',
      startedAt: '2026-11-25T03:00:00Z',
      runError: { Error: 'States.ExceedToleratedFailureThreshold', Cause: 'too many failures' },
    });

    // Assess
    expect(summary.runError).toContain('States.ExceedToleratedFailureThreshold');
    expect(sns.commandCalls(PublishCommand)[0]?.args[0].input.Message).toContain('THE RUN STOPPED EARLY');
    expect(s3.calls()).toHaveLength(0);
  });

  it('sends nothing on a quiet night with notifyOn changes, and still writes the summary item', async () => {
    // Prepare
    s3.on(GetObjectCommand, { Key: 'm.json' })
      .resolves({ Body: body({ ResultFiles: { SUCCEEDED: [{ Key: 's.json' }] } }) } as never)
      .on(GetObjectCommand, { Key: 's.json' })
      .resolves({
        Body: body([
          {
            Status: 'SUCCEEDED',
            Output: JSON.stringify(result('111111111111', { alertable: { count: 0, sample: [] } })),
          },
        ]),
      } as never);
    dynamodb.on(PutItemCommand).resolves({});

    // Act
    const summary = await handlerWith()({
      executionName: 'run',
      startedAt: '2026-11-25T03:00:00Z',
      resultWriterDetails: { Bucket: 'b', Key: 'm.json' },
    });

    // Assess
    expect(summary.published).toBe(false);
    expect(sns.calls()).toHaveLength(0);
    expect(dynamodb.commandCalls(PutItemCommand)).toHaveLength(1);
  });
});

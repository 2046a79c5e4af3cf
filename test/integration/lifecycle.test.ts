import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MotoServer, startMoto } from '../../demo/moto.js';
import { ApiCallCounter } from '../../lambdas/core/aws/api-calls.js';
import { AwsClients } from '../../lambdas/core/aws/clients.js';
import { parseConfig } from '../../lambdas/core/config/config-file.js';
import { findingKeys, lastObservedAt, storedWorkflow } from '../../lambdas/core/findings/items.js';
import { FindingsStore } from '../../lambdas/core/findings/store.js';
import { FINDINGS_TABLE_SCHEMA } from '../../lambdas/core/findings/table-schema.js';
import { runScanJob, type ScanJobOptions, type ScanJobResult } from '../../lambdas/core/job/run-scan-job.js';
import { createTable, createTopicWithQueue, receiveDigests, type SnsEnvelope } from '../helpers/moto-alerts.js';
import { bucket, FAKE_CHECKS, type FakeWorld, fakeCollectors, fakeWorld, volume } from '../job/fake-catalogue.js';

const REGION = 'us-east-1';
const TABLE = 'srm-scan-findings';

describe('Integration: findings lifecycle and digest on moto', () => {
  let moto: MotoServer;
  let clients: AwsClients;
  let dynamo: DynamoDBClient;
  const runs: { result: ScanJobResult; digests: SnsEnvelope[] }[] = [];

  beforeAll(async () => {
    moto = await startMoto();
    clients = new AwsClients(new ApiCallCounter(), { endpoint: moto.endpoint });
    dynamo = clients.get(DynamoDBClient, REGION);
    const sqs = clients.get(SQSClient, REGION);
    await createTable(dynamo, TABLE);
    const { topicArn, queueUrl } = await createTopicWithQueue(clients.get(SNSClient, REGION), sqs);
    const world: FakeWorld = fakeWorld('123456789012');
    world.buckets.push(
      bucket(world, 'shared-uploads'),
      bucket(world, 'build-cache'),
      bucket(world, 'finance-reports', { owner: 'finance' }),
    );
    world.volumes.push(
      volume(world, 'vol-legacy-db', 'eu-west-1', false),
      volume(world, 'vol-web', 'us-east-1', true),
      volume(world, 'vol-batch', 'eu-west-1', true),
    );
    const run = async (day: number) => {
      const options: ScanJobOptions = {
        config: parseConfig({ regions: ['us-east-1', 'eu-west-1'] }, 'integration test'),
        clients,
        store: { tableName: TABLE, region: REGION },
        alerts: { topicArn, minSeverity: 'high', notifyOn: 'changes' },
        checks: FAKE_CHECKS,
        collectors: fakeCollectors(world),
        now: () => new Date(Date.UTC(2026, 10, day, 3)),
      };
      const result = await runScanJob(options);
      runs.push({ result, digests: await receiveDigests(sqs, queueUrl) });
    };

    // Run 1: the baseline. Run 2: one resource fixed, another broken. Run 3: nothing changed.
    await run(20);
    const fixed = world.buckets.findIndex((b) => b.name === 'build-cache');
    world.buckets[fixed] = bucket(world, 'build-cache', { owner: 'platform' });
    world.volumes.push(volume(world, 'vol-scratch', 'us-east-1', false));
    await run(21);
    await run(22);
  }, 120_000);

  afterAll(async () => {
    clients?.destroy();
    await moto?.stop();
  });

  const nth = (n: number) => {
    const found = runs[n];
    if (!found) throw new Error(`run ${n + 1} did not happen`);
    return found;
  };

  it('sends one digest on the first run listing every FAIL as NEW', () => {
    // Prepare
    const { result, digests } = nth(0);

    // Act
    const [digest] = digests;

    // Assess
    expect(result.lifecycle).toMatchObject({ new: 3, resolved: 0, open: 3 });
    expect(digests).toHaveLength(1);
    expect(digest?.Type).toBe('Notification');
    expect(digest?.Subject).toBe('srm-scan 123456789012: 1 new critical, 2 new high');
    expect(digest?.MessageAttributes).toMatchObject({
      severity: { Type: 'String', Value: 'critical' },
      accountId: { Type: 'String', Value: '123456789012' },
    });
    expect(digest?.Message).toContain('Resource: arn:aws:ec2:eu-west-1:123456789012:volume/vol-legacy-db (eu-west-1)');
    expect(digest?.Message).toContain('Resource: arn:aws:s3:::shared-uploads (global)');
    expect(digest?.Message).toContain('Resource: arn:aws:s3:::build-cache (global)');
    expect(digest?.Message).not.toContain('finance-reports');
  });

  it('resolves the fixed resource on the second run and lists only the newly broken one', () => {
    // Prepare
    const { result, digests } = nth(1);

    // Act
    const [digest] = digests;

    // Assess
    expect(result.lifecycle).toMatchObject({ new: 1, resolved: 1, active: 2, open: 3 });
    expect(digests).toHaveLength(1);
    expect(digest?.Subject).toBe('srm-scan 123456789012: 1 new critical');
    expect(digest?.Message).toContain('[CRITICAL] NEW: EBS volumes are encrypted');
    expect(digest?.Message).toContain('vol-scratch');
    expect(digest?.Message).not.toContain('vol-legacy-db');
    expect(digest?.Message).not.toContain('shared-uploads');
    expect(digest?.Message).toContain('RESOLVED: 1 finding(s)');
  });

  it('sends no message on a third run where nothing changed', () => {
    // Prepare
    const { result, digests } = nth(2);

    // Act
    const published = result.alert?.published;

    // Assess
    expect(result.lifecycle).toMatchObject({ new: 0, resolved: 0, regressed: 0, active: 3 });
    expect(published).toBe(false);
    expect(digests).toEqual([]);
  });

  it('lists open failing findings by severity from the open-findings index', async () => {
    // Prepare
    const index = FINDINGS_TABLE_SCHEMA.openFindingsIndex;

    // Act
    const { Items = [] } = await dynamo.send(
      new QueryCommand({
        TableName: TABLE,
        IndexName: index.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': index.partitionKey },
        ExpressionAttributeValues: { ':pk': { S: findingKeys.openPartition('123456789012', 'critical') } },
      }),
    );

    // Assess
    expect(Items.map((item) => unmarshall(item).resourceId).sort()).toEqual(['vol-legacy-db', 'vol-scratch']);
  });

  it('keeps one scan summary item per run, oldest first', async () => {
    // Prepare
    const partition = findingKeys.scan('123456789012', '', '').pk;

    // Act
    const { Items = [] } = await dynamo.send(
      new QueryCommand({
        TableName: TABLE,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: partition } },
      }),
    );

    // Assess
    expect(Items.map((item) => unmarshall(item).lifecycle.new)).toEqual([3, 1, 0]);
    // Run 1: 6 states + 3 NEW + summary. Run 2: the fixed bucket, the new volume, their 2 transitions, one unchanged
    // state whose day of the 14-day refresh cycle it was (fixed by its id and the dates), the summary.
    // Run 3: the summary only: nothing changed, and no state was due for its lastSeenAt refresh.
    expect(runs.map((r) => r.result.stored?.items)).toEqual([6 + 3 + 1, 3 + 2 + 1, 0 + 0 + 1]);
    expect(runs.map((r) => r.result.lifecycle?.unchanged)).toEqual([0, 4, 7]);
  });

  it('tells when an unchanged finding was last observed from the scan summaries it was not rewritten by', async () => {
    // Prepare
    const store = new FindingsStore({ client: dynamo, tableName: TABLE });
    const current = await store.loadCurrent('123456789012', new Date(Date.UTC(2026, 10, 22, 4)));
    const shared = current.find((s) => s.resourceId === 'shared-uploads');
    if (!shared) throw new Error('shared-uploads is not stored');

    // Act
    const scans = await store.loadScanScopes('123456789012', shared.lastSeenAt);
    const observed = lastObservedAt(shared, scans);

    // Assess
    expect(shared).toMatchObject({ workflow: 'NEW', lastSeenAt: '2026-11-20T03:00:00.000Z' });
    expect(scans.map((scan) => scan.startedAt)).toEqual([
      '2026-11-20T03:00:00.000Z',
      '2026-11-21T03:00:00.000Z',
      '2026-11-22T03:00:00.000Z',
    ]);
    expect(observed).toBe('2026-11-22T03:00:00.000Z');
    expect(storedWorkflow(shared, observed)).toBe('ACTIVE');
  });
});

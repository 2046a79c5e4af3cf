import { BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiCallCounter } from '../../lambdas/core/aws/api-calls.js';
import { AwsClients } from '../../lambdas/core/aws/clients.js';
import { parseConfig } from '../../lambdas/core/config/config-file.js';
import { runScanJob, type ScanJobOptions } from '../../lambdas/core/job/run-scan-job.js';
import { ConfigurationError, EventPublishError } from '../../lambdas/core/model/errors.js';
import { bucket, FAKE_CHECKS, type FakeWorld, fakeCollectors, fakeWorld, volume } from '../job/fake-catalogue.js';
import { memoryTable } from '../job/memory-table.js';

const ACCOUNT = '123456789012';
const sts = mockClient(STSClient);
const ec2 = mockClient(EC2Client);
const eventBridge = mockClient(EventBridgeClient);
const table = memoryTable();

let world: FakeWorld;
let clock: Date;

function job(overrides: Partial<ScanJobOptions> = {}): ScanJobOptions {
  return {
    config: parseConfig({ regions: ['us-east-1', 'eu-west-1'] }, 'test'),
    clients: new AwsClients(new ApiCallCounter(), { endpoint: undefined }),
    store: { tableName: 'findings', region: 'us-east-1' },
    events: { put: { sleep: async () => {} } },
    checks: FAKE_CHECKS,
    collectors: fakeCollectors(world),
    now: () => clock,
    ...overrides,
  };
}

const sent = () =>
  eventBridge.commandCalls(PutEventsCommand).flatMap((c) =>
    (c.args[0].input.Entries ?? []).map((e: PutEventsRequestEntry) => {
      const detail = JSON.parse(e.Detail ?? '{}') as { resourceId?: string; transitions?: unknown };
      return `${e.DetailType}${detail.resourceId ? ` ${detail.resourceId}` : ''}`;
    }),
  );

describe('Function: runScanJob with events', () => {
  beforeEach(() => {
    sts.reset();
    ec2.reset();
    eventBridge.reset();
    table.reset();
    sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:root` });
    ec2.on(DescribeRegionsCommand).resolves({
      Regions: ['us-east-1', 'eu-west-1'].map((RegionName) => ({ RegionName, OptInStatus: 'opt-in-not-required' })),
    });
    eventBridge.on(PutEventsCommand).callsFake((input: { Entries: PutEventsRequestEntry[] }) => ({
      FailedEntryCount: 0,
      Entries: input.Entries.map((_, i) => ({ EventId: `e-${i}` })),
    }));
    clock = new Date('2026-11-20T03:00:00.000Z');
    world = fakeWorld(ACCOUNT);
    world.buckets.push(bucket(world, 'untagged'), bucket(world, 'tagged', { owner: 'data' }));
    world.volumes.push(volume(world, 'vol-plain', 'eu-west-1', false), volume(world, 'vol-safe', 'us-east-1', true));
  });
  afterAll(() => {
    sts.restore();
    ec2.restore();
    eventBridge.restore();
    table.restore();
  });

  it('puts a NEW event per new failing finding and a summary on the default bus, then RESOLVED after a fix', async () => {
    // Prepare
    const first = await runScanJob(job());
    const untagged = world.buckets[0];
    if (untagged) untagged.tags = { owner: 'web' };
    clock = new Date('2026-11-21T03:00:00.000Z');
    const firstRun = sent().sort();
    eventBridge.resetHistory();

    // Act
    const second = await runScanJob(job());

    // Assess
    expect(firstRun).toEqual([
      'srm-scan Finding New untagged',
      'srm-scan Finding New vol-plain',
      'srm-scan Scan Summary',
    ]);
    expect(first.events).toEqual({ bus: 'default', put: 3, findingEvents: 2, requests: 1, retried: 0 });
    expect(sent()).toEqual(['srm-scan Finding Resolved untagged', 'srm-scan Scan Summary']);
    expect(second.events?.findingEvents).toBe(1);
    const entry = eventBridge.commandCalls(PutEventsCommand)[0]?.args[0].input.Entries?.[0];
    expect(entry).toMatchObject({ EventBusName: 'default', Source: 'srm-scan', Resources: ['arn:aws:s3:::untagged'] });
  });

  it('writes no state when EventBridge keeps refusing events, so the next run sends them again', async () => {
    // Prepare
    eventBridge.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ ErrorCode: 'AccessDeniedException', ErrorMessage: 'not authorized' }],
    });

    // Act
    const run = runScanJob(job());

    // Assess
    await expect(run).rejects.toThrow(EventPublishError);
    expect(table.dynamo.commandCalls(BatchWriteItemCommand)).toHaveLength(0);
  });

  it('puts nothing on a dry run and reports what it would put', async () => {
    // Prepare
    const options = job({ dryRun: true });

    // Act
    const result = await runScanJob(options);

    // Assess
    expect(eventBridge.commandCalls(PutEventsCommand)).toHaveLength(0);
    expect(result.events).toEqual({ bus: 'default', put: 0, findingEvents: 2, requests: 0, retried: 0, dryRun: true });
  });

  it('refuses events without a findings table', async () => {
    // Prepare
    const options = job({ store: undefined });

    // Act
    const run = runScanJob(options);

    // Assess
    await expect(run).rejects.toThrow(ConfigurationError);
    await expect(run).rejects.toThrow(/events: finding events need a findings table/);
  });
});

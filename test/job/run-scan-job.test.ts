import { BatchWriteItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiCallCounter } from '../../lambdas/core/aws/api-calls.js';
import { AwsClients } from '../../lambdas/core/aws/clients.js';
import { parseConfig, type ScanConfigInput } from '../../lambdas/core/config/config-file.js';
import { selectChecks } from '../../lambdas/core/engine/select.js';
import { runScanJob, type ScanJobOptions } from '../../lambdas/core/job/run-scan-job.js';
import { AlertPublishError, ConfigurationError } from '../../lambdas/core/model/errors.js';
import { bucket, FAKE_CHECKS, type FakeWorld, fakeCollectors, fakeWorld, volume } from './fake-catalogue.js';
import { memoryTable } from './memory-table.js';

const ACCOUNT = '123456789012';
const TOPIC = `arn:aws:sns:us-east-1:${ACCOUNT}:srm-scan-alerts`;
const sts = mockClient(STSClient);
const ec2 = mockClient(EC2Client);
const sns = mockClient(SNSClient);
const table = memoryTable();

let world: FakeWorld;
let clock: Date;

const config = (input: ScanConfigInput = {}) => parseConfig({ regions: ['us-east-1', 'eu-west-1'], ...input }, 'test');

function job(overrides: Partial<ScanJobOptions> = {}): ScanJobOptions {
  return {
    config: config(),
    clients: new AwsClients(new ApiCallCounter(), { endpoint: undefined }),
    store: { tableName: 'findings', region: 'us-east-1' },
    alerts: { topicArn: TOPIC, minSeverity: 'high', notifyOn: 'changes' },
    checks: FAKE_CHECKS,
    collectors: fakeCollectors(world),
    now: () => clock,
    ...overrides,
  };
}

const published = () => sns.commandCalls(PublishCommand).map((c) => c.args[0].input);

describe('Function: runScanJob', () => {
  beforeEach(() => {
    sts.reset();
    ec2.reset();
    sns.reset();
    table.reset();
    sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:root` });
    ec2.on(DescribeRegionsCommand).resolves({
      Regions: ['us-east-1', 'eu-west-1'].map((RegionName) => ({ RegionName, OptInStatus: 'opt-in-not-required' })),
    });
    sns.on(PublishCommand).resolves({ MessageId: 'msg-1' });
    clock = new Date('2026-11-20T03:00:00.000Z');
    world = fakeWorld(ACCOUNT);
    world.buckets.push(bucket(world, 'untagged'), bucket(world, 'tagged', { owner: 'data' }));
    world.volumes.push(volume(world, 'vol-plain', 'eu-west-1', false), volume(world, 'vol-safe', 'us-east-1', true));
  });
  afterAll(() => {
    sts.restore();
    ec2.restore();
    sns.restore();
    table.restore();
  });

  it('returns only the report when no findings table is configured', async () => {
    // Prepare
    const options = job({ store: undefined, alerts: undefined });

    // Act
    const result = await runScanJob(options);

    // Assess
    expect(result.report.findings.map((f) => `${f.status} ${f.resourceId}`).sort()).toEqual([
      'FAIL untagged',
      'FAIL vol-plain',
      'PASS tagged',
      'PASS vol-safe',
    ]);
    expect(result.lifecycle).toBeUndefined();
    expect(table.dynamo.calls()).toHaveLength(0);
    expect(sns.calls()).toHaveLength(0);
  });

  it('refuses alerts without a findings table before scanning', async () => {
    // Prepare
    const options = job({ store: undefined });

    // Act
    const attempt = runScanJob(options);

    // Assess
    await expect(attempt).rejects.toThrow(ConfigurationError);
    expect(sts.calls()).toHaveLength(0);
  });

  it('publishes one digest listing every FAIL as NEW on the first run and stores the run', async () => {
    // Prepare
    const options = job();

    // Act
    const result = await runScanJob(options);

    // Assess
    expect(result.lifecycle).toMatchObject({ new: 2, active: 0, resolved: 0, passing: 2, open: 2 });
    expect(published()).toHaveLength(1);
    expect(published()[0]).toMatchObject({
      TopicArn: TOPIC,
      Subject: `srm-scan ${ACCOUNT}: 1 new critical, 1 new high`,
      MessageAttributes: {
        severity: { DataType: 'String', StringValue: 'critical' },
        accountId: { DataType: 'String', StringValue: ACCOUNT },
      },
    });
    expect(result.alert).toMatchObject({ published: true, messageId: 'msg-1' });
    expect(table.ofType('FINDING')).toHaveLength(4);
    expect(table.ofType('TRANSITION')).toHaveLength(2);
    expect(table.ofType('SCAN')).toMatchObject([
      { alert: { published: true, messageId: 'msg-1' }, lifecycle: { new: 2 } },
    ]);
    expect(result.stored).toMatchObject({ items: 4 + 2 + 1 });
    expect(result.stored?.bytes).toBeGreaterThan(0);
  });

  it('alerts only on what changed: a fixed resource resolves, a broken one is new, an unchanged run sends nothing', async () => {
    // Prepare
    await runScanJob(job());
    sns.resetHistory();
    world.buckets[0] = bucket(world, 'untagged', { owner: 'web' });
    world.volumes.push(volume(world, 'vol-new', 'us-east-1', false));

    // Act
    clock = new Date('2026-11-21T03:00:00.000Z');
    const second = await runScanJob(job());
    const secondMessages = published();
    sns.resetHistory();
    clock = new Date('2026-11-22T03:00:00.000Z');
    const third = await runScanJob(job());

    // Assess
    expect(second.lifecycle).toMatchObject({ new: 1, resolved: 1, active: 1, open: 2 });
    expect(secondMessages).toHaveLength(1);
    expect(secondMessages[0]?.Message).toContain('vol-new');
    expect(secondMessages[0]?.Message).not.toContain('vol-plain');
    expect(secondMessages[0]?.Subject).toBe(`srm-scan ${ACCOUNT}: 1 new critical`);
    expect(third.lifecycle).toMatchObject({ new: 0, resolved: 0, active: 2 });
    expect(third.alert).toMatchObject({ published: false });
    expect(published()).toHaveLength(0);
    expect(table.ofType('SCAN')).toHaveLength(3);
  });

  it('keeps the state of a region that could not be collected instead of resolving it', async () => {
    // Prepare
    await runScanJob(job());
    world.deniedVolumeRegions.add('eu-west-1');

    // Act
    clock = new Date('2026-11-21T03:00:00.000Z');
    const result = await runScanJob(job());

    // Assess
    expect(result.report.findings.filter((f) => f.status === 'ERROR')).toHaveLength(1);
    expect(result.lifecycle).toMatchObject({ resolved: 0, kept: 1, open: 2 });
    const plain = table.ofType('FINDING').find((f) => f.resourceId === 'vol-plain');
    expect(plain).toMatchObject({ workflow: 'NEW', lastSeenAt: '2026-11-20T03:00:00.000Z' });
  });

  it('keeps the findings of checks left out of the selection', async () => {
    // Prepare
    await runScanJob(job());
    world.volumes.length = 0;

    // Act
    clock = new Date('2026-11-21T03:00:00.000Z');
    const result = await runScanJob(job({ checks: selectChecks(FAKE_CHECKS, { checks: ['fake-s3-*'] }) }));

    // Assess
    expect(result.report.scan.checks.map((c) => c.checkId)).toEqual(['fake-s3-bucket-owner-tagged']);
    expect(result.lifecycle).toMatchObject({ resolved: 0, kept: 2 });
    expect(table.ofType('FINDING').find((f) => f.resourceId === 'vol-plain')?.workflow).toBe('NEW');
  });

  it('previews the lifecycle on a dry run without writing or publishing', async () => {
    // Prepare
    const options = job({ dryRun: true });

    // Act
    const result = await runScanJob(options);

    // Assess
    expect(result.lifecycle).toMatchObject({ new: 2 });
    expect(result.alert).toMatchObject({
      published: false,
      subject: `srm-scan ${ACCOUNT}: 1 new critical, 1 new high`,
    });
    expect(result.alert?.reason).toMatch(/^dry run/);
    expect(result.stored).toBeUndefined();
    expect(table.dynamo.commandCalls(QueryCommand).length).toBeGreaterThan(0);
    expect(table.dynamo.commandCalls(BatchWriteItemCommand)).toHaveLength(0);
    expect(sns.calls()).toHaveLength(0);
  });

  it('stores but never publishes with notifyOn never, and publishes every run with always', async () => {
    // Prepare
    const never = job({ alerts: { topicArn: TOPIC, minSeverity: 'high', notifyOn: 'never' } });
    const always = job({ alerts: { topicArn: TOPIC, minSeverity: 'high', notifyOn: 'always' } });

    // Act
    const first = await runScanJob(never);
    clock = new Date('2026-11-21T03:00:00.000Z');
    const second = await runScanJob(always);

    // Assess
    expect(first.alert).toMatchObject({ published: false });
    expect(first.stored?.items).toBeGreaterThan(0);
    expect(second.lifecycle).toMatchObject({ new: 0 });
    expect(published()).toHaveLength(1);
    expect(published()[0]).toMatchObject({
      Subject: `srm-scan ${ACCOUNT}: no new findings, 2 open, 0 resolved`,
      MessageAttributes: { severity: { DataType: 'String', StringValue: 'none' } },
    });
  });

  it('writes nothing when the digest cannot be published, so the next run alerts again', async () => {
    // Prepare
    sns.on(PublishCommand).rejects(Object.assign(new Error('KMS key disabled'), { name: 'KMSDisabledException' }));

    // Act
    const attempt = runScanJob(job());

    // Assess
    await expect(attempt).rejects.toThrow(AlertPublishError);
    expect(table.dynamo.commandCalls(BatchWriteItemCommand)).toHaveLength(0);
  });

  it('reports expired suppressions and alerts the findings they covered again', async () => {
    // Prepare
    const suppressed = config({
      suppressions: [{ checkId: 'fake-ec2-*', resource: '*', reason: 'Migration.', expiresAt: '2026-11-20' }],
    });
    const first = await runScanJob(job({ config: suppressed }));
    sns.resetHistory();

    // Act
    clock = new Date('2026-11-21T03:00:00.000Z');
    const second = await runScanJob(job({ config: suppressed }));

    // Assess
    expect(first.lifecycle).toMatchObject({ new: 1, suppressed: 1 });
    expect(second.lifecycle).toMatchObject({ new: 1, suppressed: 0 });
    expect(second.report.scan.suppressionProblems).toMatchObject([{ kind: 'expired', matched: 1 }]);
    expect(published()[0]?.Message).toContain('NEW (suppression expired 2026-11-20): EBS volumes are encrypted');
    expect(published()[0]?.Message).toContain('EXPIRED SUPPRESSIONS (1)');
  });
  it('writes only the scan summary on an unchanged second run, and only the changed state on a third', async () => {
    // Prepare
    const first = await runScanJob(job());
    clock = new Date('2026-11-20T04:00:00.000Z');
    const second = await runScanJob(job());
    world.volumes[1] = volume(world, 'vol-safe', 'us-east-1', false);

    // Act
    clock = new Date('2026-11-20T05:00:00.000Z');
    const third = await runScanJob(job());

    // Assess
    expect(first.stored).toMatchObject({ findings: 4, transitions: 2, items: 7 });
    expect(second.stored).toMatchObject({ findings: 0, transitions: 0, items: 1 });
    expect(second.lifecycle).toMatchObject({ written: 0, unchanged: 4, active: 2, open: 2 });
    expect(third.stored).toMatchObject({ findings: 1, transitions: 1, items: 3 });
    expect(third.lifecycle).toMatchObject({ new: 1, open: 3 });
    const summary = table.ofType('SCAN').at(-1);
    expect(summary?.lifecycle).toMatchObject({ written: 1, unchanged: 3 });
  });

  it("stores only failures and per-check PASS counts with passResults 'count', and still resolves a fixed failure", async () => {
    // Prepare
    const counted = () => job({ config: config({ passResults: 'count' }) });
    const first = await runScanJob(counted());
    world.volumes[0] = volume(world, 'vol-plain', 'eu-west-1', true);

    // Act
    clock = new Date('2026-11-21T03:00:00.000Z');
    const second = await runScanJob(counted());

    // Assess
    expect(first.stored).toMatchObject({ findings: 2, transitions: 2 });
    expect(first.lifecycle).toMatchObject({ passesNotStored: 2 });
    expect(second.lifecycle).toMatchObject({ resolved: 1, open: 1 });
    const stored = table.ofType('FINDING');
    expect(stored.map((f) => f.resourceId).sort()).toEqual(['untagged', 'vol-plain']);
    expect(stored.find((f) => f.resourceId === 'vol-plain')).toMatchObject({ workflow: 'RESOLVED', status: 'PASS' });
    const summary = table.ofType('SCAN').at(-1);
    expect(summary?.passResults).toBe('count');
    expect(summary?.checks.map((c: { passed: number }) => c.passed).reduce((a: number, b: number) => a + b, 0)).toBe(3);
  });

  it('refuses a non-positive refresh interval or write budget before scanning', async () => {
    // Prepare
    const refresh = job({ store: { tableName: 'findings', lastSeenRefreshDays: 0 } });
    const budget = job({ store: { tableName: 'findings', writeUnitsPerSecond: -1 } });

    // Act
    const attempts = [runScanJob(refresh), runScanJob(budget)];

    // Assess
    await expect(attempts[0]).rejects.toThrow(/store.lastSeenRefreshDays: must be a positive number/);
    await expect(attempts[1]).rejects.toThrow(/store.writeUnitsPerSecond: must be a positive number/);
  });
});

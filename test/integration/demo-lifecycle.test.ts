import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EC2Client, ModifyInstanceMetadataOptionsCommand } from '@aws-sdk/client-ec2';
import { PutBucketVersioningCommand, S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScanCommand, type ScanFlags } from '../../bin/cli/scan-command.js';
import { type MotoServer, startMoto } from '../../demo/moto.js';
import { seedDemoAccount } from '../../demo/seed/index.js';
import { DEMO_ACCOUNT_ID, DEMO_ALLOWED_REGIONS, DEMO_REGIONS } from '../../demo/seed/types.js';
import { ApiCallCounter } from '../../lambdas/core/aws/api-calls.js';
import { AwsClients } from '../../lambdas/core/aws/clients.js';
import type { ScanDiff } from '../../lambdas/core/diff/compare.js';
import type { Finding } from '../../lambdas/core/findings/model.js';
import type { ScanJobResult } from '../../lambdas/core/job/run-scan-job.js';
import { renderJson } from '../../lambdas/core/reports/json.js';
import { runCli } from '../helpers/cli.js';
import { createTable, createTopicWithQueue, receiveDigests, type SnsEnvelope } from '../helpers/moto-alerts.js';

const TABLE = 'srm-scan-findings';
const COUNT_TABLE = 'srm-scan-findings-count';
const sink = () =>
  Object.assign(
    new Writable({
      write: (_chunk, _encoding, done) => done(),
    }),
    { isTTY: false },
  ) as unknown as NodeJS.WriteStream;

/**
 * Issue 4's acceptance scenario on the demo account, through the CLI's code path:
 * run 1 alerts every FAIL as NEW; after fixing one resource and breaking another, run 2
 * resolves one and alerts only the new one; run 3, unchanged, sends nothing.
 */
describe('Integration: nightly lifecycle of the demo account on moto', () => {
  let moto: MotoServer;
  let clients: AwsClients;
  const runs: { result: ScanJobResult; digests: SnsEnvelope[] }[] = [];
  const countRuns: ScanJobResult[] = [];
  let unchanged: ScanJobResult;
  let fixed: Finding;
  let broken: Finding;

  beforeAll(async () => {
    moto = await startMoto();
    clients = new AwsClients(new ApiCallCounter(), { endpoint: moto.endpoint });
    await seedDemoAccount({ accountId: DEMO_ACCOUNT_ID, clients });
    await createTable(clients.get(DynamoDBClient, 'us-east-1'), TABLE);
    const sqs = clients.get(SQSClient, 'us-east-1');
    const { topicArn, queueUrl } = await createTopicWithQueue(clients.get(SNSClient, 'us-east-1'), sqs);
    const flags: ScanFlags = {
      regions: [...DEMO_REGIONS],
      allowedRegions: [...DEMO_ALLOWED_REGIONS],
      format: 'json',
      findingsTable: TABLE,
      alertTopicArn: topicArn,
      minAlertSeverity: 'low',
      notifyOn: 'changes',
    };
    await createTable(clients.get(DynamoDBClient, 'us-east-1'), COUNT_TABLE);
    const run = async () => {
      const { result } = await runScanCommand(flags, { stdout: sink(), stderr: sink() }, { endpoint: moto.endpoint });
      runs.push({ result, digests: await receiveDigests(sqs, queueUrl) });
      return result;
    };
    // The same account into a second table with --pass-results count, without alerts.
    const countFlags: ScanFlags = {
      ...flags,
      findingsTable: COUNT_TABLE,
      passResults: 'count',
      alertTopicArn: undefined,
    } as ScanFlags;
    const countRun = async () => {
      const { result } = await runScanCommand(
        countFlags,
        { stdout: sink(), stderr: sink() },
        { endpoint: moto.endpoint },
      );
      countRuns.push(result);
    };

    const first = await run();
    await countRun();
    // An unchanged second run of each, right away: what the write path must keep small.
    unchanged = await run();
    runs.pop();
    await countRun();
    // Fix: a bucket without versioning gets it. Break: an instance that required IMDSv2 accepts IMDSv1.
    const failing = first.report.findings.filter(
      (f) => f.checkId === 's3-bucket-versioning-enabled' && f.status === 'FAIL',
    );
    const compliant = first.report.findings.filter(
      (f) => f.checkId === 'ec2-instance-imdsv2-required' && f.status === 'PASS',
    );
    if (!failing[0] || !compliant[0]) throw new Error('The demo account lacks the resources this scenario changes.');
    fixed = failing[0];
    broken = compliant[0];
    await clients
      .get(S3Client, fixed.region === 'global' ? 'us-east-1' : fixed.region)
      .send(
        new PutBucketVersioningCommand({ Bucket: fixed.resourceId, VersioningConfiguration: { Status: 'Enabled' } }),
      );
    await clients
      .get(EC2Client, broken.region)
      .send(new ModifyInstanceMetadataOptionsCommand({ InstanceId: broken.resourceId, HttpTokens: 'optional' }));
    await run();
    await countRun();
    await run();
  }, 400_000);

  afterAll(async () => {
    clients?.destroy();
    await moto?.stop();
  });

  it('alerts every FAIL as NEW in one digest on the first run', () => {
    // Prepare
    const [first] = runs;
    const fails = first?.result.report.findings.filter((f) => f.status === 'FAIL') ?? [];

    // Act
    const digests = first?.digests ?? [];

    // Assess
    expect(first?.result.lifecycle?.new).toBe(fails.length);
    expect(digests).toHaveLength(1);
    const body = digests[0]?.Message ?? '';
    for (const finding of fails) expect(body).toContain(finding.resourceArn);
    expect(digests[0]?.Subject).toMatch(/^srm-scan 123456789012: \d+ new critical/);
    expect(digests[0]?.MessageAttributes?.severity?.Value).toBe('critical');
  });

  it('resolves the fixed finding and alerts only the newly broken one on the second run', () => {
    // Prepare
    const second = runs[1];

    // Act
    const body = second?.digests[0]?.Message ?? '';

    // Assess
    expect(second?.result.lifecycle).toMatchObject({ new: 1, regressed: 0, resolved: 1 });
    expect(second?.digests).toHaveLength(1);
    expect(body).toContain(broken.resourceArn);
    expect(body).toContain(broken.title);
    expect(body).not.toContain(`Resource: ${fixed.resourceArn}`);
    expect(second?.digests[0]?.Subject).toBe('srm-scan 123456789012: 1 new high');
  });

  it('diffs the JSON reports before and after the change: the broken instance REGRESSED, the fixed bucket RESOLVED, exit 1 with --fail-on-new', async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'srm-scan-demo-diff-'));
    const before = join(dir, 'before.json');
    const after = join(dir, 'after.json');
    const [first, second] = runs;
    if (!first || !second) throw new Error('The scenario did not run.');
    writeFileSync(before, renderJson(first.result.report));
    writeFileSync(after, renderJson(second.result.report));

    // Act
    const json = await runCli(['diff', before, after, '--format', 'json']);
    const gated = await runCli(['diff', before, after, '--format', 'markdown', '--fail-on-new', broken.severity]);
    const unchanged = await runCli(['diff', after, after, '--fail-on-new', 'informational']);

    // Assess
    expect(json.code).toBe(0);
    const diff = JSON.parse(json.stdout) as ScanDiff;
    expect(diff.counts).toEqual({
      new: 0,
      regressed: 1,
      resolved: 1,
      suppressed: 0,
      'not-evaluated': 0,
      'evaluated-again': 0,
      'not-observed': 0,
    });
    const changes = diff.changes.map((c) => [c.kind, c.cause, c.id, c.resourceArn]);
    expect(changes.sort()).toEqual([
      ['regressed', 'passed-before', broken.id, broken.resourceArn],
      ['resolved', 'passed', fixed.id, fixed.resourceArn],
    ]);
    expect(diff.warnings).toEqual([]);
    expect(diff.unchanged.failing).toBe(first.result.report.scan.totals.FAIL - 1);
    expect(gated.code).toBe(1);
    expect(gated.stdout).toContain(
      `| **REGRESSED** | ${broken.severity} | \`${broken.checkId}\` | \`${broken.resourceId}\` |`,
    );
    expect(gated.stderr).toContain(`1 NEW or REGRESSED unsuppressed finding(s) at or above ${broken.severity}`);
    expect(unchanged.code).toBe(0);
    expect(unchanged.stdout).toContain('No finding changed between the two reports.');
  });

  it('sends nothing when nothing changed', () => {
    // Prepare
    const third = runs[2];

    // Act
    const digests = third?.digests ?? [];

    // Assess
    expect(third?.result.lifecycle).toMatchObject({ new: 0, regressed: 0, resolved: 0 });
    expect(digests).toEqual([]);
    expect(third?.result.alert?.published).toBe(false);
  });

  it('stores every finding of the scan', () => {
    // Prepare
    const [first] = runs;

    // Act
    const stored = first?.result.stored;

    // Assess
    expect(stored?.items).toBeGreaterThanOrEqual(
      first?.result.report.findings.filter((f) => f.status !== 'ERROR').length ?? 1,
    );
    expect(stored?.bytes).toBeGreaterThan(0);
  });
  it("writes at most 10 % of the first run's items on an unchanged second run: the scan summary and changes only", () => {
    // Prepare
    const [first] = runs;

    // Act
    const firstItems = first?.result.stored?.items ?? 0;
    const secondItems = unchanged.stored?.items ?? Number.POSITIVE_INFINITY;

    // Assess
    expect(firstItems).toBeGreaterThan(100);
    expect(secondItems).toBeLessThanOrEqual(firstItems * 0.1);
    expect(unchanged.stored?.writeUnits).toBeLessThanOrEqual((first?.result.stored?.writeUnits ?? 0) * 0.1);
    expect(unchanged.lifecycle).toMatchObject({ new: 0, resolved: 0, regressed: 0 });
    expect(unchanged.lifecycle?.unchanged).toBeGreaterThan(0);
    expect(unchanged.stored?.transitions).toBe(0);
  });

  it('stores only failures with --pass-results count, writes almost nothing unchanged and still resolves the fix', () => {
    // Prepare
    const [countFirst, countUnchanged, countAfterChange] = countRuns;
    const [first] = runs;
    const passes = countFirst?.report.findings.filter((f) => f.status === 'PASS').length ?? 0;

    // Act
    const stored = countFirst?.stored;

    // Assess
    expect(countFirst?.lifecycle?.passesNotStored).toBe(passes);
    expect(stored?.findings).toBe((first?.result.stored?.findings ?? 0) - passes);
    expect(countUnchanged?.stored?.items ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual((stored?.items ?? 0) * 0.1);
    expect(countAfterChange?.lifecycle).toMatchObject({ new: 1, resolved: 1, regressed: 0 });
  });
});

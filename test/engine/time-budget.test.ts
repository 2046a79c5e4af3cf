import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiCallCounter } from '../../lambdas/core/aws/api-calls.js';
import { AwsClients } from '../../lambdas/core/aws/clients.js';
import { defineCheck, fail } from '../../lambdas/core/checks/define-check.js';
import { defaultSettings } from '../../lambdas/core/config/settings.js';
import { collectInventory, TIME_BUDGET_EXCEEDED } from '../../lambdas/core/engine/collect.js';
import { runScan } from '../../lambdas/core/engine/scan.js';
import { computeLifecycle } from '../../lambdas/core/findings/lifecycle.js';
import { type Finding, scopedToShard } from '../../lambdas/core/findings/model.js';
import type { LambdaFunction } from '../../lambdas/core/inventory/index.js';
import { fakeCollectors } from '../helpers/fake-collectors.js';

const sts = mockClient(STSClient);
const ec2 = mockClient(EC2Client);
beforeEach(() => {
  sts.on(GetCallerIdentityCommand).resolves({ Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/audit' });
  ec2.on(DescribeRegionsCommand).resolves({
    Regions: [
      { RegionName: 'eu-west-1', OptInStatus: 'opt-in-not-required' },
      { RegionName: 'us-east-1', OptInStatus: 'opt-in-not-required' },
    ],
  });
});
afterEach(() => {
  sts.reset();
  ec2.reset();
});

const fn = (region: string): LambdaFunction =>
  ({
    arn: `arn:aws:lambda:${region}:123456789012:function:api`,
    id: 'api',
    name: 'api',
    region,
    accountId: '123456789012',
    environment: { KEY: 'x' },
  }) as unknown as LambdaFunction;

const check = defineCheck({
  id: 'test-function-env-clean',
  title: 'Functions keep no keys in their environment',
  service: 'lambda',
  resourceType: 'AwsLambdaFunction',
  srmClass: 'abstracted',
  obligation: 'data-protection',
  severity: 'critical',
  requires: ['lambda.functions'],
  compliance: [],
  risk: 'Test.',
  remediation: { text: 'Fix it.', url: 'https://example.com/fix' },
  evaluate: ({ lambda }) => lambda.functions.map((f) => fail(f, `Function ${f.id} holds a key.`)),
});

/** eu-west-1 answers only when `slow` is false; otherwise its collection never ends (a stuck region). */
const collectorsWith = (slow: { eu: boolean }) =>
  fakeCollectors({
    'lambda.functions': {
      key: 'lambda.functions',
      scope: 'regional',
      actions: ['lambda:ListFunctions'],
      collect: ({ region }) =>
        region === 'eu-west-1' && slow.eu
          ? new Promise<LambdaFunction[]>(() => undefined)
          : Promise.resolve([fn(region)]),
    },
  });

const SETTINGS = { ...defaultSettings(), discoverServicesWithTaggingApi: false };
const clients = () => new AwsClients(new ApiCallCounter());

describe('collection time budget', () => {
  it('collects nothing more once the deadline has passed: every scope becomes a TimeBudgetExceeded issue', async () => {
    // Prepare
    const collectors = collectorsWith({ eu: false });

    // Act
    const { slices, issues } = await collectInventory({
      slices: ['lambda.functions'],
      collectors,
      accountId: '123456789012',
      partition: 'aws',
      regions: ['us-east-1', 'eu-west-1'],
      homeRegion: 'us-east-1',
      clients: clients(),
      deadline: 1_000,
      clock: () => 2_000,
    });

    // Assess
    expect(slices['lambda.functions']).toEqual([]);
    expect(issues.map((i) => [i.region, i.errorCode])).toEqual([
      ['us-east-1', TIME_BUDGET_EXCEEDED],
      ['eu-west-1', TIME_BUDGET_EXCEEDED],
    ]);
  });

  it('abandons a region still collecting at the deadline and keeps what the other regions returned', async () => {
    // Prepare
    const collectors = collectorsWith({ eu: true });

    // Act
    const { slices, issues } = await collectInventory({
      slices: ['lambda.functions'],
      collectors,
      accountId: '123456789012',
      partition: 'aws',
      regions: ['us-east-1', 'eu-west-1'],
      homeRegion: 'us-east-1',
      clients: clients(),
      deadline: Date.now() + 20,
    });

    // Assess
    expect(slices['lambda.functions']?.map((f) => f.region)).toEqual(['us-east-1']);
    expect(issues).toEqual([expect.objectContaining({ region: 'eu-west-1', errorCode: TIME_BUDGET_EXCEEDED })]);
  });

  it('reports the unscanned region as ERROR and never resolves the findings stored for it', async () => {
    // Prepare: a complete first run stores a failing function in each region.
    const first = await runScan({
      checks: [check],
      collectors: collectorsWith({ eu: false }),
      settings: SETTINGS,
      clients: clients(),
    });
    const previous = computeLifecycle({ previous: [], report: first, now: new Date(first.scan.startedAt) }).states;

    // Act: the second run's time budget runs out while eu-west-1 is still collecting.
    const second = await runScan({
      checks: [check],
      collectors: collectorsWith({ eu: true }),
      settings: SETTINGS,
      clients: clients(),
      deadline: Date.now() + 20,
    });
    const lifecycle = computeLifecycle({ previous, report: second, now: new Date(second.scan.startedAt) });

    // Assess
    expect(second.findings.filter((f) => f.status === 'ERROR').map((f) => f.region)).toEqual(['eu-west-1']);
    expect(second.scan.coverage.notEvaluated).toBe(1);
    expect(lifecycle.summary.resolved).toBe(0);
    expect(lifecycle.summary.kept).toBe(1);
    expect(lifecycle.summary.open).toBe(2);
    expect(lifecycle.transitions).toEqual([]);
  });

  it('a region shard without the global scope reports no global finding and keeps the stored global ones', async () => {
    // Prepare: a full run stores a global finding (an IAM-like account-wide result) and a regional one.
    const globalCheck = defineCheck({
      ...check,
      id: 'test-account-wide',
      requires: [],
      evaluate: () => [
        fail(
          { arn: 'arn:aws:iam::123456789012:root', id: 'root', region: 'global', accountId: '123456789012' },
          'Root.',
        ),
      ],
    });
    const full = await runScan({
      checks: [check, globalCheck],
      collectors: collectorsWith({ eu: false }),
      settings: SETTINGS,
      clients: clients(),
      regions: ['us-east-1'],
    });
    const previous = computeLifecycle({ previous: [], report: full, now: new Date(full.scan.startedAt) }).states;
    const shard = scopedToShard(
      await runScan({
        checks: [check, globalCheck],
        collectors: collectorsWith({ eu: false }),
        settings: SETTINGS,
        clients: clients(),
        regions: ['us-east-1'],
      }),
      { ownsGlobal: false, otherShardRegions: ['eu-west-1'] },
      'global',
    );

    // Act
    const lifecycle = computeLifecycle({ previous, report: shard, now: new Date(shard.scan.startedAt) });

    // Assess
    expect(shard.scan.globalScope).toBe(false);
    expect(shard.findings.map((f: Finding) => f.region)).toEqual(['us-east-1']);
    expect(shard.scan.totals.findings).toBe(1);
    expect(lifecycle.summary.resolved).toBe(0);
    expect(lifecycle.summary.kept).toBe(1);
  });

  it.each([
    [true, ['global', 'us-east-1', 'ap-south-1']],
    [false, ['us-east-1']],
  ])('a region shard owning the global scope: %s reports exactly its own findings %j', (ownsGlobal, regions) => {
    // Prepare: findings listed by every shard (an S3 bucket list is global, each bucket has its region).
    const at = (region: string): Finding =>
      ({ id: region, checkId: check.id, region, status: 'FAIL', severity: 'high', srmClass: 'abstracted' }) as Finding;
    const report = {
      scan: { regions: ['us-east-1'], checks: [{ checkId: check.id }] },
      findings: ['global', 'us-east-1', 'eu-west-1', 'ap-south-1'].map(at),
    } as unknown as Parameters<typeof scopedToShard>[0];

    // Act
    const scoped = scopedToShard(report, { ownsGlobal, otherShardRegions: ['eu-west-1'] }, 'global');

    // Assess
    expect(scoped.findings.map((f) => f.region)).toEqual(regions);
    expect(scoped.scan.globalScope).toBe(ownsGlobal ? undefined : false);
  });
});

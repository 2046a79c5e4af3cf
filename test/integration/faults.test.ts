import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MotoServer, startMoto } from '../../demo/moto.js';
import { seedDemoAccount } from '../../demo/seed/index.js';
import { DEMO_ACCOUNT_ID, DEMO_ALLOWED_REGIONS, DEMO_REGIONS } from '../../demo/seed/types.js';
import { ApiCallCounter } from '../../lambdas/core/aws/api-calls.js';
import { AwsClients } from '../../lambdas/core/aws/clients.js';
import { CHECKS } from '../../lambdas/core/checks/registry.js';
import { COLLECTORS } from '../../lambdas/core/collectors/index.js';
import { parseConfig } from '../../lambdas/core/config/config-file.js';
import { sliceClosure } from '../../lambdas/core/engine/collect.js';
import type { Finding, ScanReport } from '../../lambdas/core/findings/model.js';
import type { SliceKey } from '../../lambdas/core/inventory/index.js';
import { runScanJob } from '../../lambdas/core/job/run-scan-job.js';
import { type AwsProxy, type ProxyStats, startAwsProxy } from '../proxy/aws-proxy.js';

/** Three operations whose scope is clear: one global per-bucket read, one regional list, one per-function read. */
const DENIED = ['s3:GetBucketPolicy', 'rds:DescribeDBSnapshots', 'lambda:GetPolicy'] as const;

const scanConfig = parseConfig(
  { regions: [...DEMO_REGIONS], settings: { allowedRegions: [...DEMO_ALLOWED_REGIONS] } },
  'integration test',
);

/** Slices read with a denied operation, and the checks that depend on one of them (directly or through another). */
const deniedSlices = new Set(
  (Object.keys(COLLECTORS) as SliceKey[]).filter((slice) =>
    COLLECTORS[slice].actions.some((action) => (DENIED as readonly string[]).includes(action)),
  ),
);
const affectedChecks = new Set(
  CHECKS.filter((check) => [...sliceClosure(check.requires, COLLECTORS)].some((s) => deniedSlices.has(s))).map(
    (check) => check.id,
  ),
);

const byId = (findings: readonly Finding[]) => new Map(findings.map((f) => [f.id, f]));

describe('Integration: a demo scan through a throttling, AccessDenied-injecting proxy', () => {
  let moto: MotoServer;
  let proxy: AwsProxy;
  let clean: ScanReport;
  let faulted: ScanReport;
  let stats: ProxyStats;

  beforeAll(async () => {
    moto = await startMoto();
    const seedClients = new AwsClients(new ApiCallCounter(), { endpoint: moto.endpoint, rateLimits: false });
    await seedDemoAccount({ accountId: DEMO_ACCOUNT_ID, clients: seedClients });
    seedClients.destroy();

    const direct = new AwsClients(new ApiCallCounter(), { endpoint: moto.endpoint });
    ({ report: clean } = await runScanJob({ checks: CHECKS, config: scanConfig, clients: direct }));
    direct.destroy();

    proxy = await startAwsProxy({
      upstream: moto.endpoint,
      faults: { throttlePercent: 30, seed: 9, accessDenied: DENIED.map((operation) => ({ operation })) },
    });
    const throughProxy = new AwsClients(new ApiCallCounter(), { endpoint: proxy.endpoint });
    ({ report: faulted } = await runScanJob({ checks: CHECKS, config: scanConfig, clients: throughProxy }));
    throughProxy.destroy();
    stats = proxy.stats();
  }, 240_000);

  afterAll(async () => {
    await proxy?.stop();
    await moto?.stop();
  });

  it('throttled calls of many services, and the scanner recovered from every throttle', () => {
    // Prepare
    const throttledServices = new Set(
      Object.entries(stats.byOperation)
        .filter(([, s]) => s.throttled > 0)
        .map(([operation]) => operation.split(':')[0]),
    );

    // Act
    const surfaced = faulted.findings.filter((f) =>
      /Throttl|RequestLimitExceeded|SlowDown|TooManyRequests/.test(f.message),
    );

    // Assess
    expect(stats.totals.throttled).toBeGreaterThan(50);
    expect(throttledServices.size).toBeGreaterThan(10);
    expect(stats.unrecovered).toEqual([]);
    expect(stats.recovered).toBeGreaterThan(0);
    expect(surfaced.map((f) => `${f.checkId} ${f.resourceArn}`)).toEqual([]);
  });

  it('denied each of the three operations', () => {
    // Act
    const denied = DENIED.map((operation) => (stats.byOperation[operation]?.denied ?? 0) > 0);

    // Assess
    expect(denied).toEqual([true, true, true]);
  });

  it("gives exactly the clean scan's verdicts for every check that does not read a denied slice", () => {
    // Prepare
    const unaffected = (findings: readonly Finding[]) =>
      findings
        .filter((f) => !affectedChecks.has(f.checkId))
        .map((f) => `${f.id} ${f.status} ${f.checkId} ${f.resourceArn}`)
        .sort();

    // Act
    const [expected, actual] = [unaffected(clean.findings), unaffected(faulted.findings)];

    // Assess
    expect(actual).toEqual(expected);
  });

  it('reports ERROR, and only ERROR, where a check reads a denied slice and its verdict changed', () => {
    // Prepare
    const before = byId(clean.findings);
    const after = byId(faulted.findings);
    const errorScopes = new Set(
      faulted.findings.filter((f) => f.status === 'ERROR').map((f) => `${f.checkId} ${f.region}`),
    );

    // Act
    const changed = [...after.values()].filter((f) => before.get(f.id)?.status !== f.status);
    // A resource listed by a denied call (an RDS snapshot) is no longer seen: its check reports the region as ERROR.
    const vanished = [...before.values()].filter((f) => !after.has(f.id));

    // Assess
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.filter((f) => f.status !== 'ERROR' || !affectedChecks.has(f.checkId)).map((f) => f.id)).toEqual([]);
    expect(
      vanished
        .filter((f) => !affectedChecks.has(f.checkId) || !errorScopes.has(`${f.checkId} ${f.region}`))
        .map((f) => `${f.checkId} ${f.resourceArn}`),
    ).toEqual([]);
  });

  it('names a denied operation in every new ERROR that is not derived from another finding', () => {
    // Prepare
    const before = byId(clean.findings);

    // Act
    const newErrors = faulted.findings.filter((f) => f.status === 'ERROR' && before.get(f.id)?.status !== 'ERROR');
    const unexplained = newErrors.filter(
      (f) =>
        !DENIED.some((operation) => f.message.includes(operation)) && !f.message.includes('could not be collected'),
    );

    // Assess
    expect(unexplained.map((f) => `${f.checkId}: ${f.message}`)).toEqual([]);
  });
});

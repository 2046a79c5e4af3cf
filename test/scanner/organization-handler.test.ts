import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiCallCounter } from '../../lambdas/core/aws/api-calls.js';
import { AwsClients } from '../../lambdas/core/aws/clients.js';
import { type Check, defineCheck } from '../../lambdas/core/checks/define-check.js';
import { parseConfig } from '../../lambdas/core/config/config-file.js';
import { TIME_BUDGET_EXCEEDED } from '../../lambdas/core/engine/collect.js';
import type { LifecycleSummary } from '../../lambdas/core/findings/lifecycle.js';
import { assembleReport, type ScanReport } from '../../lambdas/core/findings/model.js';
import type { ScanJobOptions, ScanJobResult } from '../../lambdas/core/job/run-scan-job.js';
import { CollectionError, ConfigurationError } from '../../lambdas/core/model/errors.js';
import type { MemberAccount } from '../../lambdas/core/org/member-session.js';
import type { ScannerEnvironment } from '../../lambdas/scanner/environment.js';
import { ORGANIZATION_EVENT_SOURCE, SCHEDULED_RUN_EVENT } from '../../lambdas/scanner/event.js';
import {
  type AccountScanResult,
  collectionDeadline,
  createScanHandler,
  type ScanRunSummary,
} from '../../lambdas/scanner/handler.js';
import { SCANNER_METRICS } from '../../lambdas/scanner/metrics.js';

const CHECK: Check = defineCheck({
  id: 's3-bucket-encrypted',
  title: 'S3 bucket encrypted',
  service: 's3',
  resourceType: 'AwsS3Bucket',
  srmClass: 'abstracted',
  obligation: 'data-protection',
  severity: 'high',
  requires: [],
  compliance: [],
  risk: 'Test risk.',
  remediation: { text: 'Fix it.', url: 'https://example.com/fix' },
  evaluate: () => [],
});

const environment = (organization?: ScannerEnvironment['organization']): ScannerEnvironment => ({
  config: parseConfig({}, 'test'),
  findingsTable: 'findings',
  alertTopicArn: 'arn:aws:sns:eu-west-1:999999999999:alerts',
  minAlertSeverity: 'high',
  notifyOn: 'changes',
  historyTtlDays: 30,
  region: 'eu-west-1',
  ...(organization && { organization }),
});

const report = (accountId: string, issues: ScanReport['scan']['collectionIssues'] = []): ScanReport =>
  assembleReport({
    id: 'scan-1',
    accountId,
    startedAt: '2026-11-23T03:00:00.000Z',
    finishedAt: '2026-11-23T03:01:00.000Z',
    regions: ['eu-west-1'],
    apiCalls: { total: 10, byOperation: {} },
    checkIds: [CHECK.id],
    findings: [],
    collectionIssues: issues,
    suppressionProblems: [],
  });

const LIFECYCLE: LifecycleSummary = {
  written: 0,
  unchanged: 0,
  passesNotStored: 0,
  new: 0,
  active: 0,
  regressed: 0,
  resolved: 0,
  suppressed: 0,
  passing: 0,
  kept: 0,
  open: 0,
};

/** The member session's identity check (sts:GetCallerIdentity) answers as the member account. */
const sts = mockClient(STSClient);
beforeEach(() => {
  sts.reset();
  sts
    .on(GetCallerIdentityCommand)
    .resolves({ Account: '111111111111', Arn: 'arn:aws:sts::111111111111:assumed-role/SrmScanReader/srm-scan' });
});

function setUp(options: { organization?: ScannerEnvironment['organization']; result?: ScanJobResult } = {}) {
  const runScanJob = vi.fn(
    async (_options: ScanJobOptions): Promise<ScanJobResult> =>
      options.result ?? { report: report('111111111111'), lifecycle: LIFECYCLE, transitions: [] },
  );
  const ownClients = new AwsClients(new ApiCallCounter());
  const memberClients = new AwsClients(new ApiCallCounter());
  const createMemberClients = vi.fn((_member: MemberAccount, _region: string) => memberClients);
  const recorded: string[] = [];
  const handler = createScanHandler({
    runScanJob,
    environment: () => environment(options.organization),
    catalogue: [CHECK],
    createClients: () => ownClients,
    createMemberClients,
    clock: () => 1_000_000,
    logger: { addContext: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() },
    metrics: { count: (name) => recorded.push(name), seconds: vi.fn(), flush: vi.fn() },
  });
  return { handler, runScanJob, createMemberClients, memberClients, ownClients, recorded };
}

const ORG = { memberRoleName: 'SrmScanReader', externalId: 'ext-123' };
const lambdaContext = (remainingMs: number) => ({ getRemainingTimeInMillis: () => remainingMs }) as unknown as Context;

describe('scanner handler, organisation event', () => {
  it('scans the member account through its role with the configured external id, on the regional STS endpoint', async () => {
    // Prepare
    const { handler, runScanJob, createMemberClients, memberClients } = setUp({ organization: ORG });

    // Act
    await handler({ source: ORGANIZATION_EVENT_SOURCE, accountId: '111111111111' });

    // Assess
    expect(createMemberClients).toHaveBeenCalledWith(
      { accountId: '111111111111', roleName: 'SrmScanReader', externalId: 'ext-123' },
      'eu-west-1',
    );
    expect(runScanJob.mock.calls[0]?.[0].clients).toBe(memberClients);
  });

  it("writes the findings table with the scanner's own clients, not the member role's", async () => {
    // Prepare
    const { handler, runScanJob, ownClients } = setUp({ organization: ORG });

    // Act
    await handler({ source: ORGANIZATION_EVENT_SOURCE, accountId: '111111111111' });

    // Assess
    expect(runScanJob.mock.calls[0]?.[0].storeClients).toBe(ownClients);
  });

  it('scans only the region shard the item names, stores the run and sends no per-account alert', async () => {
    // Prepare
    const { handler, runScanJob } = setUp({ organization: ORG });

    // Act
    await handler({ source: ORGANIZATION_EVENT_SOURCE, accountId: '111111111111', regions: ['eu-west-1'] });

    // Assess
    const options = runScanJob.mock.calls[0]?.[0];
    expect(options?.config.regions).toEqual(['eu-west-1']);
    expect(options?.shard).toEqual({ ownsGlobal: true, otherShardRegions: [] });
    expect(options?.store?.tableName).toBe('findings');
    expect(options?.alerts).toBeUndefined();
    expect(options?.dryRun).toBe(false);
  });

  it('leaves the global scope to another shard when the item says so', async () => {
    // Prepare
    const { handler, runScanJob } = setUp({ organization: ORG });

    // Act
    await handler({
      source: ORGANIZATION_EVENT_SOURCE,
      accountId: '111111111111',
      regions: ['eu-west-1'],
      globalScope: false,
    });

    // Assess
    expect(runScanJob.mock.calls[0]?.[0].shard).toEqual({ ownsGlobal: false, otherShardRegions: [] });
  });

  it("writes the findings within the item's share of the table's write throughput", async () => {
    // Prepare
    const { handler, runScanJob } = setUp({ organization: ORG });

    // Act
    await handler({ source: ORGANIZATION_EVENT_SOURCE, accountId: '111111111111', writeUnitsPerSecond: 200 });

    // Assess
    expect(runScanJob.mock.calls[0]?.[0].store?.writeUnitsPerSecond).toBe(200);
  });

  it('returns the compact account result, not the full summary', async () => {
    // Prepare
    const { handler } = setUp({ organization: ORG });

    // Act
    const result = (await handler({
      source: ORGANIZATION_EVENT_SOURCE,
      accountId: '111111111111',
    })) as AccountScanResult;

    // Assess
    expect(result.kind).toBe('srm-scan.account-result');
    expect(result).toMatchObject({ accountId: '111111111111', scanId: 'scan-1', complete: true, notCollected: 0 });
    expect(JSON.stringify(result).length).toBeLessThan(2048);
  });

  it('refuses an organisation event when the stack is not in organisation mode', async () => {
    // Prepare
    const { handler, runScanJob } = setUp();

    // Act
    const run = handler({ source: ORGANIZATION_EVENT_SOURCE, accountId: '111111111111' });

    // Assess
    await expect(run).rejects.toThrow(ConfigurationError);
    await expect(run).rejects.toThrow('organization=true');
    expect(runScanJob).not.toHaveBeenCalled();
  });

  it('refuses a run of its own account in organisation mode, where its role reads nothing', async () => {
    // Prepare
    const { handler, runScanJob } = setUp({ organization: ORG });

    // Act
    const run = handler({ checks: ['s3-*'] });

    // Assess
    await expect(run).rejects.toThrow('organisation mode');
    expect(runScanJob).not.toHaveBeenCalled();
  });

  it('refuses an item whose account id is not 12 digits', async () => {
    // Prepare
    const { handler } = setUp({ organization: ORG });

    // Act
    const run = handler({ source: ORGANIZATION_EVENT_SOURCE, accountId: '1234' });

    // Assess
    await expect(run).rejects.toThrow('accountId');
  });

  it('fails before scanning or storing anything when the member role acts in another account than the item names', async () => {
    // Prepare
    sts.on(GetCallerIdentityCommand).resolves({ Account: '222222222222' });
    const { handler, runScanJob } = setUp({ organization: ORG });

    // Act
    const run = handler({ source: ORGANIZATION_EVENT_SOURCE, accountId: '111111111111' });

    // Assess
    await expect(run).rejects.toThrow(CollectionError);
    await expect(run).rejects.toThrow('acts in account 222222222222, not 111111111111');
    expect(runScanJob).not.toHaveBeenCalled();
  });
});

describe('scanner handler, time budget', () => {
  it('gives the job a collection deadline from the invocation remaining time, keeping a reserve', async () => {
    // Prepare
    const { handler, runScanJob } = setUp();

    // Act
    await handler({ ...SCHEDULED_RUN_EVENT }, lambdaContext(900_000));

    // Assess
    expect(runScanJob.mock.calls[0]?.[0].deadline).toBe(1_000_000 + 900_000 - 180_000);
  });

  it('keeps at least 90 s for evaluation and writes when little time is left', () => {
    // Prepare, Act
    const deadline = collectionDeadline(0, 120_000);

    // Assess
    expect(deadline).toBe(30_000);
  });

  it('reports a run cut short as incomplete, lists the unscanned scopes, and does not count it as a completed scan', async () => {
    // Prepare
    const issues = [
      { slice: 'ec2.instances', region: 'us-east-1', errorCode: TIME_BUDGET_EXCEEDED, message: 'Not collected.' },
      { slice: 'iam.roles', region: 'global', errorCode: 'AccessDenied', message: 'Denied.' },
    ] as ScanReport['scan']['collectionIssues'];
    const { handler, recorded } = setUp({
      result: { report: report('111111111111', issues), lifecycle: LIFECYCLE, transitions: [] },
    });

    // Act
    const summary = (await handler({ ...SCHEDULED_RUN_EVENT }, lambdaContext(900_000))) as ScanRunSummary;

    // Assess
    expect(summary.complete).toBe(false);
    expect(summary.timeBudget).toEqual({ notCollected: 1, sample: [{ slice: 'ec2.instances', region: 'us-east-1' }] });
    expect(recorded).not.toContain(SCANNER_METRICS.scansCompleted);
    expect(recorded).toContain('PartialScans');
  });
});

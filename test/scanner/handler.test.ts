import { describe, expect, it, vi } from 'vitest';
import { ApiCallCounter } from '../../lambdas/core/aws/api-calls.js';
import { AwsClients } from '../../lambdas/core/aws/clients.js';
import { type Check, defineCheck } from '../../lambdas/core/checks/define-check.js';
import { parseConfig } from '../../lambdas/core/config/config-file.js';
import type { LifecycleSummary } from '../../lambdas/core/findings/lifecycle.js';
import { assembleReport, type Finding, type ScanReport } from '../../lambdas/core/findings/model.js';
import type { ScanJobOptions, ScanJobResult } from '../../lambdas/core/job/run-scan-job.js';
import { ConfigurationError } from '../../lambdas/core/model/errors.js';
import type { Severity, SrmClass, Status } from '../../lambdas/core/srm/vocabulary.js';
import type { ScannerEnvironment } from '../../lambdas/scanner/environment.js';
import { SCHEDULED_RUN_EVENT } from '../../lambdas/scanner/event.js';
import {
  createScanHandler,
  handler as deployedHandler,
  type ScanHandlerDependencies,
  type ScanLogger,
  type ScanMetrics,
} from '../../lambdas/scanner/handler.js';
import { SCANNER_METRICS } from '../../lambdas/scanner/metrics.js';
import { leakedWindows } from '../helpers/secrets.js';

const fakeCheck = (id: string, service: 's3' | 'iam' | 'ec2', severity: Severity, srmClass: SrmClass): Check =>
  defineCheck({
    id,
    title: `${id} is compliant`,
    service,
    resourceType: 'AwsResource',
    srmClass,
    obligation: 'data-protection',
    severity,
    requires: [],
    compliance: [],
    risk: 'Test risk.',
    remediation: { text: 'Fix it.', url: 'https://example.com/fix' },
    evaluate: () => [],
  });

const CATALOGUE: readonly Check[] = [
  fakeCheck('ec2-volume-encrypted', 'ec2', 'medium', 'infrastructure'),
  fakeCheck('iam-root-mfa-enabled', 'iam', 'critical', 'account'),
  fakeCheck('s3-bucket-encrypted', 's3', 'high', 'abstracted'),
  fakeCheck('s3-bucket-public-access-blocked', 's3', 'critical', 'abstracted'),
];

const environment = (config: unknown = { excludeChecks: ['ec2-*'] }): ScannerEnvironment => ({
  config: parseConfig(config, 'test'),
  findingsTable: 'findings',
  alertTopicArn: 'arn:aws:sns:eu-west-1:123456789012:alerts',
  minAlertSeverity: 'high',
  notifyOn: 'changes',
  historyTtlDays: 30,
  region: 'eu-west-1',
});

const finding = (checkId: string, status: Status, severity: Severity, srmClass: SrmClass, n: number): Finding => ({
  id: `${checkId}-${n}`,
  checkId,
  title: checkId,
  status,
  severity,
  srmClass,
  obligation: 'data-protection',
  service: checkId.split('-')[0] ?? 's3',
  resourceType: 'AwsResource',
  resourceId: `r-${n}`,
  resourceArn: `arn:aws:s3:::r-${n}`,
  region: 'eu-west-1',
  accountId: '123456789012',
  message: `Resource r-${n}.`,
  compliance: [],
  remediation: { text: 'Fix it.', url: 'https://example.com/fix' },
  observedAt: '2026-11-23T03:00:00.000Z',
});

const FINDINGS = [
  finding('s3-bucket-encrypted', 'PASS', 'high', 'abstracted', 1),
  finding('s3-bucket-encrypted', 'FAIL', 'high', 'abstracted', 2),
  finding('iam-root-mfa-enabled', 'FAIL', 'critical', 'account', 3),
  finding('iam-root-mfa-enabled', 'ERROR', 'critical', 'account', 4),
];

const REPORT: ScanReport = assembleReport({
  id: 'scan-1',
  accountId: '123456789012',
  startedAt: '2026-11-23T03:00:00.000Z',
  finishedAt: '2026-11-23T03:02:03.400Z',
  regions: ['eu-west-1'],
  apiCalls: { total: 42, byOperation: { 's3:ListBuckets': 1 } },
  checkIds: ['s3-bucket-encrypted', 'iam-root-mfa-enabled'],
  findings: FINDINGS,
  collectionIssues: [
    { slice: 'iam.credentialReport', region: 'global', errorCode: 'AccessDenied', message: 'Not authorised.' },
  ],
  suppressionProblems: [],
});

const LIFECYCLE: LifecycleSummary = {
  new: 1,
  active: 1,
  regressed: 0,
  resolved: 3,
  suppressed: 0,
  passing: 1,
  kept: 0,
  open: 2,
  written: 5,
  unchanged: 0,
  passesNotStored: 0,
};

function setUp(overrides: Partial<ScanHandlerDependencies> = {}) {
  const runScanJob = vi.fn(
    async (_options: ScanJobOptions): Promise<ScanJobResult> => ({
      report: REPORT,
      lifecycle: LIFECYCLE,
      alert: { published: true, subject: 'srm-scan 123456789012: 1 new critical', messageId: 'm-1', reason: 'new' },
      stored: { items: 7, bytes: 4096, writeUnits: 8, requests: 1, findings: 5, transitions: 1 },
    }),
  );
  const clients = new AwsClients(new ApiCallCounter());
  const destroy = vi.spyOn(clients, 'destroy');
  const logger: ScanLogger = { addContext: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const recorded: { name: string; value: number; dimension?: string }[] = [];
  const metrics: ScanMetrics = {
    count: (name, value, dimension) =>
      recorded.push({ name, value, ...(dimension && { dimension: `${dimension.name}=${dimension.value}` }) }),
    seconds: (name, value) => recorded.push({ name, value }),
    flush: vi.fn(),
  };
  const handler = createScanHandler({
    runScanJob,
    environment: () => environment(),
    catalogue: CATALOGUE,
    createClients: () => clients,
    logger,
    metrics,
    ...overrides,
  });
  return { handler, runScanJob, clients, destroy, logger, metrics, recorded };
}

const jobOptions = (runScanJob: ReturnType<typeof setUp>['runScanJob']): ScanJobOptions => {
  const options = runScanJob.mock.calls[0]?.[0];
  if (!options) throw new Error('runScanJob was not called');
  return options;
};

describe('Function: createScanHandler', () => {
  it('runs the deployed configuration with the table and topic on the scheduled event', async () => {
    // Prepare
    const { handler, runScanJob, clients } = setUp();

    // Act
    await handler({ ...SCHEDULED_RUN_EVENT });

    // Assess
    const options = jobOptions(runScanJob);
    expect(options).toMatchObject({
      clients,
      catalogue: CATALOGUE,
      store: { tableName: 'findings', region: 'eu-west-1', historyTtlDays: 30 },
      alerts: {
        topicArn: 'arn:aws:sns:eu-west-1:123456789012:alerts',
        region: 'eu-west-1',
        minSeverity: 'high',
        notifyOn: 'changes',
      },
      dryRun: false,
    });
    expect(options.checks.map((check) => check.id)).toEqual([
      'iam-root-mfa-enabled',
      's3-bucket-encrypted',
      's3-bucket-public-access-blocked',
    ]);
    expect(options.config.regions).toBeUndefined();
  });

  it('narrows checks and regions and overrides notify and dryRun from the console event', async () => {
    // Prepare
    const { handler, runScanJob } = setUp();

    // Act
    await handler({
      checks: ['s3-*'],
      excludeChecks: ['*-public-*'],
      regions: ['eu-west-1'],
      notify: 'always',
      dryRun: true,
    });

    // Assess
    const options = jobOptions(runScanJob);
    expect(options.checks.map((check) => check.id)).toEqual(['s3-bucket-encrypted']);
    expect(options.config.regions).toEqual(['eu-west-1']);
    expect(options.alerts?.notifyOn).toBe('always');
    expect(options.dryRun).toBe(true);
  });

  it('keeps the deployed suppressions and settings in the configuration it passes on', async () => {
    // Prepare
    const config = {
      settings: { accessKeyMaxAgeDays: 30 },
      suppressions: [{ checkId: 's3-*', resource: 'arn:aws:s3:::logs', reason: 'Public by design.' }],
    };
    const { handler, runScanJob } = setUp({ environment: () => environment(config) });

    // Act
    await handler({});

    // Assess
    const options = jobOptions(runScanJob);
    expect(options.config.settings.accessKeyMaxAgeDays).toBe(30);
    expect(options.config.suppressions).toEqual([
      { checkId: 's3-*', resource: 'arn:aws:s3:::logs', reason: 'Public by design.' },
    ]);
  });

  it.each([
    [{ checks: ['ec2-*'] }, 'checks: "ec2-*" matches no check id'],
    [{ excludeChecks: ['*'] }, 'The selection excludeChecks * matches no check'],
    [{ regions: ['eu-west'] }, 'regions.0'],
  ])('rejects %j without scanning, naming the problem', async (event, message) => {
    // Prepare
    const { handler, runScanJob } = setUp();

    // Act
    const run = handler(event);

    // Assess
    await expect(run).rejects.toThrow(ConfigurationError);
    await expect(run).rejects.toThrow(message);
    expect(runScanJob).not.toHaveBeenCalled();
  });

  it('returns the summary: scan id, duration, counts by status, severity and SRM class, lifecycle, API calls, issues', async () => {
    // Prepare
    const { handler } = setUp();

    // Act
    const summary = await handler({ ...SCHEDULED_RUN_EVENT });

    // Assess
    expect(summary).toEqual({
      scanId: 'scan-1',
      accountId: '123456789012',
      trigger: 'schedule',
      dryRun: false,
      complete: true,
      startedAt: '2026-11-23T03:00:00.000Z',
      finishedAt: '2026-11-23T03:02:03.400Z',
      durationSeconds: 123.4,
      regions: ['eu-west-1'],
      checks: 2,
      findings: {
        findings: 4,
        PASS: 1,
        FAIL: 2,
        SUPPRESSED: 0,
        ERROR: 1,
        failedBySeverity: { critical: 1, high: 1, medium: 0, low: 0, informational: 0 },
        failedBySrmClass: { infrastructure: 0, container: 0, abstracted: 1, account: 1 },
      },
      coverage: { evaluated: 3, notEvaluated: 1, share: 0.75 },
      servicesNotChecked: [],
      suppressionProblems: { count: 0, sample: [] },
      lifecycle: { new: 1, regressed: 0, resolved: 3, active: 1, suppressed: 0, open: 2 },
      apiCalls: 42,
      collectionIssues: {
        count: 1,
        sample: [
          { slice: 'iam.credentialReport', region: 'global', errorCode: 'AccessDenied', message: 'Not authorised.' },
        ],
      },
      alert: { published: true, subject: 'srm-scan 123456789012: 1 new critical', messageId: 'm-1', reason: 'new' },
      stored: { items: 7, bytes: 4096, writeUnits: 8, requests: 1, findings: 5, transitions: 1 },
    });
  });

  it('records duration, API calls, issues, lifecycle and findings by status, severity and SRM class as metrics', async () => {
    // Prepare
    const { handler, recorded, metrics } = setUp();

    // Act
    await handler({});

    // Assess
    expect(recorded).toEqual(
      expect.arrayContaining([
        { name: 'ScanDuration', value: 123.4 },
        { name: 'ApiCalls', value: 42 },
        { name: 'CollectionIssues', value: 1 },
        { name: 'NewFindings', value: 1 },
        { name: 'ResolvedFindings', value: 3 },
        { name: 'Findings', value: 2, dimension: 'status=FAIL' },
        { name: 'FailedFindings', value: 1, dimension: 'severity=critical' },
        { name: 'FailedFindings', value: 1, dimension: 'srmClass=account' },
      ]),
    );
    expect(metrics.flush).toHaveBeenCalledTimes(1);
  });

  it('counts one completed scan per successful run, under the name the stale-scan alarm watches', async () => {
    // Prepare
    const { handler, recorded } = setUp();

    // Act
    await handler({ ...SCHEDULED_RUN_EVENT });
    await handler({ dryRun: true });

    // Assess
    expect(recorded.filter((metric) => metric.name === SCANNER_METRICS.scansCompleted)).toEqual([
      { name: SCANNER_METRICS.scansCompleted, value: 1 },
      { name: SCANNER_METRICS.scansCompleted, value: 1 },
    ]);
    expect(recorded).toContainEqual({ name: SCANNER_METRICS.collectionIssues, value: 1 });
  });

  it.each([
    ['the scan job fails', { runScanJob: vi.fn(async () => Promise.reject(new Error('DynamoDB is unavailable'))) }],
    [
      'the environment is invalid',
      {
        environment: () => {
          throw new ConfigurationError('Invalid environment: SRM_SCAN_CONFIG: is not set');
        },
      },
    ],
  ])('counts no completed scan when %s', async (_case, overrides: Partial<ScanHandlerDependencies>) => {
    // Prepare
    const { handler, recorded } = setUp(overrides);

    // Act
    await handler({ ...SCHEDULED_RUN_EVENT }).catch(() => undefined);

    // Assess
    expect(recorded.map((metric) => metric.name)).not.toContain(SCANNER_METRICS.scansCompleted);
    expect(recorded).toContainEqual({ name: 'ScanFailures', value: 1 });
  });

  it('writes its metrics as EMF in the namespace and with the one dimension the stack alarms match', async () => {
    // Prepare
    const written: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    // The logger reports the failed run (no environment here) on stderr.
    const quiet = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);

    // Act
    try {
      await deployedHandler({}).catch(() => undefined);
    } finally {
      write.mockRestore();
      quiet.mockRestore();
    }

    // Assess
    const emf = written
      .flatMap((chunk) => chunk.split('\n'))
      .filter((line) => line.includes('"_aws"'))
      .map((line) => JSON.parse(line) as { _aws: { CloudWatchMetrics: unknown[] }; service?: string });
    expect(emf).not.toHaveLength(0);
    for (const blob of emf) {
      expect(blob._aws.CloudWatchMetrics).toEqual([
        expect.objectContaining({ Namespace: SCANNER_METRICS.namespace, Dimensions: [['service']] }),
      ]);
      expect(blob.service).toBe(SCANNER_METRICS.service);
    }
  });

  it('rethrows a failed scan after logging it, counting it and releasing the clients', async () => {
    // Prepare
    const failure = new Error('DynamoDB is unavailable');
    const { handler, destroy, logger, recorded, metrics } = setUp({
      runScanJob: vi.fn(async () => {
        throw failure;
      }),
    });

    // Act
    const run = handler({ ...SCHEDULED_RUN_EVENT });

    // Assess
    await expect(run).rejects.toBe(failure);
    expect(logger.error).toHaveBeenCalledWith('Scan failed', failure);
    expect(recorded).toContainEqual({ name: 'ScanFailures', value: 1 });
    expect(metrics.flush).toHaveBeenCalledTimes(1);
    expect(destroy).toHaveBeenCalledTimes(1);
  });

  it('redacts secrets in every log record, error included', async () => {
    // Prepare
    // Assembled at run time so that secret scanners do not flag this file.
    const key = ['AKIA', 'ZQ7VWXK3MJ5PLN2R'].join('');
    const quoted: ScanReport = {
      ...REPORT,
      scan: {
        ...REPORT.scan,
        collectionIssues: [
          { slice: 'lambda.functions', region: 'eu-west-1', errorCode: 'ValidationException', message: `Key ${key}` },
        ],
      },
    };
    const failure = Object.assign(new Error(`Table write rejected ${key}`), { name: 'ValidationException' });
    const records: string[] = [];
    const record = (...input: unknown[]) => {
      records.push(
        JSON.stringify(input, (_key, value) =>
          value instanceof Error ? { ...value, message: value.message, stack: value.stack } : value,
        ),
      );
    };
    const logger: ScanLogger = { addContext: vi.fn(), info: record, warn: record, error: record };
    const succeeding = setUp({ logger, runScanJob: vi.fn(async () => ({ report: quoted })) });
    const failing = setUp({ logger, runScanJob: vi.fn(async () => Promise.reject(failure)) });

    // Act
    await succeeding.handler({ ...SCHEDULED_RUN_EVENT });
    await failing.handler({ ...SCHEDULED_RUN_EVENT }).catch(() => undefined);

    // Assess
    const text = records.join('\n');
    expect(text).toContain('Collection issues');
    expect(text).toContain('Scan failed');
    expect(text).toMatch(/Table write rejected \[AWS access key ID, fingerprint [0-9a-f]{8}\]/);
    expect(leakedWindows(text, [key])).toEqual([]);
  });

  it('fails before scanning when the environment is invalid', async () => {
    // Prepare
    const { handler, runScanJob } = setUp({
      environment: () => {
        throw new ConfigurationError('Invalid environment: SRM_SCAN_CONFIG: is not set');
      },
    });

    // Act
    const run = handler({});

    // Assess
    await expect(run).rejects.toThrow('SRM_SCAN_CONFIG: is not set');
    expect(runScanJob).not.toHaveBeenCalled();
  });
});

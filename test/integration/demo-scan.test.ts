import { GetBucketPolicyCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MotoServer, startMoto } from '../../demo/moto.js';
import { seedDemoAccount } from '../../demo/seed/index.js';
import { DEMO_ACCOUNT_ID, DEMO_ALLOWED_REGIONS, DEMO_REGIONS, type ExpectedFailure } from '../../demo/seed/types.js';
import { ApiCallCounter } from '../../lambdas/core/aws/api-calls.js';
import { AwsClients } from '../../lambdas/core/aws/clients.js';
import { CHECKS } from '../../lambdas/core/checks/registry.js';
import { parseConfig } from '../../lambdas/core/config/config-file.js';
import type { ScanReport } from '../../lambdas/core/findings/model.js';
import { runScanJob } from '../../lambdas/core/job/run-scan-job.js';
import { awsError } from '../helpers/aws-errors.js';

const key = (f: { checkId: string; resourceArn: string }) => `${f.checkId} ${f.resourceArn}`;

/**
 * APIs moto 5.2.1 does not implement (it answers with an HTML 404 page). The checks needing
 * them must report ERROR for the scopes concerned, and nothing else may error on the demo.
 */
const EMULATOR_GAPS: { checkIds: readonly string[]; slice: string; regions?: readonly string[] }[] = [
  // SSM DescribeInstanceInformation and ListResourceComplianceSummaries.
  { checkIds: ['ec2-instance-managed-by-ssm'], slice: 'ssm.managedInstances' },
  { checkIds: ['ec2-instance-patch-compliant'], slice: 'ssm.' },
  // AWS Backup ListBackupSelections: only reached where a backup plan exists (us-east-1).
  {
    checkIds: [
      'account-backup-plan-exists',
      'rds-instance-in-backup-plan',
      'dynamodb-table-in-backup-plan',
      'ec2-ebs-volume-in-backup-plan',
      'efs-file-system-in-backup-plan',
    ],
    slice: 'backup.plans',
    regions: ['us-east-1'],
  },
  // Security Hub GetEnabledStandards (HTML 404): only reached where a hub is enabled (us-east-1).
  { checkIds: ['securityhub-hub-enabled'], slice: 'securityhub.hubs', regions: ['us-east-1'] },
  // IAM Access Analyzer has no backend at all (HTML 500 for ListAnalyzers); its check is covered by unit tests.
  { checkIds: ['accessanalyzer-analyzer-enabled'], slice: 'accessanalyzer.analyzers' },
  // EFS DescribeReplicationConfigurations (HTTP 404): a file system's replicas cannot be listed in any region.
  { checkIds: ['efs-file-system-in-allowed-region'], slice: 'efs.replications' },
  // The credential report has no <root_account> row.
  { checkIds: ['iam-root-not-used-recently'], slice: '<root_account>' },
];

const explainedByEmulator = (f: { checkId: string; region: string; message: string }) =>
  EMULATOR_GAPS.some(
    (gap) =>
      gap.checkIds.includes(f.checkId) &&
      f.message.includes(gap.slice) &&
      (!gap.regions || gap.regions.includes(f.region)),
  );

const scanConfig = parseConfig(
  { regions: [...DEMO_REGIONS], settings: { allowedRegions: [...DEMO_ALLOWED_REGIONS] } },
  'integration test',
);

describe('Integration: scanning the demo account on moto', () => {
  let moto: MotoServer;
  let planted: ExpectedFailure[];
  let report: ScanReport;

  beforeAll(async () => {
    moto = await startMoto();
    const seedClients = new AwsClients(new ApiCallCounter(), { endpoint: moto.endpoint });
    planted = await seedDemoAccount({ accountId: DEMO_ACCOUNT_ID, clients: seedClients });
    seedClients.destroy();
    const clients = new AwsClients(new ApiCallCounter(), { endpoint: moto.endpoint });
    ({ report } = await runScanJob({ checks: CHECKS, config: scanConfig, clients }));
    clients.destroy();
  }, 180_000);

  afterAll(async () => {
    await moto?.stop();
  });

  it('reports exactly the planted failures and no others', () => {
    // Prepare
    const expected = new Set(planted.map(key));

    // Act
    const actual = new Set(report.findings.filter((f) => f.status === 'FAIL').map(key));

    // Assess
    expect(
      [...actual].filter((k) => !expected.has(k)).sort(),
      'unexpected FAILs (a compliant resource failed)',
    ).toEqual([]);
    expect([...expected].filter((k) => !actual.has(k)).sort(), 'planted misconfigurations not reported').toEqual([]);
  });

  it('evaluates every check in the catalogue', () => {
    // Prepare
    const evaluated = report.scan.checks.filter((c) => c.results > 0).map((c) => c.checkId);

    // Act
    const silent = CHECKS.map((c) => c.id).filter((id) => !evaluated.includes(id));

    // Assess
    expect(silent).toEqual([]);
  });

  it('has FAILs in all four SRM classes', () => {
    // Prepare
    const failing = report.findings.filter((f) => f.status === 'FAIL');

    // Act
    const classes = new Set(failing.map((f) => f.srmClass));

    // Assess
    expect([...classes].sort()).toEqual(['abstracted', 'account', 'container', 'infrastructure']);
  });

  it('reports ERROR only where the emulator lacks data', () => {
    // Prepare
    const errored = report.findings.filter((f) => f.status === 'ERROR');

    // Act
    const unexpected = errored.filter((f) => !explainedByEmulator(f));

    // Assess
    expect(unexpected.map((f) => `${f.checkId}: ${f.message}`)).toEqual([]);
  });

  it('keeps PASS findings so "checked and fine" is visible', () => {
    // Prepare
    const passes = report.findings.filter((f) => f.status === 'PASS');

    // Act
    const checksWithPasses = new Set(passes.map((f) => f.checkId));

    // Assess
    expect(checksWithPasses.size).toBeGreaterThan(CHECKS.length / 2);
  });

  it('turns an AccessDenied on one API into ERROR for the checks needing it only', async () => {
    // Prepare
    const clients = new AwsClients(new ApiCallCounter(), { endpoint: moto.endpoint });
    for (const region of DEMO_REGIONS) {
      clients.get(S3Client, region).middlewareStack.add(
        (next, context) => async (args) => {
          if (context.commandName === GetBucketPolicyCommand.name) {
            throw awsError('rest-xml', 'AccessDenied', { message: 'Access Denied', status: 403 });
          }
          return next(args);
        },
        { step: 'initialize', name: 'injectAccessDenied' },
      );
    }
    const policyChecks = new Set(CHECKS.filter((c) => c.requires.includes('s3.bucketPolicies')).map((c) => c.id));

    // Act
    const { report: denied } = await runScanJob({ checks: CHECKS, config: scanConfig, clients });
    clients.destroy();

    // Assess
    const baseline = new Map(report.findings.map((f) => [key(f), f.status]));
    const changed = denied.findings.filter((f) => baseline.get(key(f)) !== f.status);
    expect(changed.length).toBeGreaterThan(0);
    for (const finding of changed) {
      expect(policyChecks.has(finding.checkId), `${finding.checkId} changed without needing bucket policies`).toBe(
        true,
      );
      expect(finding.status).toBe('ERROR');
    }
    expect(
      changed.filter((f) => f.checkId.startsWith('s3-')).every((f) => f.message.includes('s3:GetBucketPolicy')),
    ).toBe(true);
    expect(
      denied.scan.collectionIssues.some((i) => i.slice === 's3.bucketPolicies' && i.errorCode === 'AccessDenied'),
    ).toBe(true);
  }, 120_000);
});

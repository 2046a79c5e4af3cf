import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { BatchImportFindingsCommand, GetFindingsCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { reportSecurityHub } from '../../bin/cli/scan-command.js';
import { ApiCallCounter } from '../../lambdas/core/aws/api-calls.js';
import { AwsClients } from '../../lambdas/core/aws/clients.js';
import { parseConfig } from '../../lambdas/core/config/config-file.js';
import { runScanJob, type ScanJobOptions } from '../../lambdas/core/job/run-scan-job.js';
import {
  parseScannerEnvironment,
  SCANNER_ENV,
  scannerEnvironmentVariables,
} from '../../lambdas/scanner/environment.js';
import { jobOptionsFor } from '../../lambdas/scanner/job-options.js';
import { awsError } from '../helpers/aws-errors.js';
import { bucket, FAKE_CHECKS, fakeCollectors, fakeWorld, volume } from '../job/fake-catalogue.js';

const ACCOUNT = '123456789012';
const sts = mockClient(STSClient);
const ec2 = mockClient(EC2Client);
const hub = mockClient(SecurityHubClient);

const job = (overrides: Partial<ScanJobOptions> = {}): ScanJobOptions => {
  const world = fakeWorld(ACCOUNT);
  world.buckets.push(bucket(world, 'untagged'), bucket(world, 'tagged', { owner: 'data' }));
  world.volumes.push(volume(world, 'vol-plain', 'eu-west-1', false));
  return {
    config: parseConfig({ regions: ['us-east-1', 'eu-west-1'] }, 'test'),
    clients: new AwsClients(new ApiCallCounter(), { rateLimits: false }),
    checks: FAKE_CHECKS,
    collectors: fakeCollectors(world),
    securityHub: { region: 'eu-west-1' },
    ...overrides,
  };
};

describe('Function: runScanJob with securityHub', () => {
  beforeEach(() => {
    for (const mock of [sts, ec2, hub]) mock.reset();
    sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT, Arn: `arn:aws:iam::${ACCOUNT}:root` });
    ec2.on(DescribeRegionsCommand).resolves({
      Regions: ['us-east-1', 'eu-west-1'].map((RegionName) => ({ RegionName, OptInStatus: 'opt-in-not-required' })),
    });
    hub.on(GetFindingsCommand).resolves({ Findings: [] });
    hub.on(BatchImportFindingsCommand).resolves({ SuccessCount: 2, FailedCount: 0, FailedFindings: [] });
  });
  afterAll(() => {
    for (const mock of [sts, ec2, hub]) mock.restore();
  });

  it('imports the FAILs into the asked region after the scan', async () => {
    // Prepare
    const options = job();

    // Act
    const result = await runScanJob(options);

    // Assess
    expect(result.securityHub?.result).toMatchObject({ region: 'eu-west-1', imported: 2, failed: { count: 0 } });
    const sent = hub.commandCalls(BatchImportFindingsCommand)[0]?.args[0].input.Findings ?? [];
    expect(sent.map((f) => f.Resources?.[0]?.Id).sort()).toEqual(
      result.report.findings
        .filter((f) => f.status === 'FAIL')
        .map((f) => f.resourceArn)
        .sort(),
    );
    expect(reportSecurityHub(result.securityHub, { write: () => true } as unknown as NodeJS.WritableStream)).toBe(
      false,
    );
  });

  it('keeps the report when Security Hub denies access, says why, and makes the CLI exit 1', async () => {
    // Prepare
    hub.on(BatchImportFindingsCommand).rejects(
      awsError('json', 'AccessDeniedException', {
        status: 403,
        message: 'not authorized to perform securityhub:BatchImportFindings',
      }),
    );
    const lines: string[] = [];

    // Act
    const result = await runScanJob(job());
    const failed = reportSecurityHub(result.securityHub, {
      write: (s: string) => lines.push(s),
    } as unknown as NodeJS.WritableStream);

    // Assess
    expect(result.report.findings.length).toBeGreaterThan(0);
    expect(result.securityHub?.error).toMatch(/^Security Hub push failed: AccessDeniedException: not authorized/);
    expect(failed).toBe(true);
    expect(lines.join('')).toContain('AccessDeniedException');
  });

  it('does not push on a dry run', async () => {
    // Prepare, Act
    const result = await runScanJob(job({ dryRun: true }));

    // Assess
    expect(result.securityHub).toBeUndefined();
    expect(hub.calls()).toHaveLength(0);
  });
});

describe('Scanner environment: securityHub', () => {
  it('round-trips the option and turns it into a push to the function region', () => {
    // Prepare
    const variables = scannerEnvironmentVariables({
      config: {},
      findingsTable: 'findings',
      alertTopicArn: `arn:aws:sns:eu-west-1:${ACCOUNT}:alerts`,
      minAlertSeverity: 'high',
      notifyOn: 'changes',
      historyTtlDays: 90,
      securityHub: true,
    });

    // Act
    const env = parseScannerEnvironment({ ...variables, AWS_REGION: 'eu-west-1' });
    const options = jobOptionsFor(env, { trigger: 'schedule' }, FAKE_CHECKS, FAKE_CHECKS, {} as AwsClients);

    // Assess
    expect(variables[SCANNER_ENV.securityHub]).toBe('true');
    expect(options.securityHub).toEqual({ region: 'eu-west-1' });
  });
});

describe('Organisation mode: --security-hub', () => {
  it('is refused with the reason and what to do instead', async () => {
    // Prepare
    const { assertOrganizationFlags } = await import('../../bin/cli/org-scan-command.js');

    // Act
    const attempt = () =>
      assertOrganizationFlags({
        accounts: ['111111111111'],
        securityHub: true,
        format: 'table',
        minAlertSeverity: 'high',
        notifyOn: 'changes',
      });

    // Assess
    expect(attempt).toThrow(/--security-hub is not supported with --accounts\/--org: .*--format asff/);
  });
});

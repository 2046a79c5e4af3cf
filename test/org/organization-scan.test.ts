import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { AwsClients } from '../../lambdas/core/aws/clients.js';
import type { SliceCollector } from '../../lambdas/core/collectors/types.js';
import { parseConfig } from '../../lambdas/core/config/config-file.js';
import { CollectionError, ConfigurationError } from '../../lambdas/core/model/errors.js';
import type { MemberAccount } from '../../lambdas/core/org/member-session.js';
import { type OrganizationScanOptions, runOrganizationScan } from '../../lambdas/core/org/organization-scan.js';
import { renderOrganizationCsv, renderOrganizationTable } from '../../lambdas/core/reports/organization.js';
import { awsError } from '../helpers/aws-errors.js';
import { fakeCollectors } from '../helpers/fake-collectors.js';
import { FAKE_CHECKS } from '../job/fake-catalogue.js';
import { memoryTable } from '../job/memory-table.js';

const SCANNER = '999999999999';
const DENIED = '333333333333';
const sts = mockClient(STSClient);
const ec2 = mockClient(EC2Client);
const table = memoryTable();

/** Static keys name the account they act in: `KEY<account id>`. */
const keysOf = (accountId: string): AwsCredentialIdentity => ({
  accessKeyId: `KEY${accountId}`,
  secretAccessKey: 'secret',
});

let inFlight = 0;
let maxInFlight = 0;
const memberCalls: MemberAccount[] = [];

/** Each account has one bucket named after it, never tagged (a FAIL), and no volume. */
const collectors = () => {
  const buckets: SliceCollector<'s3.buckets'> = {
    key: 's3.buckets',
    scope: 'global',
    actions: ['s3:ListAllMyBuckets'],
    collect: async ({ accountId }) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      for (let i = 0; i < 20; i += 1) await new Promise((resolve) => setImmediate(resolve));
      inFlight -= 1;
      const name = `bucket-${accountId}`;
      return [{ arn: `arn:aws:s3:::${name}`, id: name, name, region: 'global', accountId, tags: {} }];
    },
  };
  const volumes: SliceCollector<'ec2.volumes'> = {
    key: 'ec2.volumes',
    scope: 'regional',
    actions: ['ec2:DescribeVolumes'],
    collect: async () => [],
  };
  return fakeCollectors({ 's3.buckets': buckets, 'ec2.volumes': volumes });
};

const options = (overrides: Partial<OrganizationScanOptions> = {}): OrganizationScanOptions => ({
  accounts: ['111111111111', '222222222222', DENIED],
  checks: FAKE_CHECKS,
  collectors: collectors(),
  config: parseConfig({ regions: ['us-east-1'] }, 'test'),
  clientOptions: { region: 'us-east-1', credentials: keysOf(SCANNER) },
  callerAccountId: SCANNER,
  externalId: 'ext-123',
  memberClients: (member, counter) => {
    memberCalls.push(member);
    return new AwsClients(counter, {
      region: 'us-east-1',
      credentials:
        member.accountId === DENIED
          ? async () => {
              throw awsError('query', 'AccessDenied', {
                status: 403,
                message: `User: arn:aws:iam::${SCANNER}:role/scanner is not authorized to perform: sts:AssumeRole (AKIAIOSFODNN7EXAMPLE)`,
              });
            }
          : keysOf(member.accountId),
    });
  },
  ...overrides,
});

describe('Function: runOrganizationScan', () => {
  beforeEach(() => {
    sts.reset();
    ec2.reset();
    table.reset();
    inFlight = 0;
    maxInFlight = 0;
    memberCalls.length = 0;
    sts.on(GetCallerIdentityCommand).callsFake(async (_input, getClient) => {
      const credentials = getClient().config.credentials as () => Promise<AwsCredentialIdentity>;
      const account = (await credentials()).accessKeyId.replace('KEY', '');
      return { Account: account, Arn: `arn:aws:sts::${account}:assumed-role/SrmScanReader/srm-scan` };
    });
    ec2.on(DescribeRegionsCommand).resolves({
      Regions: [{ RegionName: 'us-east-1', OptInStatus: 'opt-in-not-required' }],
    });
  });
  afterAll(() => {
    sts.restore();
    ec2.restore();
    table.restore();
  });

  it('scans each reachable account, tags its findings with it and reports the denied one', async () => {
    // Act
    const result = await runOrganizationScan(options());

    // Assess
    expect(result.reports.map((r) => r.scan.accountId)).toEqual(['111111111111', '222222222222']);
    for (const report of result.reports) {
      expect(report.findings.map((f) => `${f.status} ${f.accountId} ${f.resourceId}`)).toEqual([
        `FAIL ${report.scan.accountId} bucket-${report.scan.accountId}`,
      ]);
    }
    expect(result.organization.accounts).toEqual([
      { accountId: '111111111111', status: 'scanned', scanId: result.reports[0]?.scan.id },
      { accountId: '222222222222', status: 'scanned', scanId: result.reports[1]?.scan.id },
      { accountId: DENIED, status: 'failed' },
    ]);
    expect(result.organization.failures).toEqual([
      {
        accountId: DENIED,
        roleArn: `arn:aws:iam::${DENIED}:role/SrmScanReader`,
        errorCode: 'AccessDenied',
        message: expect.stringMatching(
          /^Could not assume arn:aws:iam::333333333333:role\/SrmScanReader: AccessDenied:/,
        ),
      },
    ]);
    expect(result.organization.failures[0]?.message).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(result.organization.totals).toMatchObject({ findings: 2, FAIL: 2, PASS: 0, ERROR: 0 });
    expect(result.organization.coverage).toEqual({ evaluated: 2, notEvaluated: 0, share: 1 });
    expect(memberCalls.map((m) => m.externalId)).toEqual(['ext-123', 'ext-123', 'ext-123']);
  });

  it('scans the scanner’s own account with its own credentials, without assuming a role', async () => {
    // Act
    const result = await runOrganizationScan(options({ accounts: [SCANNER, '111111111111'] }));

    // Assess
    expect(result.reports.map((r) => r.scan.accountId)).toEqual([SCANNER, '111111111111']);
    expect(memberCalls.map((m) => m.accountId)).toEqual(['111111111111']);
  });

  it('scans at most maxParallelAccounts accounts at once', async () => {
    // Prepare
    const accounts = ['111111111111', '222222222222', '444444444444', '555555555555', '666666666666'];

    // Act
    const result = await runOrganizationScan(options({ accounts, maxParallelAccounts: 2 }));

    // Assess
    expect(result.reports).toHaveLength(5);
    expect(maxInFlight).toBe(2);
  });

  it('fails an account whose session acts in another account', async () => {
    // Prepare
    const crossed = options({
      accounts: ['111111111111'],
      memberClients: (_member, counter) =>
        new AwsClients(counter, { region: 'us-east-1', credentials: keysOf('222222222222') }),
    });

    // Act
    const result = await runOrganizationScan(crossed);

    // Assess
    expect(result.reports).toHaveLength(0);
    expect(result.organization.failures[0]?.message).toContain('acts in account 222222222222, not 111111111111');
  });

  it('keeps each account’s lifecycle in the scanner’s findings table, written with the scanner’s credentials', async () => {
    // Act
    const result = await runOrganizationScan(options({ store: { tableName: 'findings', region: 'us-east-1' } }));

    // Assess
    expect(result.outcomes.flatMap((o) => (o.status === 'scanned' ? [o.result.lifecycle?.new] : []))).toEqual([1, 1]);
    const writers = await Promise.all(
      table.dynamo.calls().map(async (call) => {
        const client = call.thisValue as DynamoDBClient;
        return (await (client.config.credentials as () => Promise<AwsCredentialIdentity>)()).accessKeyId;
      }),
    );
    expect(writers.length).toBeGreaterThan(0);
    expect(new Set(writers)).toEqual(new Set([`KEY${SCANNER}`]));
    expect(
      table
        .ofType('SCAN')
        .map((scan) => scan.accountId)
        .sort(),
    ).toEqual(['111111111111', '222222222222']);
  });

  it('reads the scanner’s account when not given and stops with a clear error when its own credentials fail', async () => {
    // Prepare
    const { callerAccountId: _known, ...unknownCaller } = options({ accounts: [SCANNER] });
    const found = await runOrganizationScan(unknownCaller);
    sts.on(GetCallerIdentityCommand).rejects(awsError('query', 'InvalidClientTokenId', { status: 403 }));

    // Act
    const attempt = runOrganizationScan(unknownCaller);

    // Assess
    expect(found.reports.map((r) => r.scan.accountId)).toEqual([SCANNER]);
    expect(memberCalls).toEqual([]);
    await expect(attempt).rejects.toThrow(CollectionError);
    await expect(attempt).rejects.toThrow(/scanner's own account .*AWS rejected the credentials/);
  });

  it('refuses a malformed account id and a zero parallelism before calling AWS', async () => {
    // Act
    const badId = runOrganizationScan(options({ accounts: ['12345'] }));
    const zero = runOrganizationScan(options({ maxParallelAccounts: 0 }));

    // Assess
    await expect(badId).rejects.toThrow(ConfigurationError);
    await expect(zero).rejects.toThrow(ConfigurationError);
    expect(sts.calls()).toHaveLength(0);
  });

  it('renders one table grouped by account and one CSV with a single header', async () => {
    // Prepare
    const result = await runOrganizationScan(options());

    // Act
    const table = renderOrganizationTable(result);
    const csv = renderOrganizationCsv(result);

    // Assess
    const first = table.indexOf('████ Account 111111111111');
    const second = table.indexOf('████ Account 222222222222');
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
    expect(table).toContain('333333333333                             NOT SCANNED');
    expect(table).toContain('Accounts not scanned (1)');
    const lines = csv.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('id,status'))).toHaveLength(1);
    expect(lines).toHaveLength(3);
  });
});

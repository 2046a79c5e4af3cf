import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  CreateAccountCommand,
  CreateOrganizationalUnitCommand,
  CreateOrganizationCommand,
  ListRootsCommand,
  MoveAccountCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { CreateBucketCommand, PutBucketVersioningCommand, S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MotoServer, startMoto } from '../../demo/moto.js';
import { ApiCallCounter } from '../../lambdas/core/aws/api-calls.js';
import { AwsClients } from '../../lambdas/core/aws/clients.js';
import type { OrganizationReport } from '../../lambdas/core/org/organization-scan.js';
import { runCli } from '../helpers/cli.js';
import { createTable, createTopicWithQueue, receiveDigests } from '../helpers/moto-alerts.js';
import { type AwsProxy, startAwsProxy } from '../proxy/aws-proxy.js';

const MEMBER_A = '111111111111';
const MEMBER_B = '222222222222';
/** Its member role denies the scanner: the proxy answers its AssumeRole with AccessDenied. */
const MEMBER_DENIED = '333333333333';
const REGION = 'us-east-1';

/** Two buckets in a member account, created through its role: one versioned, one not (a FAIL by design). */
async function seedMember(endpoint: string, accountId: string): Promise<void> {
  const sts = new STSClient({ region: REGION, endpoint });
  const { Credentials: c } = await sts.send(
    new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/SrmScanReader`, RoleSessionName: 'seed' }),
  );
  sts.destroy();
  const clients = new AwsClients(new ApiCallCounter(), {
    endpoint,
    region: REGION,
    credentials: {
      accessKeyId: c?.AccessKeyId ?? '',
      secretAccessKey: c?.SecretAccessKey ?? '',
      ...(c?.SessionToken && { sessionToken: c.SessionToken }),
    },
  });
  const s3 = clients.get(S3Client, REGION);
  for (const suffix of ['versioned', 'unversioned']) {
    await s3.send(new CreateBucketCommand({ Bucket: `org-${accountId}-${suffix}` }));
  }
  await s3.send(
    new PutBucketVersioningCommand({
      Bucket: `org-${accountId}-versioned`,
      VersioningConfiguration: { Status: 'Enabled' },
    }),
  );
  clients.destroy();
}

/**
 * The compiled CLI scanning three member accounts on moto through a fault proxy: two are seeded through their
 * role and scanned, the third's AssumeRole is denied; its failure is reported and the exit code follows
 * `--fail-on-error`.
 */
describe('Integration: srm-scan scan --accounts across member accounts', () => {
  let moto: MotoServer;
  let proxy: AwsProxy;
  const scan = (...args: string[]) =>
    runCli(
      [
        'scan',
        '--accounts',
        [MEMBER_A, MEMBER_B, MEMBER_DENIED].join(','),
        '--regions',
        REGION,
        '--checks',
        's3-bucket-versioning*',
        '--external-id',
        'srm-scan-test',
        ...args,
      ],
      { AWS_ENDPOINT_URL: proxy.endpoint },
    );

  beforeAll(async () => {
    moto = await startMoto();
    proxy = await startAwsProxy({
      upstream: moto.endpoint,
      buckets: false,
      faults: {
        accessDenied: [{ operation: 'sts:AssumeRole', roleArn: `arn:aws:iam::${MEMBER_DENIED}:role/SrmScanReader` }],
      },
    });
    await seedMember(moto.endpoint, MEMBER_A);
    await seedMember(moto.endpoint, MEMBER_B);
  }, 120_000);

  afterAll(async () => {
    await proxy?.stop();
    await moto?.stop();
  });

  it('scans the reachable accounts, tags findings by account and reports the denied one', async () => {
    // Act
    const { code, stdout, stderr } = await scan('--format', 'json');

    // Assess
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout) as OrganizationReport;
    expect(report.organization.accounts).toEqual([
      expect.objectContaining({ accountId: MEMBER_A, status: 'scanned' }),
      expect.objectContaining({ accountId: MEMBER_B, status: 'scanned' }),
      { accountId: MEMBER_DENIED, status: 'failed' },
    ]);
    expect(report.organization.failures).toEqual([
      expect.objectContaining({
        accountId: MEMBER_DENIED,
        roleArn: `arn:aws:iam::${MEMBER_DENIED}:role/SrmScanReader`,
        errorCode: 'AccessDenied',
        message: expect.stringContaining('not authorized to perform: sts:AssumeRole'),
      }),
    ]);
    expect(report.reports.map((r) => r.scan.accountId)).toEqual([MEMBER_A, MEMBER_B]);
    for (const single of report.reports) {
      const accountId = single.scan.accountId;
      expect(single.findings.length).toBeGreaterThan(0);
      expect(single.findings.every((f) => f.accountId === accountId)).toBe(true);
      const failed = single.findings.filter((f) => f.status === 'FAIL').map((f) => f.resourceId);
      expect(failed).toContain(`org-${accountId}-unversioned`);
      expect(failed).not.toContain(`org-${accountId}-versioned`);
      // Each account sees its own buckets only.
      expect(single.findings.some((f) => f.resourceId.includes(accountId === MEMBER_A ? MEMBER_B : MEMBER_A))).toBe(
        false,
      );
    }
    expect(report.organization.totals.findings).toBe(
      report.reports.reduce((sum, r) => sum + r.scan.totals.findings, 0),
    );
    expect(proxy.stats().byOperation['sts:AssumeRole']?.denied).toBeGreaterThan(0);
    expect(stderr).toContain(`1 of 3 account(s) could not be scanned: ${MEMBER_DENIED}`);
  });

  it('exits 1 with --fail-on-error when an account could not be scanned, saying which', async () => {
    // Act
    const { code, stderr } = await scan('--fail-on-error', '--format', 'json');

    // Assess
    expect(code).toBe(1);
    expect(stderr).toContain(`1 account(s) could not be scanned (--fail-on-error): ${MEMBER_DENIED}`);
  });

  it('groups the table by account and ends with the summary across accounts', async () => {
    // Act
    const { code, stdout } = await scan();

    // Assess
    expect(code).toBe(0);
    const sectionA = stdout.indexOf(`████ Account ${MEMBER_A}`);
    const sectionB = stdout.indexOf(`████ Account ${MEMBER_B}`);
    const summary = stdout.indexOf('════ Organisation summary ════');
    expect(sectionA).toBeGreaterThan(-1);
    expect(sectionB).toBeGreaterThan(sectionA);
    expect(summary).toBeGreaterThan(sectionB);
    expect(stdout.slice(summary)).toContain(`${MEMBER_DENIED}`);
    expect(stdout.slice(summary)).toContain('not authorized to perform: sts:AssumeRole');
    expect(stdout).toMatch(/Across 2 scanned account\(s\): Coverage: /);
  });

  it('writes one HTML report across accounts: every account with its outcome, rows and a filter per account', async () => {
    // Prepare
    const out = join(mkdtempSync(join(tmpdir(), 'srm-scan-org-html-')), 'org.html');

    // Act
    const { code, stderr } = await scan('--format', 'html', '--output', out);

    // Assess
    expect(code, stderr).toBe(0);
    const page = readFileSync(out, 'utf8');
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain('3 accounts (2 scanned, 1 not scanned)');
    expect(page).toContain('<span class="badge st-ERROR">not scanned</span> AccessDenied');
    for (const account of [MEMBER_A, MEMBER_B]) {
      expect(page).toContain(`<option value="${account}">${account}</option>`);
      expect(page).toContain(`<code>org-${account}-unversioned</code>`);
    }
    expect(stderr).toContain(`Report written to ${out}`);
  });

  it("sends one organisation digest: the account not scanned first, then each account's new failures", async () => {
    // Prepare: the findings table and the topic in the scanner's own account, a queue subscribed to read the digest.
    const clients = new AwsClients(new ApiCallCounter(), { endpoint: moto.endpoint, region: REGION });
    await createTable(clients.get(DynamoDBClient, REGION), 'org-findings');
    const sqs = clients.get(SQSClient, REGION);
    const { topicArn, queueUrl } = await createTopicWithQueue(clients.get(SNSClient, REGION), sqs);

    // Act
    const { code, stderr } = await scan(
      '--format',
      'json',
      '--findings-table',
      'org-findings',
      '--alert-topic-arn',
      topicArn,
      '--min-alert-severity',
      'low',
    );
    const digests = await receiveDigests(sqs, queueUrl);
    clients.destroy();

    // Assess
    expect(code, stderr).toBe(0);
    expect(stderr).toContain(
      'Organisation digest: published "srm-scan organisation: 2 new findings (low+) in 3 accounts, 1 failed"',
    );
    expect(digests).toHaveLength(1);
    const [digest] = digests;
    const body = digest?.Message ?? '';
    const denied = body.indexOf(`ACCOUNT ${MEMBER_DENIED} - FAILED`);
    expect(denied).toBeGreaterThan(-1);
    expect(body.slice(denied)).toContain('not authorized to perform: sts:AssumeRole');
    for (const account of [MEMBER_A, MEMBER_B]) {
      const section = body.indexOf(`ACCOUNT ${account} - SCANNED`);
      expect(section).toBeGreaterThan(denied);
      expect(body.slice(section)).toContain(
        `NEW [low] s3-bucket-versioning-enabled org-${account}-unversioned (us-east-1)`,
      );
    }
    expect(digest?.MessageAttributes?.accountId?.Value).toBe('organization');
    expect(digest?.MessageAttributes?.severity?.Value).toBe('low');
  });

  it('exits 1 and says so when the organisation digest cannot be published, after writing the report', async () => {
    // Prepare
    const clients = new AwsClients(new ApiCallCounter(), { endpoint: moto.endpoint, region: REGION });
    await createTable(clients.get(DynamoDBClient, REGION), 'org-findings-unsent');
    clients.destroy();

    // Act
    const { code, stdout, stderr } = await scan(
      '--format',
      'json',
      '--findings-table',
      'org-findings-unsent',
      '--alert-topic-arn',
      `arn:aws:sns:${REGION}:123456789012:no-such-topic`,
    );

    // Assess
    expect(code).toBe(1);
    expect((JSON.parse(stdout) as OrganizationReport).reports).toHaveLength(2);
    expect(stderr).toContain('Organisation digest NOT SENT: Could not publish the digest');
    expect(stderr).toContain('Exiting with code 1: the organisation digest could not be published');
  });

  it('exits 1 when no account could be scanned', async () => {
    // Act
    const { code, stderr } = await runCli(
      ['scan', '--accounts', MEMBER_DENIED, '--regions', REGION, '--checks', 's3-bucket-versioning*'],
      { AWS_ENDPOINT_URL: proxy.endpoint },
    );

    // Assess
    expect(code).toBe(1);
    expect(stderr).toContain('no account could be scanned');
  });

  it('scans the accounts under an OU with --org --ou, child OUs included, and the whole organisation with --org', async () => {
    // Prepare: an organisation managed by moto's default account, alpha in OU prod and beta in prod/child.
    const organizations = new OrganizationsClient({ region: REGION, endpoint: moto.endpoint });
    await organizations.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    const created = async (AccountName: string) =>
      (await organizations.send(new CreateAccountCommand({ AccountName, Email: `${AccountName}@example.com` })))
        .CreateAccountStatus?.AccountId ?? '';
    const [alpha, beta] = [await created('alpha'), await created('beta')];
    const root = (await organizations.send(new ListRootsCommand({}))).Roots?.[0]?.Id ?? '';
    const ou = async (ParentId: string, Name: string) =>
      (await organizations.send(new CreateOrganizationalUnitCommand({ ParentId, Name }))).OrganizationalUnit?.Id ?? '';
    const prod = await ou(root, 'prod');
    const child = await ou(prod, 'child');
    await organizations.send(
      new MoveAccountCommand({ AccountId: alpha, SourceParentId: root, DestinationParentId: prod }),
    );
    await organizations.send(
      new MoveAccountCommand({ AccountId: beta, SourceParentId: root, DestinationParentId: child }),
    );
    organizations.destroy();
    const orgScan = (...args: string[]) =>
      runCli(['scan', '--regions', REGION, '--checks', 's3-bucket-versioning*', '--format', 'json', ...args], {
        AWS_ENDPOINT_URL: proxy.endpoint,
      });

    // Act
    const underOu = await orgScan('--org', '--ou', prod);
    const whole = await orgScan('--org', '--max-parallel-accounts', '1');

    // Assess
    expect(underOu.code, underOu.stderr).toBe(0);
    const ouReport = JSON.parse(underOu.stdout) as OrganizationReport;
    expect(ouReport.organization.accounts).toEqual(
      [
        { accountId: alpha, name: 'alpha', status: 'scanned', scanId: expect.any(String) },
        { accountId: beta, name: 'beta', status: 'scanned', scanId: expect.any(String) },
      ].sort((a, b) => a.accountId.localeCompare(b.accountId)),
    );
    expect(whole.code, whole.stderr).toBe(0);
    const wholeReport = JSON.parse(whole.stdout) as OrganizationReport;
    expect(wholeReport.organization.accounts.map((a) => a.accountId).sort()).toEqual(
      ['123456789012', alpha, beta].sort(),
    );
    expect(wholeReport.organization.failures).toEqual([]);
    expect(whole.stderr).toContain('Scanning 3 account(s), 1 at a time, through role SrmScanReader');
  });
});

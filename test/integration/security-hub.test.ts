import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutBucketVersioningCommand, S3Client } from '@aws-sdk/client-s3';
import { type AwsSecurityFinding, GetFindingsCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MotoServer, startMoto } from '../../demo/moto.js';
import { seedDemoAccount } from '../../demo/seed/index.js';
import { DEMO_ACCOUNT_ID, DEMO_REGIONS } from '../../demo/seed/types.js';
import { ApiCallCounter } from '../../lambdas/core/aws/api-calls.js';
import { AwsClients } from '../../lambdas/core/aws/clients.js';
import { type CliRun, runCli } from '../helpers/cli.js';

const REGION = 'us-east-1';
const CHECK = 's3-bucket-versioning-enabled';

/**
 * `srm-scan scan --security-hub` against the demo account on moto: the FAIL findings become the ACTIVE findings of
 * the account's custom product; after one resource is fixed, the next scan archives exactly that one.
 */
describe('Integration: srm-scan scan --security-hub on the emulated demo account', () => {
  let moto: MotoServer;
  let clients: AwsClients;
  const dir = mkdtempSync(join(tmpdir(), 'srm-scan-securityhub-it-'));
  const asffPath = join(dir, 'first.asff.json');
  const ocsfPath = join(dir, 'second.ocsf.jsonl');
  let first: CliRun;
  let second: CliRun;
  let afterFirst: AwsSecurityFinding[];
  let afterSecond: AwsSecurityFinding[];
  let fixedArn: string;

  const securityHubFindings = async (): Promise<AwsSecurityFinding[]> => {
    const hub = clients.get(SecurityHubClient, REGION);
    const all: AwsSecurityFinding[] = [];
    let token: string | undefined;
    do {
      const page = await hub.send(new GetFindingsCommand({ MaxResults: 100, ...(token && { NextToken: token }) }));
      all.push(...(page.Findings ?? []));
      token = page.NextToken || undefined;
    } while (token);
    return all;
  };
  const scan = (...args: string[]) =>
    runCli(['scan', '--regions', DEMO_REGIONS.join(','), '--security-hub', ...args], {
      AWS_ENDPOINT_URL: moto.endpoint,
      AWS_REGION: REGION,
    });

  beforeAll(async () => {
    moto = await startMoto();
    clients = new AwsClients(new ApiCallCounter(), { endpoint: moto.endpoint, rateLimits: false });
    await seedDemoAccount({ accountId: DEMO_ACCOUNT_ID, clients });

    first = await scan('--format', 'asff', '--output', asffPath);
    afterFirst = await securityHubFindings();
    const exported = JSON.parse(readFileSync(asffPath, 'utf8')) as AwsSecurityFinding[];
    const unversioned = exported.find((f) => f.GeneratorId === CHECK && f.Compliance?.Status === 'FAILED');
    fixedArn = unversioned?.Resources?.[0]?.Id ?? '';
    const bucket = fixedArn.replace(/^arn:aws:s3:::/, '');
    await clients
      .get(S3Client, REGION)
      .send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
    second = await scan('--format', 'ocsf', '--output', ocsfPath);
    afterSecond = await securityHubFindings();
  }, 300_000);

  afterAll(async () => {
    clients?.destroy();
    await moto?.stop();
  });

  it('leaves exactly the FAIL findings as ACTIVE findings of the account product after the first scan', () => {
    // Prepare
    const exported = JSON.parse(readFileSync(asffPath, 'utf8')) as AwsSecurityFinding[];
    const failing = exported.filter((f) => f.Compliance?.Status === 'FAILED').map((f) => f.Id);

    // Act
    const activeIds = afterFirst.filter((f) => f.RecordState === 'ACTIVE').map((f) => f.Id);

    // Assess
    expect(first.code, first.stderr).toBe(0);
    expect(failing.length).toBeGreaterThan(0);
    expect(activeIds.sort()).toEqual([...failing].sort());
    expect(afterFirst.length).toBe(failing.length);
    expect(first.stderr).toMatch(
      new RegExp(
        `Security Hub \\(${REGION}\\): ${failing.length} failing finding\\(s\\) imported, 0 resolved archived`,
      ),
    );
    process.stdout.write(
      `[security-hub] demo: ${exported.length} ASFF records (${statSync(asffPath).size.toLocaleString('en-US')} bytes), ${failing.length} FAIL imported; ${first.stderr.match(/\d+ BatchImportFindings and \d+ GetFindings call\(s\), [\d,]+ bytes/)?.[0]}\n`,
    );
  });

  it('archives the fixed bucket after the second scan and keeps every other FAIL active', () => {
    // Prepare
    const byResource = (findings: AwsSecurityFinding[]) =>
      findings.filter((f) => f.GeneratorId === CHECK && f.Resources?.[0]?.Id === fixedArn);

    // Act
    const archived = afterSecond.filter((f) => f.RecordState === 'ARCHIVED');
    const stillActive = afterSecond.filter((f) => f.RecordState === 'ACTIVE').map((f) => f.Id);
    const activeBefore = afterFirst.filter((f) => f.RecordState === 'ACTIVE').map((f) => f.Id);

    // Assess
    expect(second.code, second.stderr).toBe(0);
    expect(fixedArn).toMatch(/^arn:aws:s3:::/);
    expect(archived).toHaveLength(1);
    expect(archived[0]?.Id).toBe(byResource(afterFirst)[0]?.Id);
    expect(archived[0]?.Compliance?.Status).toBe('PASSED');
    expect(stillActive.sort()).toEqual(activeBefore.filter((id) => id !== archived[0]?.Id).sort());
    expect(second.stderr).toContain('1 resolved archived');
    const ocsf = readFileSync(ocsfPath, 'utf8').trimEnd().split('\n');
    process.stdout.write(
      `[security-hub] demo: ${ocsf.length} OCSF records (${statSync(ocsfPath).size.toLocaleString('en-US')} bytes); second push: ${second.stderr.match(/Security Hub.*$/m)?.[0]}\n`,
    );
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MotoServer, startMoto } from '../../demo/moto.js';
import { seedDemoAccount } from '../../demo/seed/index.js';
import { DEMO_ACCOUNT_ID, DEMO_ALLOWED_REGIONS, DEMO_REGIONS } from '../../demo/seed/types.js';
import { ApiCallCounter } from '../../lambdas/core/aws/api-calls.js';
import { AwsClients } from '../../lambdas/core/aws/clients.js';
import { REPORT_SCHEMA_VERSION, type ScanReport } from '../../lambdas/core/findings/model.js';
import { TOOL_VERSION } from '../../lambdas/core/model/version.js';
import { runCli, startCli } from '../helpers/cli.js';

/**
 * The compiled CLI against the demo account on moto: the gates automation relies on, region validation against
 * the account, every output carrying coverage and suppressions, and the demo stopping its emulator when killed.
 */
describe('Integration: the srm-scan CLI on the emulated demo account', () => {
  let moto: MotoServer;
  const dir = mkdtempSync(join(tmpdir(), 'srm-scan-cli-it-'));
  const onMoto = () => ({ AWS_ENDPOINT_URL: moto.endpoint });
  const scan = (...args: string[]) => runCli(['scan', '--regions', DEMO_REGIONS.join(','), ...args], onMoto());

  beforeAll(async () => {
    moto = await startMoto();
    const clients = new AwsClients(new ApiCallCounter(), { endpoint: moto.endpoint });
    await seedDemoAccount({ accountId: DEMO_ACCOUNT_ID, clients });
    clients.destroy();
  }, 180_000);

  afterAll(async () => {
    await moto?.stop();
  });

  it('writes the JSON contract with versions, totals, coverage and suppression problems', async () => {
    // Prepare
    const out = join(dir, 'report.json');

    // Act
    const { code, stderr } = await scan(
      '--allowed-regions',
      DEMO_ALLOWED_REGIONS.join(','),
      '--format',
      'json',
      '--output',
      out,
    );

    // Assess
    expect(code).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as ScanReport;
    expect(Object.keys(report).sort()).toEqual(['coverage', 'findings', 'scan']);
    expect(Object.keys(report.scan).sort()).toEqual(
      [
        'accountId',
        'apiCalls',
        'checks',
        'collectionIssues',
        'coverage',
        'finishedAt',
        'id',
        'regions',
        'schemaVersion',
        'startedAt',
        'suppressionProblems',
        'toolVersion',
        'totals',
      ].sort(),
    );
    expect(report.scan).toMatchObject({ schemaVersion: REPORT_SCHEMA_VERSION, toolVersion: TOOL_VERSION });
    const { totals, coverage } = report.scan;
    expect(totals.PASS + totals.FAIL + totals.SUPPRESSED + totals.ERROR).toBe(report.findings.length);
    expect(coverage.evaluated + coverage.notEvaluated).toBe(report.findings.length);
    expect(coverage.notEvaluated).toBe(totals.ERROR);
    expect(Object.keys(report.scan.checks[0] ?? {}).sort()).toEqual(
      ['checkId', 'errored', 'failed', 'passed', 'results', 'suppressed'].sort(),
    );
    expect(stderr).toContain(`Coverage: ${coverage.evaluated.toLocaleString('en-US')} resource-checks evaluated`);
  });

  it('writes a self-contained HTML report with --format html, with the coverage line it prints', async () => {
    // Prepare
    const out = join(dir, 'report.html');

    // Act
    const { code, stderr } = await scan('--checks', 's3-*,iam-root-*', '--format', 'html', '--output', out);

    // Assess
    expect(code, stderr).toBe(0);
    const page = readFileSync(out, 'utf8');
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain(`<dd>${DEMO_ACCOUNT_ID}</dd>`);
    const coverageLine = stderr.split('\n').find((line) => line.startsWith('Coverage: '));
    expect(coverageLine).toBeDefined();
    expect(page).toContain(`<p class="coverage" id="coverage-line">${coverageLine}</p>`);
    expect(page).not.toMatch(/\ssrc="/);
  });

  it('maps every service the demo account uses, a service without checks as in use, not checked', async () => {
    // Prepare
    const out = join(dir, 'coverage-report.json');
    await scan('--format', 'json', '--output', out);
    const report = JSON.parse(readFileSync(out, 'utf8')) as ScanReport;
    const judged = new Set(
      report.findings.filter((f) => f.status !== 'ERROR' && f.service !== 'account').map((f) => f.service),
    );

    // Act
    const live = await runCli(['coverage', '--regions', DEMO_REGIONS.join(','), '--format', 'json'], onMoto());
    const saved = await runCli(['coverage', '--report', out]);

    // Assess
    expect(live.code).toBe(0);
    const map = JSON.parse(live.stdout) as NonNullable<ScanReport['coverage']>;
    const state = Object.fromEntries(map.services.map((s) => [s.service, s.state]));
    for (const service of judged) expect(state[service], `${service} missing from the coverage map`).toBeDefined();
    expect(state.states).toBe('not-checked');
    expect(map.sources.taggingApi).toEqual({ state: 'used', regions: [...DEMO_REGIONS] });
    expect(saved.code).toBe(0);
    expect(saved.stdout).toContain('AWS Step Functions (1 tagged resource): IN USE, NOT CHECKED');
    expect(saved.stdout).toMatch(/✓ Data residency \(region choice\): 1 check \(FAIL \d+/);
  });

  it('refuses a --report that is not an srm-scan JSON report, naming the flag', async () => {
    // Prepare
    const notReport = join(dir, 'not-a-report.json');
    writeFileSync(notReport, JSON.stringify({ findings: [] }));

    // Act
    const { code, stderr } = await runCli(['coverage', '--report', notReport]);

    // Assess
    expect(code).toBe(2);
    expect(stderr).toContain(`--report ${notReport}: the report has no "coverage" object`);
  });

  it('exits 0 when a check could not be evaluated, and 1 with --fail-on-error, saying why', async () => {
    // Prepare: moto does not implement SSM's DescribeInstanceInformation, so this check is ERROR.
    const args = ['--checks', 'ec2-instance-managed-by-ssm'];

    // Act
    const tolerant = await scan(...args);
    const strict = await scan(...args, '--fail-on-error');

    // Assess
    expect(tolerant.code).toBe(0);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(
      /Exiting with code 1: \d+ resource-check\(s\) could not be evaluated \(--fail-on-error/,
    );
    expect(strict.stdout.trimEnd().split('\n').at(-1)).toMatch(
      /^Coverage: [\d,]+ resource-checks evaluated, [1-9][\d,]* not evaluated \(\d+\.\d%\)$/,
    );
  });

  it('gates on unsuppressed failures only, and shows suppressed ones apart with their reason', async () => {
    // Prepare
    const suppressions = join(dir, 'suppressions.json');
    writeFileSync(
      suppressions,
      JSON.stringify([
        {
          checkId: 's3-account-public-access-block-enabled',
          resource: `arn:aws:iam::${DEMO_ACCOUNT_ID}:root`,
          reason: 'Public website bucket needs it off.',
          owner: 'web-team',
          expiresAt: '2027-06-30',
        },
        { checkId: 's3-bucket-public-*', resource: 'arn:aws:s3:::*', reason: 'Everything, forever.' },
        { checkId: 's4-*', resource: '*', reason: 'Typo.' },
      ]),
    );
    const args = ['--checks', 's3-account-public-access-block-enabled'];

    // Act
    const unsuppressed = await scan(...args, '--fail-on', 'medium');
    const suppressed = await scan(...args, '--fail-on', 'medium', '--suppressions', suppressions);

    // Assess
    expect(unsuppressed.code).toBe(1);
    expect(unsuppressed.stderr).toContain('unsuppressed finding(s) at or above medium (--fail-on)');
    expect(suppressed.code).toBe(0);
    expect(suppressed.stdout).toMatch(/Suppressed failures \(1\)[^\n]*\n {4}SUPPR medium/);
    expect(suppressed.stdout).toContain(
      'suppressed: Public website bucket needs it off. · owner web-team · until 2027-06-30',
    );
    expect(suppressed.stdout).toContain('Suppression warnings (2):');
    const text = suppressed.stdout.replace(/\s+/g, ' ');
    expect(text).toMatch(/suppression #2 .* covers every resource of its checks and never expires/);
    expect(text).toMatch(/suppression #3 .* matches no check id in the catalogue/);
  });

  it('marks suppressed failures in the CSV', async () => {
    // Prepare
    const suppressions = join(dir, 'csv-suppressions.json');
    writeFileSync(
      suppressions,
      JSON.stringify([
        {
          checkId: 's3-account-public-access-block-enabled',
          resource: `arn:aws:iam::${DEMO_ACCOUNT_ID}:root`,
          reason: 'Accepted.',
        },
      ]),
    );

    // Act
    const { code, stdout, stderr } = await scan('--services', 's3', '--format', 'csv', '--suppressions', suppressions);

    // Assess
    expect(code).toBe(0);
    const rows = parse(stdout, { columns: true }) as Record<string, string>[];
    const account = rows.find((r) => r.checkId === 's3-account-public-access-block-enabled');
    expect(account).toMatchObject({ status: 'FAIL', suppressed: 'true', suppressionReason: 'Accepted.' });
    expect(rows.filter((r) => r.suppressed === 'true')).toHaveLength(1);
    expect(stderr).toContain('Coverage: ');
  });

  it.each([
    ['eu-west-99', 'regions: eu-west-99 is not a region of the aws partition'],
    ['me-south-1', `regions: me-south-1 is not enabled for account ${DEMO_ACCOUNT_ID} (opt-in region)`],
  ])('exits 2 for --regions %s, naming it', async (region, message) => {
    // Act
    const { code, stderr } = await runCli(['scan', '--regions', `us-east-1,${region}`], onMoto());

    // Assess
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)(
    'stops the demo emulator when the demo gets %s',
    async (signal, exitCode) => {
      // Prepare
      const child = startCli(['demo']);
      let stderr = '';
      const endpoint = await new Promise<string>((resolve, reject) => {
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString();
          const match = /seeded on (http:\/\/127\.0\.0\.1:(\d+))/.exec(stderr);
          if (match?.[1]) resolve(match[1]);
        });
        child.on('exit', () => reject(new Error(`the demo exited before seeding: ${stderr}`)));
      });

      // Act
      child.kill(signal);
      const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));

      // Assess
      expect(code).toBe(exitCode);
      expect(stderr).toContain(`interrupted (${signal})`);
      const port = Number(new URL(endpoint).port);
      const reachable = await new Promise<boolean>((resolve) => {
        const socket = connect(port, '127.0.0.1');
        socket.once('connect', () => resolve(socket.destroy() !== undefined));
        socket.once('error', () => resolve(false));
      });
      expect(reachable, 'moto_server still listening after the demo ended').toBe(false);
    },
    120_000,
  );
});

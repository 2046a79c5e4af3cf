import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateTagsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { type Browser, type BrowserContext, type Page, chromium as playwright } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MotoServer, startMoto } from '../../demo/moto.js';
import { seedDemoAccount } from '../../demo/seed/index.js';
import { DEMO_ACCOUNT_ID, DEMO_ALLOWED_REGIONS, DEMO_REGIONS } from '../../demo/seed/types.js';
import { ApiCallCounter } from '../../lambdas/core/aws/api-calls.js';
import { AwsClients } from '../../lambdas/core/aws/clients.js';
import { CHECKS } from '../../lambdas/core/checks/registry.js';
import { parseConfig } from '../../lambdas/core/config/config-file.js';
import { describeCoverage, type ScanReport, summariseFindings } from '../../lambdas/core/findings/model.js';
import { runScanJob } from '../../lambdas/core/job/run-scan-job.js';
import type { OrganizationReport } from '../../lambdas/core/org/organization-scan.js';
import { renderHtml, renderOrganizationHtml } from '../../lambdas/core/reports/html.js';
import { SRM_CLASS_DESCRIPTIONS, SRM_CLASSES } from '../../lambdas/core/srm/vocabulary.js';
import { findChromium } from '../helpers/chromium.js';
import { REPOSITORY } from '../helpers/cli.js';

/** What an attacker who can name a resource might try: markup, an event handler, and closing the report's script. */
const HOSTILE = '<img src=x onerror=alert(1)></script><script>alert(2)</script>';
const HOSTILE_REGION = 'us-east-1';

const OUTPUT = join(REPOSITORY, 'test-output');
const SCREENSHOT = join(OUTPUT, 'html-report.png');
/** The README's screenshot, refreshed only on request: `UPDATE_README_SCREENSHOT=1 npx vitest run --project integration html-report`. */
const README_SCREENSHOT = join(REPOSITORY, 'docs/images/html-report.png');

const scanConfig = parseConfig(
  { regions: [...DEMO_REGIONS], settings: { allowedRegions: [...DEMO_ALLOWED_REGIONS] } },
  'browser test',
);

/**
 * Resources whose names and descriptions carry {@link HOSTILE}, seeded here, not in the demo: a security group open
 * to SSH from the internet (a critical FAIL whose message names the group) and a DynamoDB table (its name is the
 * finding's resource id and ARN). moto accepts any characters in these names.
 */
async function seedHostileResources(clients: AwsClients): Promise<void> {
  const ec2 = clients.get(EC2Client, HOSTILE_REGION);
  const group = await ec2.send(new CreateSecurityGroupCommand({ GroupName: HOSTILE, Description: HOSTILE }));
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId: group.GroupId,
      IpPermissions: [
        { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0', Description: HOSTILE }] },
      ],
    }),
  );
  await ec2.send(
    new CreateTagsCommand({ Resources: [group.GroupId as string], Tags: [{ Key: 'Name', Value: HOSTILE }] }),
  );
  await clients.get(DynamoDBClient, HOSTILE_REGION).send(
    new CreateTableCommand({
      TableName: HOSTILE,
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
}

const SECOND_ACCOUNT = '210987654321';

/** An organisation report of the demo account and a copy of it under a second account id, as org mode groups them. */
function organizationOf(report: ScanReport): OrganizationReport {
  const own = report.scan.accountId;
  const copy: ScanReport = {
    ...report,
    scan: { ...report.scan, accountId: SECOND_ACCOUNT },
    findings: report.findings.map((f) => ({
      ...f,
      accountId: SECOND_ACCOUNT,
      resourceArn: f.resourceArn.replaceAll(own, SECOND_ACCOUNT),
    })),
  };
  const reports = [report, copy];
  return {
    organization: {
      schemaVersion: '1',
      toolVersion: report.scan.toolVersion,
      startedAt: report.scan.startedAt,
      finishedAt: report.scan.finishedAt,
      roleName: 'SrmScanReader',
      accounts: reports.map((r) => ({ accountId: r.scan.accountId, status: 'scanned' as const, scanId: r.scan.id })),
      failures: [],
      ...summariseFindings(reports.flatMap((r) => r.findings)),
      apiCalls: { total: 0 },
    },
    reports,
  };
}

const CHROMIUM = findChromium();
if (!CHROMIUM) {
  process.stderr.write(
    "SKIPPED: the HTML report browser test needs Chromium and none was found (install Debian's `chromium` package as .ci/run does, or set CHROMIUM_PATH).\n",
  );
}

describe.skipIf(!CHROMIUM)('Browser: the HTML report of a demo scan in headless Chromium', () => {
  let moto: MotoServer;
  let report: ScanReport;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let url: string;
  let orgUrl: string;
  const requests: string[] = [];
  const blocked: string[] = [];
  const problems: string[] = [];
  const dialogs: string[] = [];
  const started = performance.now();
  let browserStarted = started;

  /** Opens `target` in a new tab that records its requests, console errors and warnings, and dialogs. */
  const open = async (target: string): Promise<Page> => {
    const tab = await context.newPage();
    tab.on('request', (request) => requests.push(request.url()));
    tab.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        problems.push(`${message.type()}: ${message.text()}`);
    });
    tab.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    tab.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await tab.goto(target, { waitUntil: 'load' });
    return tab;
  };
  /** Runs `expression` in the tab (the test is compiled without DOM types). */
  const inPage = <T>(expression: string, tab: Page = page): Promise<T> => tab.evaluate(expression) as Promise<T>;
  /** Result rows a reader can see: not filtered out, not inside a collapsed list. */
  const visibleRows = (tab: Page = page) =>
    inPage<number>(`[...document.querySelectorAll('tr.f')].filter((r) => r.checkVisibility()).length`, tab);
  const clickChip = (filter: string, value: string) =>
    page.click(`button[data-filter="${filter}"][data-value="${value}"]`);

  beforeAll(async () => {
    moto = await startMoto();
    const clients = new AwsClients(new ApiCallCounter(), { endpoint: moto.endpoint, rateLimits: false });
    try {
      await seedDemoAccount({ accountId: DEMO_ACCOUNT_ID, clients });
      await seedHostileResources(clients);
    } finally {
      clients.destroy();
    }
    const scanClients = new AwsClients(new ApiCallCounter(), { endpoint: moto.endpoint });
    ({ report } = await runScanJob({ checks: CHECKS, config: scanConfig, clients: scanClients }));
    scanClients.destroy();

    mkdirSync(OUTPUT, { recursive: true });
    const file = join(OUTPUT, 'html-report.html');
    writeFileSync(file, renderHtml(report));
    url = pathToFileURL(file).href;

    const orgFile = join(OUTPUT, 'html-report-organization.html');
    writeFileSync(orgFile, renderOrganizationHtml(organizationOf(report)));
    orgUrl = pathToFileURL(orgFile).href;

    browserStarted = performance.now();
    browser = await playwright.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // Anything but the reports themselves is refused and recorded: nothing may leave the page.
    await context.route('**/*', (route) => {
      if ([url, orgUrl].includes(route.request().url())) return route.continue();
      blocked.push(route.request().url());
      return route.abort('blockedbyclient');
    });
    page = await open(url);
    await page.screenshot({ path: SCREENSHOT });
    if (process.env.UPDATE_README_SCREENSHOT) {
      mkdirSync(join(REPOSITORY, 'docs/images'), { recursive: true });
      await page.screenshot({
        path: README_SCREENSHOT,
        clip: { x: 0, y: 0, width: 1280, height: 1030 },
        fullPage: true,
      });
    }
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await moto?.stop();
    process.stderr.write(
      `HTML report browser test: ${((performance.now() - started) / 1000).toFixed(1)} s in all, ${((performance.now() - browserStarted) / 1000).toFixed(1)} s of it in the browser; screenshot ${SCREENSHOT}\n`,
    );
  });

  it('shows a section per SRM class with what AWS handles and what you owe, and the class results', async () => {
    // Act
    const sections = await Promise.all(
      SRM_CLASSES.map(async (srmClass) => ({
        picture: await page.locator(`#srm-${srmClass}`).innerText(),
        results: await page.locator(`#cls-${srmClass}`).isVisible(),
      })),
    );

    // Assess
    sections.forEach(({ picture, results }, i) => {
      const description = SRM_CLASS_DESCRIPTIONS[SRM_CLASSES[i] as (typeof SRM_CLASSES)[number]];
      expect(picture).toContain(description.label);
      expect(picture).toContain(description.awsHandles);
      expect(picture).toContain(description.customerOwes);
      expect(results).toBe(true);
    });
  });

  it("shows the report's totals, coverage line and per-class failure counts", async () => {
    // Act
    const totals = await inPage<Record<string, string>>(
      `Object.fromEntries([...document.querySelectorAll('[data-total]')].map((e) => [e.dataset.total, e.querySelector('b').textContent]))`,
    );
    const coverage = await page.locator('#coverage-line').innerText();
    const failedByClass = await inPage<Record<string, number>>(
      `Object.fromEntries([...document.querySelectorAll('[data-class]')].map((c) => [c.dataset.class, [...c.querySelectorAll('tr[data-fail]')].reduce((n, r) => n + Number(r.dataset.fail), 0)]))`,
    );

    // Assess
    const { totals: expected } = report.scan;
    expect(totals).toEqual({
      FAIL: String(expected.FAIL),
      PASS: String(expected.PASS),
      ERROR: String(expected.ERROR),
      SUPPRESSED: String(expected.SUPPRESSED),
    });
    expect(coverage).toBe(describeCoverage(report.scan.coverage));
    expect(failedByClass).toEqual(expected.failedBySrmClass);
    expect(await page.locator('tr.f').count()).toBe(report.findings.length);
    expect(await page.locator('#shown').innerText()).toBe(`${report.findings.length} results`);
  });

  it('narrows the visible rows to exactly the findings of the severities whose filters are clicked', async () => {
    // Prepare
    const critical = report.findings.filter((f) => f.severity === 'critical').length;
    const criticalOrHigh = report.findings.filter((f) => f.severity === 'critical' || f.severity === 'high').length;
    const before = await visibleRows();

    // Act
    await clickChip('sev', 'critical');
    const onlyCritical = await visibleRows();
    const shownCritical = await page.locator('#shown').innerText();
    await clickChip('sev', 'high');
    const both = await visibleRows();
    await page.click('#reset');
    const after = await visibleRows();

    // Assess
    expect(critical).toBeGreaterThan(0);
    expect(onlyCritical).toBe(critical);
    expect(shownCritical).toBe(`Showing ${critical} of ${report.findings.length} results`);
    expect(both).toBe(criticalOrHigh);
    expect(after).toBe(before);
  });

  it('combines a status filter with the text search', async () => {
    // Prepare
    const query = 'harbor';
    const expected = report.findings.filter(
      (f) =>
        f.status === 'FAIL' &&
        !f.suppression &&
        `${f.title} ${f.checkId} ${f.resourceId} ${f.resourceArn} ${f.region} ${f.message}`
          .toLowerCase()
          .includes(query),
    ).length;

    // Act
    await clickChip('status', 'FAIL');
    await page.fill('#q', 'HARBOR');
    const found = await visibleRows();
    const texts = await inPage<string[]>(
      `[...document.querySelectorAll('tr.f')].filter((r) => r.checkVisibility()).map((r) => (r.closest('.check').querySelector('header').textContent + r.textContent).toLowerCase())`,
    );
    await page.click('#reset');

    // Assess
    expect(expected).toBeGreaterThan(0);
    expect(found).toBe(expected);
    expect(texts.every((text) => text.includes(query))).toBe(true);
  });

  it('renders a hostile resource name as text: no element injected, no script run, no dialog', async () => {
    // Prepare
    const hostileFindings = report.findings.filter(
      (f) => f.resourceId.includes(HOSTILE) || f.message.includes(HOSTILE),
    );

    // Act
    await page.fill('#q', 'onerror=alert(1)');
    const found = await visibleRows();
    const shownAsText = await page.locator('tr.f', { hasText: HOSTILE }).count();
    const injected = await inPage<{ images: number; scripts: number; handlers: number }>(
      `({ images: document.images.length, scripts: document.scripts.length, handlers: document.querySelectorAll('[onerror]').length })`,
    );
    await page.click('#reset');

    // Assess
    expect(hostileFindings.some((f) => f.status === 'FAIL' && f.severity === 'critical')).toBe(true);
    expect(found).toBe(hostileFindings.length);
    expect(shownAsText).toBe(hostileFindings.length);
    expect(injected).toEqual({ images: 0, scripts: 1, handlers: 0 });
    expect(dialogs).toEqual([]);
  });

  it('shows in organisation mode the rows of exactly the account chosen in the account filter', async () => {
    // Prepare
    const tab = await open(orgUrl);
    const all = await tab.locator('tr.f').count();

    // Act
    await tab.selectOption('#acct', SECOND_ACCOUNT);
    const second = await visibleRows(tab);
    const accounts = await inPage<string[]>(
      `[...new Set([...document.querySelectorAll('tr.f')].filter((r) => r.checkVisibility()).map((r) => r.dataset.acct))]`,
      tab,
    );
    await tab.close();

    // Assess
    expect(all).toBe(report.findings.length * 2);
    expect(second).toBe(report.findings.length);
    expect(accounts).toEqual([SECOND_ACCOUNT]);
  });

  it('makes no request besides its own files and logs no error, CSP violations included', () => {
    // Assess
    expect(blocked).toEqual([]);
    expect(requests).toEqual([url, orgUrl]);
    expect(problems).toEqual([]);
  });
});

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../lambdas/core/checks/registry.js';
import { buildCoverageMap } from '../../lambdas/core/coverage/service-coverage.js';
import { describeCoverage, type Finding, summariseFindings } from '../../lambdas/core/findings/model.js';
import type { OrganizationReport } from '../../lambdas/core/org/organization-scan.js';
import { escapeHtml, html, safeHttpUrl } from '../../lambdas/core/reports/html/markup.js';
import { renderHtml, renderOrganizationHtml } from '../../lambdas/core/reports/html.js';
import { SRM_CLASS_DESCRIPTIONS } from '../../lambdas/core/srm/vocabulary.js';
import { ACCOUNT, finding, report as makeReport, scopeError } from '../helpers/findings.js';

const HOSTILE_IMG = '<img src=x onerror=alert(1)>';
const HOSTILE_SCRIPT = '</script><script>alert(1)</script>';
const HOSTILE = `${HOSTILE_IMG}${HOSTILE_SCRIPT}"'&`;

const volumeArn = (id: string) => `arn:aws:ec2:us-east-1:${ACCOUNT}:volume/${id}`;

/** An EBS-encryption finding on volume `id` (infrastructure class, data protection). */
const volumeFinding = (id: string, status: Finding['status'] = 'FAIL', overrides: Partial<Finding> = {}): Finding =>
  finding('ec2-ebs-volume-encrypted', volumeArn(id), status, {
    title: 'EBS volumes are encrypted',
    severity: 'medium',
    srmClass: 'infrastructure',
    obligation: 'data-protection',
    service: 'ec2',
    resourceType: 'AwsEc2Volume',
    message: `EBS volume ${id} is not encrypted.`,
    compliance: [{ framework: 'aws-fsbp', control: 'EC2.3' }],
    remediation: {
      text: 'Copy the volume to an encrypted one.',
      cli: 'aws ec2 create-snapshot --volume-id <id>',
      url: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
    },
    ...overrides,
  });

const rootMfa = finding('iam-root-mfa-enabled', `arn:aws:iam::${ACCOUNT}:root`, 'FAIL', {
  title: 'The root user has multi-factor authentication enabled',
  srmClass: 'account',
  obligation: 'identity-mfa',
  service: 'iam',
  severity: 'critical',
  resourceId: ACCOUNT,
  region: 'global',
  message: 'The root user has no MFA.',
});

const suppressedBucket = finding('s3-bucket-versioning-enabled', 'arn:aws:s3:::harbor-scratch', 'FAIL', {
  severity: 'low',
  suppression: {
    index: 0,
    checkId: 's3-bucket-versioning-enabled',
    resource: 'arn:aws:s3:::harbor-scratch',
    reason: 'Scratch data, rebuilt nightly',
    owner: 'data-platform',
    expiresAt: '2027-03-31',
  },
});

/** Every `href="…"` and `src="…"` of the document. */
const urls = (text: string, attribute: 'href' | 'src') =>
  [...text.matchAll(new RegExp(`\\s${attribute}="([^"]*)"`, 'g'))].map((m) => m[1] as string);

const between = (text: string, open: string, close: string) =>
  text.slice(text.indexOf(open) + open.length, text.indexOf(close, text.indexOf(open)));

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('Function: renderHtml', () => {
  it('heads the page with the account, regions, scan time, tool version, coverage line and totals', () => {
    // Prepare
    const report = makeReport([volumeFinding('vol-1'), volumeFinding('vol-2', 'PASS'), rootMfa], {
      regions: ['eu-west-1', 'us-east-1'],
    });

    // Act
    const page = renderHtml(report);

    // Assess
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain(`<dd>${ACCOUNT}</dd>`);
    expect(page).toContain('<dd>eu-west-1, us-east-1</dd>');
    expect(page).toContain('2026-11-20 03:00:00 UTC');
    expect(page).toContain(`srm-scan ${report.scan.toolVersion}`);
    expect(page).toContain(describeCoverage(report.scan.coverage));
    expect(page).toMatch(/data-total="FAIL"><b>2<\/b>/);
    expect(page).toMatch(/data-total="PASS"><b>1<\/b>/);
  });

  it('shows for each SRM class what AWS handles, what you owe and the counts per obligation as an inline SVG chart', () => {
    // Prepare
    const report = makeReport([volumeFinding('vol-1'), volumeFinding('vol-2', 'PASS'), rootMfa]);

    // Act
    const page = renderHtml(report);

    // Assess
    for (const srmClass of ['infrastructure', 'container', 'abstracted', 'account'] as const) {
      expect(page).toContain(`id="srm-${srmClass}"`);
      expect(page).toContain(escapeHtml(SRM_CLASS_DESCRIPTIONS[srmClass].awsHandles));
      expect(page).toContain(escapeHtml(SRM_CLASS_DESCRIPTIONS[srmClass].customerOwes));
    }
    expect(page).toContain(
      '<tr data-obligation="data-protection" data-fail="1" data-pass="1" data-error="0" data-suppressed="0">',
    );
    expect(page).toMatch(/<svg class="bar"[^>]*aria-label="FAIL 1 · PASS 1 · ERROR 0">/);
    expect(page.indexOf('id="srm"')).toBeLessThan(page.indexOf('id="findings"'));
  });

  it('lists critical and high failures first, then every result by class, obligation and check with its fix', () => {
    // Prepare
    const report = makeReport([
      volumeFinding('vol-low', 'FAIL', { severity: 'low' }),
      volumeFinding('vol-crit', 'FAIL', { severity: 'critical' }),
      volumeFinding('vol-err', 'ERROR', { message: 'Not evaluated: denied.' }),
      rootMfa,
    ]);

    // Act
    const page = renderHtml(report);

    // Assess
    const fixFirst = between(page, 'id="fix-first"', '</section>');
    expect(fixFirst).toContain('Fix first: critical and high failures (2)');
    expect(fixFirst).toContain('href="#c-ec2-ebs-volume-encrypted"');
    expect(fixFirst).not.toContain('vol-low');
    const findings = between(page, 'id="findings"', 'id="suppressed"');
    const order = ['vol-crit', 'vol-low', 'vol-err'].map((id) => findings.indexOf(`<code>${id}</code>`));
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order).toEqual([...order].sort((x, y) => x - y));
    expect(findings.indexOf('id="cls-infrastructure"')).toBeLessThan(findings.indexOf('id="cls-account"'));
    expect(findings).toContain('Copy the volume to an encrypted one.');
    expect(findings).toContain('aws ec2 create-snapshot --volume-id &lt;id&gt;');
    expect(findings).toContain('aws-fsbp EC2.3');
    expect(findings).toContain(
      '<a href="https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html" target="_blank" rel="noopener noreferrer">',
    );
  });

  it('counts PASS results and lists them collapsed', () => {
    // Prepare
    const report = makeReport([volumeFinding('vol-1'), volumeFinding('vol-ok', 'PASS')]);

    // Act
    const page = renderHtml(report);

    // Assess
    const passes = between(page, '<details class="passes">', '</details>');
    expect(passes).toContain('<summary>1 passed</summary>');
    expect(passes).toContain('<code>vol-ok</code>');
  });

  it('renders one filterable row per finding, carrying its status and the attributes of its check', () => {
    // Prepare
    const findings = [volumeFinding('vol-1'), volumeFinding('vol-ok', 'PASS'), rootMfa, suppressedBucket];
    const report = makeReport(findings);

    // Act
    const page = renderHtml(report);

    // Assess
    expect(page.match(/<tr class="f" /g)).toHaveLength(findings.length);
    expect(page).toContain('data-status="SUPPRESSED"');
    expect(page).toContain('data-sev="medium" data-cls="infrastructure" data-svc="ec2"');
    for (const filter of ['sev', 'status', 'cls']) expect(page).toContain(`data-filter="${filter}"`);
    expect(page).toContain('<select id="svc">');
    expect(page).toContain('<input id="q" type="search"');
  });

  it('lists suppressed failures in their own section with reason, owner and expiry, not among the results', () => {
    // Prepare
    const report = makeReport([volumeFinding('vol-1'), suppressedBucket], {
      suppressionProblems: [
        {
          kind: 'unused',
          index: 1,
          checkId: 'kms-*',
          resource: '*',
          detail: 'Suppression 1 (kms-*) matched no failure.',
        },
      ],
    });

    // Act
    const page = renderHtml(report);

    // Assess
    const section = between(page, 'id="suppressed"', 'id="issues"');
    expect(section).toContain('Suppressed failures (1)');
    expect(section).toContain('Scratch data, rebuilt nightly');
    expect(section).toContain('owner data-platform · until 2027-03-31');
    expect(section).toContain('Suppression 1 (kms-*) matched no failure.');
    expect(between(page, 'id="findings"', 'id="suppressed"')).not.toContain('harbor-scratch');
  });

  it('explains collection issues by error code', () => {
    // Prepare
    const report = makeReport([scopeError('ec2-ebs-volume-encrypted', 'ec2', 'eu-west-1')], {
      collectionIssues: [
        { slice: 'ec2.volumes', region: 'eu-west-1', errorCode: 'AccessDenied', message: 'not authorized' },
      ],
    });

    // Act
    const page = renderHtml(report);

    // Assess
    const section = between(page, 'id="issues"', '</section>');
    expect(section).toContain('Collection issues (1)');
    expect(section).toContain('<code>ec2.volumes</code>');
    expect(section).toContain('lacks the permission');
  });

  it('shows the SRM coverage map with the services in use that were not checked', () => {
    // Prepare
    const bucket = finding('s3-bucket-versioning-enabled', 'arn:aws:s3:::harbor-invoices', 'FAIL', { service: 's3' });
    const coverage = buildCoverageMap({
      checks: CHECKS.filter((c) => c.id === 's3-bucket-versioning-enabled'),
      catalogue: CHECKS,
      findings: [bucket],
      listed: new Map([['s3', 1]]),
      tagged: [{ region: 'eu-west-1', resourceType: 'states:stateMachine', count: 2 }],
      regions: ['eu-west-1'],
    });
    const report = { ...makeReport([bucket]), coverage };

    // Act
    const page = renderHtml(report);

    // Assess
    const section = between(page, 'id="coverage"', '<footer>');
    expect(section).toContain('AWS Step Functions');
    expect(section).toContain('<td class="state-not-checked">IN USE, NOT CHECKED</td>');
    expect(section).toContain('Services in use: 2 — 0 checked, 1 partly checked, 1 not checked.');
    expect(page).toContain('<a href="#coverage">Services in use: 2');
  });

  it('renders hostile resource ids, messages, tags and reasons as text: no element or script is injected', () => {
    // Prepare
    const hostile = volumeFinding(HOSTILE, 'FAIL', {
      resourceArn: `arn:aws:ec2:us-east-1:${ACCOUNT}:volume/${HOSTILE}`,
      message: `EBS volume ${HOSTILE} (tag Name=${HOSTILE}) is not encrypted.`,
      title: HOSTILE,
      severity: 'critical',
      remediation: { text: HOSTILE, cli: HOSTILE, url: 'javascript:alert(1)' },
      suppression: { ...(suppressedBucket.suppression as NonNullable<Finding['suppression']>), reason: HOSTILE },
    });
    const report = makeReport([hostile, volumeFinding(HOSTILE, 'FAIL', { severity: 'critical' })], {
      collectionIssues: [{ slice: 'ec2.volumes', region: 'us-east-1', errorCode: HOSTILE, message: HOSTILE }],
    });

    // Act
    const page = renderHtml(report);

    // Assess
    expect(page).not.toContain('<img');
    expect(page).not.toContain('onerror=alert(1)>');
    expect(page).not.toContain('javascript:');
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page.match(/<\/script>/g)).toHaveLength(1);
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&quot;&#39;&amp;');
  });

  it('loads nothing from the network: no src attribute, only anchors and remediation links as href', () => {
    // Prepare
    const report = makeReport([volumeFinding('vol-1'), rootMfa, suppressedBucket]);

    // Act
    const page = renderHtml(report);

    // Assess
    expect(urls(page, 'src')).toEqual([]);
    const external = urls(page, 'href').filter((href) => !href.startsWith('#') && href !== 'data:,');
    expect(external.length).toBeGreaterThan(0);
    expect(external.every((href) => href.startsWith('https://docs.aws.amazon.com/'))).toBe(true);
    expect(page).not.toMatch(/url\(|@import|<link(?! rel="icon" href="data:,")|<iframe|<object|<embed|<img/);
    expect(page).not.toContain('http://');
  });

  it('allows exactly its inline stylesheet and script by hash in a strict Content-Security-Policy', () => {
    // Prepare
    const report = makeReport([volumeFinding('vol-1')]);

    // Act
    const page = renderHtml(report);

    // Assess
    const policy = between(page, '<meta http-equiv="Content-Security-Policy" content="', '">');
    expect(page.indexOf('Content-Security-Policy')).toBeLessThan(page.indexOf('<style>'));
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain('img-src data:');
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).toContain(`script-src ${sha256(between(page, '<script>', '</script>'))}`);
    expect(policy).toContain(`style-src ${sha256(between(page, '<style>', '</style>'))}`);
    expect(page).not.toMatch(/\sstyle="|\son[a-z]+="/);
  });
});

describe('Function: renderOrganizationHtml', () => {
  const SECOND = '210987654321';
  const first = makeReport([volumeFinding('vol-1'), rootMfa]);
  const second = {
    ...makeReport([volumeFinding('vol-9', 'FAIL', { accountId: SECOND })]),
  };
  second.scan = { ...second.scan, accountId: SECOND };
  const findings = [...first.findings, ...second.findings];
  const organization: OrganizationReport = {
    organization: {
      schemaVersion: '1',
      toolVersion: first.scan.toolVersion,
      startedAt: first.scan.startedAt,
      finishedAt: first.scan.finishedAt,
      roleName: 'SrmScanReader',
      accounts: [
        { accountId: ACCOUNT, name: `prod ${HOSTILE_IMG}`, status: 'scanned', scanId: first.scan.id },
        { accountId: SECOND, name: 'staging', status: 'scanned', scanId: second.scan.id },
        { accountId: '333333333333', name: 'sandbox', status: 'failed' },
      ],
      failures: [
        {
          accountId: '333333333333',
          name: 'sandbox',
          roleArn: 'arn:aws:iam::333333333333:role/SrmScanReader',
          errorCode: 'AccessDenied',
          message: `not authorized to perform sts:AssumeRole ${HOSTILE_SCRIPT}`,
        },
      ],
      ...summariseFindings(findings),
      apiCalls: { total: 0 },
    },
    reports: [first, second],
  };

  it('lists every account with its counts, and the accounts that could not be scanned with why', () => {
    // Act
    const page = renderOrganizationHtml(organization);

    // Assess
    const accounts = between(page, 'id="accounts"', '</section>');
    expect(accounts).toContain(`${ACCOUNT} (prod &lt;img src=x onerror=alert(1)&gt;)`);
    expect(accounts).toContain(`${SECOND} (staging)`);
    expect(accounts).toContain('not scanned');
    expect(accounts).toContain('AccessDenied: not authorized to perform sts:AssumeRole');
    expect(page).toContain('3 accounts (2 scanned, 1 not scanned)');
    expect(page).not.toContain('<img');
    expect(page.match(/<\/script>/g)).toHaveLength(1);
  });

  it('shows the results of every account, each row naming its account, with an account filter', () => {
    // Act
    const page = renderOrganizationHtml(organization);

    // Assess
    expect(page.match(/<tr class="f" /g)).toHaveLength(findings.length);
    expect(page).toContain(`data-acct="${SECOND}"`);
    expect(page).toContain(`<option value="${SECOND}">${SECOND} (staging)</option>`);
    expect(page).toMatch(/data-total="FAIL"><b>3<\/b>/);
  });
});

describe('Function: html', () => {
  it('escapes interpolated text and keeps markup built with it', () => {
    // Act
    const inner = html`<b>${'<i>'}</b>`;
    const outer = html`<p>${inner}${['&', 1]}${undefined}${false}</p>`;

    // Assess
    expect(outer.value).toBe('<p><b>&lt;i&gt;</b>&amp;1</p>');
  });

  it('accepts only absolute http(s) URLs as link targets', () => {
    // Act
    const targets = [
      'https://docs.aws.amazon.com/x',
      'javascript:alert(1)',
      'data:text/html,x',
      '/relative',
      'http://a b',
    ];

    // Assess
    expect(targets.map(safeHttpUrl)).toEqual([
      'https://docs.aws.amazon.com/x',
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

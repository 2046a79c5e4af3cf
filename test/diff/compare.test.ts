import { describe, expect, it } from 'vitest';
import { diffReports, newFailures, withGate } from '../../lambdas/core/diff/compare.js';
import { type ComparedInput, readComparedInput } from '../../lambdas/core/diff/input.js';
import {
  type AppliedSuppression,
  type Finding,
  type ScanReport,
  summariseFindings,
} from '../../lambdas/core/findings/model.js';
import { ORGANIZATION_REPORT_SCHEMA_VERSION } from '../../lambdas/core/org/report-version.js';
import { renderJson } from '../../lambdas/core/reports/json.js';
import { renderOrganizationJson } from '../../lambdas/core/reports/organization.js';
import { ACCOUNT, CHECK_A, CHECK_B, finding, report, scopeError } from '../helpers/findings.js';

const BUCKET = 'arn:aws:s3:::data';
const LOGS = 'arn:aws:s3:::logs';
const VOLUME = 'arn:aws:ec2:eu-west-1:123456789012:volume/vol-1';
const OTHER_ACCOUNT = '210987654321';

/** A report as `diff` reads it: through its JSON text, as written by `scan --format json`. */
const input = (label: string, scan: ScanReport): ComparedInput =>
  readComparedInput(label, JSON.parse(renderJson(scan)));

const volume = (status: Finding['status'], overrides: Partial<Finding> = {}) =>
  finding(CHECK_B, VOLUME, status, {
    region: 'eu-west-1',
    srmClass: 'infrastructure',
    obligation: 'data-protection',
    ...overrides,
  });

const suppression = (expiresAt?: string): AppliedSuppression => ({
  index: 0,
  checkId: CHECK_A,
  resource: BUCKET,
  reason: 'Reviewed: a public dataset.',
  owner: 'data-team',
  ...(expiresAt && { expiresAt }),
});

const compare = (before: ScanReport, after: ScanReport) =>
  diffReports(input('before.json', before), input('after.json', after));

const BOTH = { checks: [CHECK_A, CHECK_B] };

describe('Function: diffReports', () => {
  it('reports a failure the earlier scan covered and did not report as NEW (first-failure)', () => {
    // Prepare
    const before = report([finding(CHECK_A, LOGS, 'PASS')], BOTH);
    const after = report([finding(CHECK_A, LOGS, 'PASS'), finding(CHECK_A, BUCKET, 'FAIL')], BOTH);

    // Act
    const diff = compare(before, after);

    // Assess
    expect(diff.changes).toMatchObject([
      { kind: 'new', cause: 'first-failure', resourceArn: BUCKET, before: { status: 'NOT-REPORTED' } },
    ]);
    expect(diff.counts.new).toBe(1);
    expect(diff.unchanged.passing).toBe(1);
    expect(diff.warnings).toEqual([]);
  });

  it('reports a PASS that FAILs now as REGRESSED, with both messages', () => {
    // Prepare
    const before = report([finding(CHECK_A, BUCKET, 'PASS')]);
    const after = report([finding(CHECK_A, BUCKET, 'FAIL')]);

    // Act
    const diff = compare(before, after);

    // Assess
    expect(diff.changes).toMatchObject([
      {
        kind: 'regressed',
        cause: 'passed-before',
        before: { status: 'PASS', message: `${BUCKET} is compliant.` },
        after: { status: 'FAIL', message: `${BUCKET} is not compliant.` },
      },
    ]);
  });

  it('resolves a failure that passes now, and one no longer reported where AFTER covered its scope', () => {
    // Prepare
    const before = report([finding(CHECK_A, BUCKET, 'FAIL'), finding(CHECK_A, LOGS, 'FAIL')]);
    const after = report([finding(CHECK_A, BUCKET, 'PASS')], { checks: [CHECK_A] });

    // Act
    const diff = compare(before, after);

    // Assess
    expect(diff.changes.map((c) => [c.kind, c.cause, c.resourceArn])).toEqual([
      ['resolved', 'passed', BUCKET],
      ['resolved', 'gone', LOGS],
    ]);
    expect(diff.changes[1]?.after).toEqual({ status: 'NOT-REPORTED' });
    expect(diff.counts.resolved).toBe(2);
  });

  it('does not resolve a failure of a region AFTER did not scan: it is not observed, and the regions are warned about', () => {
    // Prepare
    const before = report([volume('FAIL')], { checks: [CHECK_B], regions: ['us-east-1', 'eu-west-1'] });
    const after = report([], { checks: [CHECK_B], regions: ['us-east-1'] });

    // Act
    const diff = compare(before, after);

    // Assess
    expect(diff.changes).toMatchObject([
      {
        kind: 'not-observed',
        cause: 'outside-after-scope',
        after: { status: 'NOT-IN-SCOPE', outOfScope: 'region-not-scanned' },
      },
    ]);
    expect(diff.counts.resolved).toBe(0);
    expect(diff.warnings).toEqual([
      { kind: 'regions', message: 'The scans cover different regions: only BEFORE scanned eu-west-1.' },
    ]);
  });

  it('does not resolve a failure of a check AFTER did not run, and warns that the checks differ', () => {
    // Prepare
    const before = report([finding(CHECK_A, BUCKET, 'FAIL'), volume('PASS')], BOTH);
    const after = report([volume('PASS')], { checks: [CHECK_B] });

    // Act
    const diff = compare(before, after);

    // Assess
    expect(diff.changes).toMatchObject([
      { kind: 'not-observed', after: { status: 'NOT-IN-SCOPE', outOfScope: 'check-not-run' } },
    ]);
    expect(diff.warnings.map((w) => w.kind)).toEqual(['checks']);
    expect(diff.warnings[0]?.message).toContain(`1 check only in BEFORE (${CHECK_A})`);
  });

  it('reports a failure whose region errored in AFTER as not evaluated, not resolved', () => {
    // Prepare
    const before = report([volume('FAIL'), volume('PASS', { resourceArn: `${VOLUME}2`, id: 'vol-2-id' })]);
    const after = report([scopeError(CHECK_B, 'ec2', 'eu-west-1')], { checks: [CHECK_B] });

    // Act
    const diff = compare(before, after);

    // Assess
    expect(diff.changes.filter((c) => c.resourceArn.startsWith(VOLUME)).map((c) => [c.kind, c.before.status])).toEqual([
      ['not-evaluated', 'FAIL'],
      ['not-evaluated', 'PASS'],
    ]);
    // The scope ERROR itself is new in AFTER: not evaluated as well.
    expect(diff.counts['not-evaluated']).toBe(3);
    expect(diff.counts.resolved).toBe(0);
  });

  it('tells ERROR changes apart: evaluated again when it passes, NEW when it fails, still not evaluated when unchanged', () => {
    // Prepare
    const before = report([finding(CHECK_A, BUCKET, 'ERROR'), finding(CHECK_A, LOGS, 'ERROR'), volume('ERROR')]);
    const after = report([finding(CHECK_A, BUCKET, 'PASS'), finding(CHECK_A, LOGS, 'FAIL'), volume('ERROR')]);

    // Act
    const diff = compare(before, after);

    // Assess
    expect(diff.changes.map((c) => [c.kind, c.cause, c.resourceArn])).toEqual([
      ['new', 'not-evaluated-before', LOGS],
      ['evaluated-again', 'evaluated', BUCKET],
    ]);
    expect(diff.unchanged.notEvaluated).toBe(1);
  });

  it('reports a newly suppressed failure as SUPPRESSED and a lapsed suppression as NEW, telling expired from removed', () => {
    // Prepare
    const before = report(
      [
        finding(CHECK_A, BUCKET, 'FAIL', { suppression: suppression('2026-11-20') }),
        finding(CHECK_A, LOGS, 'FAIL', { suppression: suppression() }),
        volume('FAIL'),
      ],
      { startedAt: '2026-11-20T03:00:00.000Z' },
    );
    const after = report(
      [
        finding(CHECK_A, BUCKET, 'FAIL'),
        finding(CHECK_A, LOGS, 'FAIL'),
        volume('FAIL', { suppression: suppression() }),
      ],
      { startedAt: '2026-11-22T03:00:00.000Z' },
    );

    // Act
    const diff = compare(before, after);

    // Assess
    expect(diff.changes.map((c) => [c.kind, c.cause, c.resourceArn, c.lapsed])).toEqual([
      ['suppressed', 'suppression-applied', VOLUME, undefined],
      ['new', 'suppression-lapsed', BUCKET, 'expired'],
      ['new', 'suppression-lapsed', LOGS, 'removed'],
    ]);
    expect(diff.changes[0]?.after.suppression?.reason).toBe('Reviewed: a public dataset.');
  });

  it('counts unchanged findings and passes that appeared or disappeared without listing them', () => {
    // Prepare
    const suppressed = finding(CHECK_A, 'arn:aws:s3:::accepted', 'FAIL', { suppression: suppression() });
    const before = report([
      finding(CHECK_A, BUCKET, 'FAIL'),
      finding(CHECK_A, LOGS, 'PASS'),
      suppressed,
      volume('PASS'),
    ]);
    const after = report([
      finding(CHECK_A, BUCKET, 'FAIL'),
      finding(CHECK_A, LOGS, 'PASS'),
      suppressed,
      finding(CHECK_A, 'arn:aws:s3:::fresh', 'PASS'),
    ]);

    // Act
    const diff = compare(before, after);

    // Assess
    expect(diff.changes).toEqual([]);
    expect(diff.unchanged).toEqual({
      failing: 1,
      suppressed: 1,
      passing: 1,
      notEvaluated: 0,
      passesAdded: 1,
      passesRemoved: 1,
    });
  });

  it('reports failures of a check only AFTER ran as NEW outside the earlier scope, warning about the checks and versions', () => {
    // Prepare
    const before = report([finding(CHECK_A, BUCKET, 'PASS')], { checks: [CHECK_A] });
    const later = report([finding(CHECK_A, BUCKET, 'PASS'), volume('FAIL')], BOTH);
    const after = { ...later, scan: { ...later.scan, toolVersion: '0.2.0' } };

    // Act
    const diff = compare(before, after);

    // Assess
    expect(diff.changes).toMatchObject([
      { kind: 'new', cause: 'outside-before-scope', before: { status: 'NOT-IN-SCOPE', outOfScope: 'check-not-run' } },
    ]);
    expect(diff.warnings.map((w) => w.kind)).toEqual(['checks', 'tool-version']);
    expect(diff.warnings[1]?.message).toBe(
      'The reports come from different srm-scan versions (BEFORE 0.1.0, AFTER 0.2.0): checks, messages and severities may have changed between them.',
    );
  });

  it('lists checks whose severity changed between versions and shows both severities on the finding', () => {
    // Prepare
    const before = report([finding(CHECK_A, BUCKET, 'FAIL', { severity: 'medium' })]);
    const after = report([finding(CHECK_A, BUCKET, 'PASS', { severity: 'high' })]);

    // Act
    const diff = compare(before, after);

    // Assess
    expect(diff.severityChanges).toEqual([{ checkId: CHECK_A, before: 'medium', after: 'high' }]);
    expect(diff.changes[0]).toMatchObject({
      severity: 'high',
      before: { severity: 'medium' },
      after: { severity: 'high' },
    });
  });

  it('keeps global findings of a shard without the global scope out of the resolved ones', () => {
    // Prepare
    const global = finding(CHECK_A, 'arn:aws:iam::123456789012:root', 'FAIL', { region: 'global' });
    const before = report([global]);
    const shard = report([]);
    const after = { ...shard, scan: { ...shard.scan, checks: before.scan.checks, globalScope: false as const } };

    // Act
    const diff = compare(before, after);

    // Assess
    expect(diff.changes).toMatchObject([
      { kind: 'not-observed', after: { status: 'NOT-IN-SCOPE', outOfScope: 'global-scope-elsewhere' } },
    ]);
    expect(diff.warnings.map((w) => w.kind)).toEqual(['global-scope']);
  });

  it('warns when AFTER is older than BEFORE', () => {
    // Prepare
    const before = report([], { startedAt: '2026-11-22T03:00:00.000Z' });
    const after = report([], { startedAt: '2026-11-20T03:00:00.000Z' });

    // Act
    const diff = compare(before, after);

    // Assess
    expect(diff.warnings).toEqual([
      {
        kind: 'order',
        message:
          'AFTER (2026-11-20T03:00:00.000Z) started before BEFORE (2026-11-22T03:00:00.000Z): are the files in the right order?',
      },
    ]);
  });

  it('reports a FAIL twice in one report once, failure first', () => {
    // Prepare
    const before = report([finding(CHECK_A, BUCKET, 'PASS')]);
    const after = report([finding(CHECK_A, BUCKET, 'PASS'), finding(CHECK_A, BUCKET, 'FAIL')]);

    // Act
    const diff = compare(before, after);

    // Assess
    expect(diff.changes.map((c) => c.kind)).toEqual(['regressed']);
  });

  it('groups changes by SRM class, then obligation, then kind and severity', () => {
    // Prepare
    const before = report([finding(CHECK_A, BUCKET, 'FAIL')]);
    const after = report([
      finding(CHECK_A, LOGS, 'FAIL', { severity: 'low' }),
      finding(CHECK_A, 'arn:aws:s3:::z', 'FAIL', { severity: 'critical' }),
      volume('FAIL'),
    ]);

    // Act
    const diff = compare(before, after);

    // Assess
    expect(diff.changes.map((c) => `${c.srmClass}/${c.kind}/${c.severity}`)).toEqual([
      'infrastructure/new/high',
      'abstracted/new/critical',
      'abstracted/new/low',
      'abstracted/resolved/high',
    ]);
  });
});

describe('Function: diffReports on organisation reports', () => {
  /** An organisation report as `scan --accounts … --format json` writes it (`renderOrganizationJson`). */
  const org = (reports: ScanReport[], failures: { accountId: string; errorCode: string; message: string }[] = []) =>
    readComparedInput(
      'org.json',
      JSON.parse(
        renderOrganizationJson({
          organization: {
            schemaVersion: ORGANIZATION_REPORT_SCHEMA_VERSION,
            toolVersion: '0.1.0',
            startedAt: '2026-11-20T03:00:00.000Z',
            finishedAt: '2026-11-20T03:01:00.000Z',
            roleName: 'SrmScanReader',
            accounts: [
              ...reports.map((r) => ({ accountId: r.scan.accountId, status: 'scanned' as const, scanId: r.scan.id })),
              ...failures.map((f) => ({ accountId: f.accountId, status: 'failed' as const })),
            ],
            failures,
            ...summariseFindings(reports.flatMap((r) => r.findings)),
            apiCalls: { total: 0 },
          },
          reports,
        }),
      ),
    );
  const inAccount = (accountId: string, findings: Finding[]): ScanReport => {
    const r = report(findings.map((f) => ({ ...f, accountId })));
    return { ...r, scan: { ...r.scan, accountId } };
  };

  it('compares each account with itself: the same finding id in two accounts is two findings', () => {
    // Prepare
    const before = org([inAccount(ACCOUNT, [finding(CHECK_A, BUCKET, 'FAIL')]), inAccount(OTHER_ACCOUNT, [])]);
    const after = org([
      inAccount(ACCOUNT, [finding(CHECK_A, BUCKET, 'FAIL')]),
      inAccount(OTHER_ACCOUNT, [finding(CHECK_A, BUCKET, 'FAIL')]),
    ]);

    // Act
    const diff = diffReports(before, after);

    // Assess
    expect(diff.changes).toMatchObject([{ kind: 'new', accountId: OTHER_ACCOUNT, cause: 'outside-before-scope' }]);
    expect(diff.unchanged.failing).toBe(1);
    expect(diff.before).toMatchObject({ kind: 'organization', accounts: [OTHER_ACCOUNT, ACCOUNT].sort() });
  });

  it('does not resolve the failures of an account AFTER could not scan, and says so', () => {
    // Prepare
    const before = org([inAccount(ACCOUNT, [finding(CHECK_A, BUCKET, 'FAIL')])]);
    const after = org([], [{ accountId: ACCOUNT, errorCode: 'AccessDenied', message: 'Denied.' }]);

    // Act
    const diff = diffReports(before, after);

    // Assess
    expect(diff.changes).toMatchObject([
      { kind: 'not-observed', after: { status: 'NOT-IN-SCOPE', outOfScope: 'account-not-scanned' } },
    ]);
    expect(diff.warnings.map((w) => w.message)).toEqual([
      `The reports cover different accounts: only BEFORE scanned ${ACCOUNT} (its failures are "not observed", not resolved).`,
      `AFTER could not scan account ${ACCOUNT} (AccessDenied): its findings are not compared.`,
    ]);
  });

  it('compares a single-account report with an organisation report of the same account', () => {
    // Prepare
    const before = input('before.json', report([finding(CHECK_A, BUCKET, 'FAIL')]));
    const after = org([inAccount(ACCOUNT, [finding(CHECK_A, BUCKET, 'PASS')])]);

    // Act
    const diff = diffReports(before, after);

    // Assess
    expect(diff.changes.map((c) => c.kind)).toEqual(['resolved']);
    expect(diff.warnings).toEqual([]);
  });
});

describe('Function: newFailures / withGate', () => {
  it('gates on NEW and REGRESSED unsuppressed failures at or above the severity, nothing else', () => {
    // Prepare
    const before = report([finding(CHECK_A, BUCKET, 'PASS'), finding(CHECK_A, LOGS, 'FAIL', { severity: 'critical' })]);
    const after = report([
      finding(CHECK_A, BUCKET, 'FAIL', { severity: 'high' }),
      finding(CHECK_A, LOGS, 'PASS', { severity: 'critical' }),
      finding(CHECK_A, 'arn:aws:s3:::low', 'FAIL', { severity: 'low' }),
      finding(CHECK_A, 'arn:aws:s3:::accepted', 'FAIL', { severity: 'critical', suppression: suppression() }),
    ]);
    const diff = compare(before, after);

    // Act
    const high = newFailures(diff, 'high');
    const critical = withGate(diff, 'critical').gate;

    // Assess
    expect(high.map((c) => [c.kind, c.resourceArn])).toEqual([['regressed', BUCKET]]);
    expect(newFailures(diff, 'low')).toHaveLength(2);
    expect(critical).toEqual({ failOnNew: 'critical', findings: 0, met: false });
  });
});

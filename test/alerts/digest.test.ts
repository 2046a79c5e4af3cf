import { describe, expect, it } from 'vitest';
import {
  DIGEST_MAX_BYTES,
  decideAlert,
  formatDigest,
  formatSubject,
  highestSeverity,
  SUBJECT_MAX_LENGTH,
  selectAlertable,
  truncateUtf8,
} from '../../lambdas/core/alerts/digest.js';
import { CHECKS } from '../../lambdas/core/checks/registry.js';
import { buildCoverageMap } from '../../lambdas/core/coverage/service-coverage.js';
import { computeLifecycle, type LifecycleResult, type StoredFinding } from '../../lambdas/core/findings/lifecycle.js';
import type { Finding, ScanReport } from '../../lambdas/core/findings/model.js';
import { applySuppressions } from '../../lambdas/core/findings/suppressions.js';
import { srmClassTitle } from '../../lambdas/core/srm/headings.js';
import { OBLIGATION_LABELS } from '../../lambdas/core/srm/vocabulary.js';
import { ACCOUNT, day, finding, report } from '../helpers/findings.js';

const lifecycleOf = (scanReport: ScanReport, previous: readonly StoredFinding[] = []): LifecycleResult =>
  computeLifecycle({ previous, report: scanReport, now: day(0) });

function digestFor(findings: readonly Finding[], options: { maxBytes?: number; previous?: StoredFinding[] } = {}) {
  const scanReport = report(findings);
  const lifecycle = lifecycleOf(scanReport, options.previous);
  const alertable = selectAlertable(lifecycle.transitions, 'high');
  return formatDigest({
    report: scanReport,
    lifecycle: lifecycle.summary,
    alertable,
    minSeverity: 'high',
    table: { name: 'srm-scan-findings', region: 'eu-west-1' },
    ...(options.maxBytes && { maxBytes: options.maxBytes }),
  });
}

describe('Function: formatSubject', () => {
  it('counts new and regressed findings by severity, most severe first', () => {
    // Prepare
    const lifecycle = lifecycleOf(
      report([
        finding('s3-a', 'arn:aws:s3:::a', 'FAIL', { severity: 'high' }),
        finding('s3-a', 'arn:aws:s3:::b', 'FAIL', { severity: 'high' }),
        finding('s3-b', 'arn:aws:s3:::a', 'FAIL', { severity: 'critical' }),
      ]),
    );

    // Act
    const subject = formatSubject(ACCOUNT, selectAlertable(lifecycle.transitions, 'high'), lifecycle.summary);

    // Assess
    expect(subject).toBe('srm-scan 123456789012: 1 new critical, 2 new high');
  });

  it('stays printable ASCII under 100 characters without line breaks whatever it is given', () => {
    // Prepare
    const findings = ['critical', 'high', 'medium', 'low', 'informational'].flatMap((severity, i) =>
      Array.from({ length: 1000 + i }, (_, n) =>
        finding(`s3-${severity}`, `arn:aws:s3:::b${n}`, 'FAIL', { severity: severity as Finding['severity'] }),
      ),
    );
    const lifecycle = lifecycleOf(report(findings));
    const alertable = selectAlertable(lifecycle.transitions, 'informational');

    // Act
    const subject = formatSubject(
      'Kontö\n12345678901234567890123456789012345678901234567890',
      alertable,
      lifecycle.summary,
    );

    // Assess
    expect(subject.length).toBeLessThanOrEqual(SUBJECT_MAX_LENGTH);
    expect(subject).toMatch(/^[\x20-\x7e]+$/);
    expect(subject).toMatch(/\+\d+ more$/);
  });

  it('says there is nothing new when sent on every run', () => {
    // Prepare
    const lifecycle = lifecycleOf(report([finding('s3-a', 'arn:aws:s3:::a', 'PASS')]));

    // Act
    const subject = formatSubject(ACCOUNT, [], lifecycle.summary);

    // Assess
    expect(subject).toBe('srm-scan 123456789012: no new findings, 0 open, 0 resolved');
  });
});

describe('Function: formatDigest', () => {
  it('groups by SRM class, then obligation, then severity, with resource, region and a one-line fix', () => {
    // Prepare
    const findings = [
      finding('s3-pub', 'arn:aws:s3:::pub', 'FAIL', {
        srmClass: 'abstracted',
        obligation: 'public-exposure',
        severity: 'critical',
      }),
      finding('s3-enc', 'arn:aws:s3:::enc', 'FAIL', {
        srmClass: 'abstracted',
        obligation: 'data-protection',
        severity: 'high',
      }),
      finding('ec2-sg', 'arn:aws:ec2:eu-west-1:123456789012:security-group/sg-1', 'FAIL', {
        srmClass: 'infrastructure',
        obligation: 'network-firewall',
        severity: 'high',
        region: 'eu-west-1',
        remediation: {
          text: 'Close it.',
          cli: 'aws ec2 revoke-security-group-ingress \\\n  --group-id sg-1',
          url: 'https://docs.aws.amazon.com/x',
        },
      }),
      finding('iam-root', 'arn:aws:iam::123456789012:root', 'FAIL', {
        srmClass: 'account',
        obligation: 'identity-mfa',
        severity: 'critical',
        region: 'global',
      }),
      finding('s3-low', 'arn:aws:s3:::low', 'FAIL', { severity: 'low' }),
    ];

    // Act
    const digest = digestFor(findings);

    // Assess
    const body = digest.body;
    // The same headings and labels as every other report: one vocabulary.
    const order = [
      `== ${srmClassTitle('infrastructure')} - `,
      `-- ${OBLIGATION_LABELS['network-firewall']} --`,
      `== ${srmClassTitle('abstracted')} - `,
      `-- ${OBLIGATION_LABELS['data-protection']} --`,
      `-- ${OBLIGATION_LABELS['public-exposure']} --`,
      `== ${srmClassTitle('account')} - `,
      `-- ${OBLIGATION_LABELS['identity-mfa']} --`,
    ];
    const positions = order.map((marker) => body.indexOf(marker));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(body).toContain('  [HIGH] NEW: Title of ec2-sg');
    expect(body).toContain('    Resource: arn:aws:ec2:eu-west-1:123456789012:security-group/sg-1 (eu-west-1)');
    expect(body).toContain('    Fix:      aws ec2 revoke-security-group-ingress \\ --group-id sg-1');
    expect(body).not.toContain('arn:aws:s3:::low');
    expect(digest).toMatchObject({ shown: 4, omitted: 0, attributes: { severity: 'critical', accountId: ACCOUNT } });
    expect(body).toContain('RESOLVED: 0 finding(s)');
    expect(body).toContain('--index-name open-findings');
  });

  it('marks regressed findings and lists them with the new ones', () => {
    // Prepare
    const arn = 'arn:aws:s3:::flappy';
    const first = lifecycleOf(report([finding('s3-a', arn, 'FAIL')]));
    const second = computeLifecycle({
      previous: first.states,
      report: report([finding('s3-a', arn, 'PASS')]),
      now: day(1),
    });

    // Act
    const digest = digestFor([finding('s3-a', arn, 'FAIL')], { previous: second.states });

    // Assess
    expect(digest.body).toContain('[HIGH] REGRESSED (was resolved): Title of s3-a');
    expect(digest.subject).toBe('srm-scan 123456789012: 1 regressed high');
  });

  it('caps the body under the SNS limit in UTF-8 bytes and says how many findings were left out', () => {
    // Prepare
    const findings = Array.from({ length: 3000 }, (_, i) =>
      finding(`s3-check-${i % 7}`, `arn:aws:s3:::bucket-${i}`, 'FAIL', {
        message: `Le compartiment S3 bucket-${i} n’est pas chiffré — données exposées ${'é'.repeat(60)}.`,
      }),
    );

    // Act
    const digest = digestFor(findings);

    // Assess
    expect(digest.bytes).toBe(Buffer.byteLength(digest.body, 'utf8'));
    expect(digest.bytes).toBeLessThanOrEqual(DIGEST_MAX_BYTES);
    expect(digest.bytes).toBeGreaterThan(DIGEST_MAX_BYTES * 0.9);
    expect(digest.shown + digest.omitted).toBe(3000);
    expect(digest.omitted).toBeGreaterThan(0);
    expect(digest.body).toContain(`... and ${digest.omitted} more new or regressed finding(s) not shown`);
    expect(digest.body).toContain('see table srm-scan-findings');
    expect(digest.body).toContain('WHERE TO LOOK');
  });

  it('never exceeds a small byte limit either', () => {
    // Prepare
    const findings = Array.from({ length: 50 }, (_, i) => finding('s3-a', `arn:aws:s3:::b${i}`, 'FAIL'));

    // Act
    const digest = digestFor(findings, { maxBytes: 2000 });

    // Assess
    expect(Buffer.byteLength(digest.body, 'utf8')).toBeLessThanOrEqual(2000);
  });

  it('redacts secrets that a finding message leaks', () => {
    // Prepare
    const leaky = finding('iam-key', 'arn:aws:iam::123456789012:user/ci', 'FAIL', {
      message:
        'User ci has access key AKIAIOSFODNN7EXAMPLE; its env has aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY.',
    });

    // Act
    const digest = digestFor([leaky]);

    // Assess
    expect(digest.body).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(digest.body).not.toContain('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
    expect(digest.body).toMatch(/access key \[AWS access key ID, fingerprint [0-9a-f]{8}\];/);
  });

  it('reports expired suppressions, suppression warnings and collection issues', () => {
    // Prepare
    const { findings, problems } = applySuppressions([finding('s3-a', 'arn:aws:s3:::a', 'FAIL')], {
      suppressions: [
        { checkId: 's3-*', resource: '*', reason: 'Old exception.', owner: 'data-team', expiresAt: '2026-01-31' },
        { checkId: 's3-a', resource: 'bucket-a', reason: 'Typo.' },
      ],
      now: day(0),
      ranCheckIds: ['s3-a'],
      catalogueCheckIds: ['s3-a'],
    });
    const withIssues = report(findings, {
      suppressionProblems: problems,
      collectionIssues: [
        { slice: 's3.bucketPolicies', region: 'us-east-1', errorCode: 'AccessDenied', message: 'Access Denied' },
      ],
    });
    const lifecycle = computeLifecycle({ previous: [], report: withIssues, now: day(0) });

    // Act
    const digest = formatDigest({
      report: withIssues,
      lifecycle: lifecycle.summary,
      alertable: selectAlertable(lifecycle.transitions, 'high'),
      minSeverity: 'high',
    });

    // Assess
    expect(digest.body).toMatch(
      /EXPIRED SUPPRESSIONS \(1\)[^\n]*\n {2}- suppression #1 \(checkId "s3-\*", resource "\*", owner data-team\) expired at 2026-02-01T00:00:00.000Z: 1 failing/,
    );
    expect(digest.body).toMatch(/SUPPRESSION WARNINGS \(1\)\n {2}- suppression #2 .*not an ARN glob/);
    expect(digest.body).toContain('COLLECTION ISSUES (1)');
    expect(digest.body).toContain('  - s3.bucketPolicies in us-east-1: AccessDenied: Access Denied');
  });

  it('names the services the account uses that srm-scan did not check', () => {
    // Prepare
    const scanReport = report([finding('s3-a', 'arn:aws:s3:::a', 'PASS')]);
    const withCoverage: ScanReport = {
      ...scanReport,
      coverage: buildCoverageMap({
        checks: [],
        catalogue: CHECKS,
        findings: scanReport.findings,
        listed: new Map([['s3', 1]]),
        tagged: [{ region: 'us-east-1', resourceType: 'states:stateMachine', count: 2 }],
        regions: ['us-east-1'],
      }),
    };
    const lifecycle = computeLifecycle({ previous: [], report: withCoverage, now: day(0) });

    // Act
    const digest = formatDigest({
      report: withCoverage,
      lifecycle: lifecycle.summary,
      alertable: [],
      minSeverity: 'high',
    });

    // Assess
    expect(digest.body).toMatch(/IN USE, NOT CHECKED \(2\)[^\n]*\n {2}- Amazon S3\n {2}- AWS Step Functions\n/);
  });
});

describe('Function: decideAlert', () => {
  it.each([
    ['changes', 2, true],
    ['changes', 0, false],
    ['always', 0, true],
    ['never', 5, false],
  ] as const)('with notifyOn %s and %i alertable findings sends: %s', (notifyOn, alertable, send) => {
    // Prepare
    const minSeverity = 'high';

    // Act
    const decision = decideAlert(notifyOn, alertable, minSeverity);

    // Assess
    expect(decision.send).toBe(send);
    expect(decision.reason).toContain(`${alertable} new or regressed`);
  });
});

describe('Function: selectAlertable', () => {
  it('keeps new and regressed FAILs at or above the threshold, never suppressed or resolved ones', () => {
    // Prepare
    const lifecycle = computeLifecycle({
      previous: [],
      report: report([
        finding('s3-a', 'arn:aws:s3:::crit', 'FAIL', { severity: 'critical' }),
        finding('s3-a', 'arn:aws:s3:::med', 'FAIL', { severity: 'medium' }),
        finding('s3-a', 'arn:aws:s3:::hidden', 'FAIL', {
          severity: 'critical',
          suppression: { index: 0, checkId: 's3-a', resource: 'arn:aws:s3:::hidden', reason: 'Accepted.' },
        }),
      ]),
      now: day(0),
    });

    // Act
    const alertable = selectAlertable(lifecycle.transitions, 'high');

    // Assess
    expect(alertable.map((t) => t.state.resourceArn)).toEqual(['arn:aws:s3:::crit']);
    expect(highestSeverity(alertable)).toBe('critical');
    expect(highestSeverity([])).toBe('none');
  });
});

describe('Function: truncateUtf8', () => {
  it('cuts on a character boundary', () => {
    // Prepare
    const text = 'aé€😀';

    // Act
    const cut = truncateUtf8(text, 7);

    // Assess
    expect(cut).toBe('aé€');
    expect(Buffer.byteLength(cut)).toBe(6);
  });
});

import { describe, expect, it } from 'vitest';
import { describeCoverage, summariseChecks, summariseFindings } from '../../lambdas/core/findings/model.js';
import { finding } from '../helpers/findings.js';

const suppression = { index: 0, checkId: 's3-*', resource: '*', reason: 'Accepted.' };

describe('Function: summariseFindings', () => {
  it('counts each finding once: a suppressed FAIL as SUPPRESSED, and only unsuppressed FAILs by severity', () => {
    // Prepare
    const findings = [
      finding('s3-a', 'arn:aws:s3:::a', 'FAIL', { severity: 'critical' }),
      finding('s3-a', 'arn:aws:s3:::b', 'FAIL', { severity: 'critical', suppression }),
      finding('s3-a', 'arn:aws:s3:::c', 'PASS'),
      finding('s3-a', 'arn:aws:s3:::d', 'ERROR'),
    ];

    // Act
    const { totals, coverage } = summariseFindings(findings);

    // Assess
    expect(totals).toMatchObject({ findings: 4, FAIL: 1, SUPPRESSED: 1, PASS: 1, ERROR: 1 });
    expect(totals.failedBySeverity.critical).toBe(1);
    expect(coverage).toEqual({ evaluated: 3, notEvaluated: 1, share: 0.75 });
  });

  it('calls an empty scan fully covered', () => {
    // Act
    const { coverage } = summariseFindings([]);

    // Assess
    expect(coverage).toEqual({ evaluated: 0, notEvaluated: 0, share: 1 });
  });
});

describe('Function: describeCoverage', () => {
  it('never rounds a partial coverage up to 100%', () => {
    // Act
    const line = describeCoverage({ evaluated: 19_999, notEvaluated: 1, share: 19_999 / 20_000 });

    // Assess
    expect(line).toBe('Coverage: 19,999 resource-checks evaluated, 1 not evaluated (99.9%)');
  });
});

describe('Function: summariseChecks', () => {
  it('reports every selected check, those without findings included, in selection order', () => {
    // Prepare
    const findings = [
      finding('s3-b', 'arn:aws:s3:::a', 'FAIL', { suppression }),
      finding('s3-b', 'arn:aws:s3:::b', 'ERROR'),
    ];

    // Act
    const summaries = summariseChecks(['s3-a', 's3-b'], findings);

    // Assess
    expect(summaries).toEqual([
      { checkId: 's3-a', results: 0, passed: 0, failed: 0, suppressed: 0, errored: 0 },
      { checkId: 's3-b', results: 2, passed: 0, failed: 0, suppressed: 1, errored: 1 },
    ]);
  });
});

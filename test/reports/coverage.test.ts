import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../lambdas/core/checks/registry.js';
import { buildCoverageMap } from '../../lambdas/core/coverage/service-coverage.js';
import { renderCoverage } from '../../lambdas/core/reports/coverage.js';
import { finding } from '../helpers/findings.js';

const BUCKET = 'arn:aws:s3:::harbor-invoices';
const versioning = CHECKS.filter((c) => c.id === 's3-bucket-versioning-enabled');

const map = buildCoverageMap({
  checks: versioning,
  catalogue: CHECKS,
  findings: [finding('s3-bucket-versioning-enabled', BUCKET, 'FAIL', { service: 's3' })],
  listed: new Map([['s3', 1]]),
  tagged: [
    { region: 'eu-west-1', resourceType: 'states:stateMachine', count: 2 },
    { region: 'eu-west-1', resourceType: 'quantumledger:ledger', count: 1 },
  ],
  regions: ['eu-west-1'],
});

describe('Function: renderCoverage', () => {
  it('marks a service the account uses without checks as in use, not checked', () => {
    // Act
    const text = renderCoverage(map);

    // Assess
    expect(text).toContain('AWS Step Functions (2 tagged resources): IN USE, NOT CHECKED');
    expect(text).toContain('quantumledger (1 tagged: quantumledger:ledger)');
    expect(text).toContain('Services in use: 3 — 0 checked, 1 partly checked, 2 not checked.');
  });

  it('lists every owed obligation with its counts in detail', () => {
    // Act
    const text = renderCoverage(map, { detail: true });

    // Assess
    expect(text).toContain('✓ Backup and recovery: 1 check (FAIL 1 · PASS 0 · ERROR 0)');
    expect(text).toContain('✗ Public exposure: not checked (srm-scan has checks for it, not selected in this scan)');
    expect(text).toContain('✗ Logging and audit: not checked (srm-scan has no check for it yet)');
  });

  it('says when the tagging API could not be read', () => {
    // Prepare
    const denied = buildCoverageMap({
      checks: [],
      catalogue: CHECKS,
      findings: [],
      listed: new Map(),
      tagged: [],
      taggingIssues: [{ region: 'eu-west-1', detail: 'AccessDeniedException' }],
      regions: ['eu-west-1'],
    });

    // Act
    const text = renderCoverage(denied);

    // Assess
    expect(text).toContain('Resource Groups Tagging API unavailable');
    expect(text).toContain('eu-west-1 (AccessDeniedException)');
  });
});

import { describe, expect, it } from 'vitest';
import { iamRootNotUsedRecently } from '../../../lambdas/core/checks/iam/index.js';
import { accessKey, credentialReport, daysAgo, evaluateIam, ROOT_ARN, reportRoot } from '../../fixtures/iam.js';

describe('Check: iam-root-not-used-recently', () => {
  it('fails when root signed in with its password within the window', () => {
    // Prepare
    const report = credentialReport([], reportRoot({ passwordLastUsed: daysAgo(3) }));

    // Act
    const results = evaluateIam(iamRootNotUsedRecently, { credentialReport: report });

    // Assess
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: 'FAIL', resource: { arn: ROOT_ARN } });
    expect(results[0]?.message).toContain('signed in with its password on 2026-11-17 (3 days ago)');
    expect(results[0]?.message).toContain('credential report generated 2026-11-20T11:55:00.000Z');
  });

  it('fails when a root access key was used within the window', () => {
    // Prepare
    const root = reportRoot({ accessKeys: [accessKey({ slot: 2, lastUsed: daysAgo(10) })] });

    // Act
    const results = evaluateIam(iamRootNotUsedRecently, { credentialReport: credentialReport([], root) });

    // Assess
    expect(results[0]?.status).toBe('FAIL');
    expect(results[0]?.message).toContain('used access key 2');
  });

  it('honours the rootRecentUseDays setting', () => {
    // Prepare
    const report = credentialReport([], reportRoot({ passwordLastUsed: daysAgo(10) }));

    // Act
    const results = evaluateIam(iamRootNotUsedRecently, { credentialReport: report }, { rootRecentUseDays: 7 });

    // Assess
    expect(results[0]?.status).toBe('PASS');
    expect(results[0]?.message).toContain(
      'not used in the last 7 days (last signed in with its password on 2026-11-10)',
    );
  });

  it('passes when root was never used', () => {
    // Prepare
    const report = credentialReport([], reportRoot());

    // Act
    const results = evaluateIam(iamRootNotUsedRecently, { credentialReport: report });

    // Assess
    expect(results).toHaveLength(1);
    expect(results[0]?.status).toBe('PASS');
    expect(results[0]?.message).toContain('no password or access-key use on record');
  });

  it('is not evaluated (ERROR) when the report has no root row', () => {
    // Prepare
    const report = credentialReport([], null);

    // Act
    const results = evaluateIam(iamRootNotUsedRecently, { credentialReport: report });

    // Assess
    expect(results).toHaveLength(1);
    expect(results[0]?.status).toBe('ERROR');
    expect(results[0]?.message).toContain('has no <root_account> row');
  });
});

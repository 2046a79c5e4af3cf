import { describe, expect, it } from 'vitest';
import { iamUserAccessKeysRotated } from '../../../lambdas/core/checks/iam/index.js';
import { accessKey, credentialReport, daysAgo, evaluateIam, reportUser } from '../../fixtures/iam.js';

describe('Check: iam-user-access-keys-rotated', () => {
  it('fails when an active key is older than the maximum age', () => {
    // Prepare
    const user = reportUser('etl', {
      accessKeys: [accessKey({ slot: 1, lastRotated: daysAgo(200) }), accessKey({ slot: 2, lastRotated: daysAgo(5) })],
    });

    // Act
    const results = evaluateIam(iamUserAccessKeysRotated, { credentialReport: credentialReport([user]) });

    // Assess
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: 'FAIL', resource: { arn: user.arn } });
    expect(results[0]?.message).toContain('access key 1 created 2026-05-04 (200 days)');
    expect(results[0]?.message).not.toContain('access key 2');
    expect(results[0]?.message).toContain('credential report generated');
  });

  it('passes when every active key is younger than the maximum age', () => {
    // Prepare
    const user = reportUser('app', { accessKeys: [accessKey({ lastRotated: daysAgo(90) })] });

    // Act
    const results = evaluateIam(iamUserAccessKeysRotated, { credentialReport: credentialReport([user]) });

    // Assess
    expect(results).toEqual([expect.objectContaining({ status: 'PASS' })]);
  });

  it('ignores old inactive keys', () => {
    // Prepare
    const user = reportUser('app', {
      accessKeys: [accessKey({ slot: 1, active: false, lastRotated: daysAgo(900) }), accessKey({ slot: 2 })],
    });

    // Act
    const results = evaluateIam(iamUserAccessKeysRotated, { credentialReport: credentialReport([user]) });

    // Assess
    expect(results[0]?.status).toBe('PASS');
  });

  it('honours the accessKeyMaxAgeDays setting', () => {
    // Prepare
    const user = reportUser('app', { accessKeys: [accessKey({ lastRotated: daysAgo(40) })] });

    // Act
    const results = evaluateIam(
      iamUserAccessKeysRotated,
      { credentialReport: credentialReport([user]) },
      { accessKeyMaxAgeDays: 30 },
    );

    // Assess
    expect(results[0]?.status).toBe('FAIL');
  });

  it('does not evaluate users without active keys', () => {
    // Prepare
    const user = reportUser('console-only', { passwordEnabled: true, mfaActive: true });

    // Act
    const results = evaluateIam(iamUserAccessKeysRotated, { credentialReport: credentialReport([user]) });

    // Assess
    expect(results).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { iamUserUnusedCredentialsDisabled } from '../../../lambdas/core/checks/iam/index.js';
import { accessKey, credentialReport, daysAgo, evaluateIam, reportUser } from '../../fixtures/iam.js';

describe('Check: iam-user-unused-credentials-disabled', () => {
  it('fails when a console password was last used before the window', () => {
    // Prepare
    const user = reportUser('former', {
      passwordEnabled: true,
      passwordLastUsed: daysAgo(60),
      passwordLastChanged: daysAgo(300),
    });

    // Act
    const results = evaluateIam(iamUserUnusedCredentialsDisabled, { credentialReport: credentialReport([user]) });

    // Assess
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: 'FAIL', resource: { arn: user.arn } });
    expect(results[0]?.message).toContain('console password last used 2026-09-21 (60 days ago)');
  });

  it('fails when an active key was never used and is older than the window', () => {
    // Prepare
    const user = reportUser('old-script', {
      accessKeys: [accessKey({ lastRotated: daysAgo(50), lastUsed: undefined })],
    });

    // Act
    const results = evaluateIam(iamUserUnusedCredentialsDisabled, { credentialReport: credentialReport([user]) });

    // Assess
    expect(results[0]?.status).toBe('FAIL');
    expect(results[0]?.message).toContain('access key 1 never used since 2026-10-01 (50 days)');
  });

  it('fails when a password was never used and was set before the window', () => {
    // Prepare
    const user = reportUser('never-logged-in', { passwordEnabled: true, passwordLastChanged: daysAgo(100) });

    // Act
    const results = evaluateIam(iamUserUnusedCredentialsDisabled, { credentialReport: credentialReport([user]) });

    // Assess
    expect(results[0]?.status).toBe('FAIL');
    expect(results[0]?.message).toContain('console password never used since');
  });

  it('passes when a new credential has not been used yet', () => {
    // Prepare
    const user = reportUser('new-hire', {
      createdAt: daysAgo(3),
      passwordEnabled: true,
      passwordLastChanged: daysAgo(3),
      accessKeys: [accessKey({ lastRotated: daysAgo(3), lastUsed: undefined })],
    });

    // Act
    const results = evaluateIam(iamUserUnusedCredentialsDisabled, { credentialReport: credentialReport([user]) });

    // Assess
    expect(results).toEqual([expect.objectContaining({ status: 'PASS' })]);
  });

  it('passes when an old credential is in active use and ignores inactive keys', () => {
    // Prepare
    const user = reportUser('app', {
      accessKeys: [
        accessKey({ slot: 1, lastRotated: daysAgo(80), lastUsed: daysAgo(1) }),
        accessKey({ slot: 2, active: false, lastRotated: daysAgo(500), lastUsed: undefined }),
      ],
    });

    // Act
    const results = evaluateIam(iamUserUnusedCredentialsDisabled, { credentialReport: credentialReport([user]) });

    // Assess
    expect(results[0]?.status).toBe('PASS');
  });

  it('honours the unusedCredentialDays setting', () => {
    // Prepare
    const user = reportUser('app', { accessKeys: [accessKey({ lastRotated: daysAgo(200), lastUsed: daysAgo(20) })] });

    // Act
    const results = evaluateIam(
      iamUserUnusedCredentialsDisabled,
      { credentialReport: credentialReport([user]) },
      { unusedCredentialDays: 14 },
    );

    // Assess
    expect(results[0]?.status).toBe('FAIL');
  });

  it('does not evaluate users without a password or active key', () => {
    // Prepare
    const user = reportUser('disabled', { accessKeys: [accessKey({ active: false })] });

    // Act
    const results = evaluateIam(iamUserUnusedCredentialsDisabled, { credentialReport: credentialReport([user]) });

    // Assess
    expect(results).toEqual([]);
  });
});

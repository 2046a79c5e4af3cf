import { describe, expect, it } from 'vitest';
import { iamUserConsoleMfaEnabled } from '../../../lambdas/core/checks/iam/index.js';
import { accessKey, credentialReport, evaluateIam, reportUser } from '../../fixtures/iam.js';

describe('Check: iam-user-console-mfa-enabled', () => {
  it('fails when a user with a console password has no MFA', () => {
    // Prepare
    const tom = reportUser('tom', { passwordEnabled: true, mfaActive: false });

    // Act
    const results = evaluateIam(iamUserConsoleMfaEnabled, { credentialReport: credentialReport([tom]) });

    // Assess
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: 'FAIL', resource: { arn: tom.arn, id: 'tom' } });
    expect(results[0]?.message).toBe(
      'IAM user tom has a console password but no MFA device (credential report generated 2026-11-20T11:55:00.000Z; AWS reuses a report for up to 4 hours).',
    );
  });

  it('passes when a user with a console password has MFA', () => {
    // Prepare
    const maria = reportUser('maria', { passwordEnabled: true, mfaActive: true });

    // Act
    const results = evaluateIam(iamUserConsoleMfaEnabled, { credentialReport: credentialReport([maria]) });

    // Assess
    expect(results).toEqual([expect.objectContaining({ status: 'PASS' })]);
  });

  it('does not evaluate programmatic-only users or the root row', () => {
    // Prepare
    const bot = reportUser('ci-bot', { passwordEnabled: false, mfaActive: false, accessKeys: [accessKey()] });

    // Act
    const results = evaluateIam(iamUserConsoleMfaEnabled, { credentialReport: credentialReport([bot]) });

    // Assess
    expect(results).toEqual([]);
  });
});

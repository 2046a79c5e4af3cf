import { describe, expect, it } from 'vitest';
import { iamRootMfaEnabled } from '../../../lambdas/core/checks/iam/index.js';
import { accountSummary, evaluateIam, ROOT_ARN } from '../../fixtures/iam.js';

describe('Check: iam-root-mfa-enabled', () => {
  it('fails when the account summary reports no root MFA', () => {
    // Prepare
    const summary = accountSummary({ accountMfaEnabled: false });

    // Act
    const results = evaluateIam(iamRootMfaEnabled, { accountSummary: summary });

    // Assess
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: 'FAIL', resource: { arn: ROOT_ARN, region: 'global' } });
    expect(results[0]?.message).toContain('AccountMFAEnabled is 0');
  });

  it('passes when the account summary reports root MFA', () => {
    // Prepare
    const summary = accountSummary({ accountMfaEnabled: true });

    // Act
    const results = evaluateIam(iamRootMfaEnabled, { accountSummary: summary });

    // Assess
    expect(results).toEqual([
      expect.objectContaining({ status: 'PASS', resource: expect.objectContaining({ arn: ROOT_ARN }) }),
    ]);
  });
});

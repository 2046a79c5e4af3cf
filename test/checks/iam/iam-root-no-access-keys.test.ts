import { describe, expect, it } from 'vitest';
import { iamRootNoAccessKeys } from '../../../lambdas/core/checks/iam/index.js';
import { accountSummary, evaluateIam, ROOT_ARN } from '../../fixtures/iam.js';

describe('Check: iam-root-no-access-keys', () => {
  it('fails when the account summary reports root access keys', () => {
    // Prepare
    const summary = accountSummary({ accountAccessKeysPresent: true });

    // Act
    const results = evaluateIam(iamRootNoAccessKeys, { accountSummary: summary });

    // Assess
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: 'FAIL', resource: { arn: ROOT_ARN } });
    expect(results[0]?.message).toContain('AccountAccessKeysPresent is 1');
  });

  it('passes when root has no access keys', () => {
    // Prepare
    const summary = accountSummary({ accountAccessKeysPresent: false });

    // Act
    const results = evaluateIam(iamRootNoAccessKeys, { accountSummary: summary });

    // Assess
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: 'PASS', resource: { arn: ROOT_ARN } });
  });

  it('reads only the account summary, so a report without a root row cannot turn it into ERROR', () => {
    // Prepare / Act
    const required = iamRootNoAccessKeys.requires;

    // Assess
    expect(required).toEqual(['iam.accountSummary']);
  });
});

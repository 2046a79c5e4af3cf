import { describe, expect, it } from 'vitest';
import { iamPasswordPolicyStrong } from '../../../lambdas/core/checks/iam/index.js';
import { evaluateIam, passwordPolicy, ROOT_ARN } from '../../fixtures/iam.js';

describe('Check: iam-password-policy-strong', () => {
  it('fails when the account has no password policy', () => {
    // Prepare / Act
    const results = evaluateIam(iamPasswordPolicyStrong, { passwordPolicy: null });

    // Assess
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: 'FAIL', resource: { arn: ROOT_ARN } });
    expect(results[0]?.message).toContain('has no IAM password policy');
  });

  it('fails and lists every gap of a weak policy', () => {
    // Prepare
    const policy = passwordPolicy({
      minimumLength: 8,
      requireUppercase: false,
      requireSymbols: false,
      reusePrevention: undefined,
    });

    // Act
    const results = evaluateIam(iamPasswordPolicyStrong, { passwordPolicy: policy });

    // Assess
    expect(results[0]?.status).toBe('FAIL');
    expect(results[0]?.message).toBe(
      "Account 123456789012's password policy is weak: minimum length is 8 (needs 14); uppercase letters are not required; symbols are not required; password reuse prevention is off (needs 24).",
    );
  });

  it('fails when reuse prevention remembers too few passwords', () => {
    // Prepare
    const policy = passwordPolicy({ reusePrevention: 5, requireLowercase: false, requireNumbers: false });

    // Act
    const results = evaluateIam(iamPasswordPolicyStrong, { passwordPolicy: policy });

    // Assess
    expect(results[0]?.message).toContain('lowercase letters are not required; numbers are not required');
    expect(results[0]?.message).toContain('remembers 5 passwords (needs 24)');
  });

  it('passes a policy that meets every requirement', () => {
    // Prepare
    const policy = passwordPolicy({ minimumLength: 16 });

    // Act
    const results = evaluateIam(iamPasswordPolicyStrong, { passwordPolicy: policy });

    // Assess
    expect(results).toEqual([
      expect.objectContaining({ status: 'PASS', resource: expect.objectContaining({ arn: ROOT_ARN }) }),
    ]);
  });
});

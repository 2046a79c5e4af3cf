import { describe, expect, it } from 'vitest';
import { iamRootHardwareMfaEnabled } from '../../../lambdas/core/checks/iam/index.js';
import { accountSummary, evaluateIam, ROOT_ARN, virtualMfaDevice } from '../../fixtures/iam.js';

describe('Check: iam-root-hardware-mfa-enabled', () => {
  it('fails when root has no MFA at all', () => {
    // Prepare
    const slices = { accountSummary: accountSummary({ accountMfaEnabled: false }), virtualMfaDevices: [] };

    // Act
    const results = evaluateIam(iamRootHardwareMfaEnabled, slices);

    // Assess
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: 'FAIL', resource: { arn: ROOT_ARN } });
    expect(results[0]?.message).toContain('no MFA device at all');
  });

  it('fails when a virtual MFA device is assigned to root', () => {
    // Prepare
    const device = virtualMfaDevice(ROOT_ARN, 'arn:aws:iam::123456789012:mfa/root-account-mfa-device');
    const slices = { accountSummary: accountSummary(), virtualMfaDevices: [device] };

    // Act
    const results = evaluateIam(iamRootHardwareMfaEnabled, slices);

    // Assess
    expect(results[0]?.status).toBe('FAIL');
    expect(results[0]?.message).toContain('root-account-mfa-device');
  });

  it('passes when root MFA is on and the only virtual devices belong to IAM users', () => {
    // Prepare
    const device = virtualMfaDevice('arn:aws:iam::123456789012:user/alice', 'arn:aws:iam::123456789012:mfa/alice');
    const slices = { accountSummary: accountSummary(), virtualMfaDevices: [device] };

    // Act
    const results = evaluateIam(iamRootHardwareMfaEnabled, slices);

    // Assess
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: 'PASS', resource: { arn: ROOT_ARN } });
  });
});

import { describe, expect, it } from 'vitest';
import { s3AccountPublicAccessBlockEnabled } from '../../../lambdas/core/checks/s3/index.js';
import { ALL_BLOCKED, NOTHING_BLOCKED, runCheck, s3Inventory } from '../../fixtures/s3.js';

const account = {
  arn: 'arn:aws:iam::123456789012:root',
  id: '123456789012',
  region: 'global',
  accountId: '123456789012',
};

describe('Check: s3-account-public-access-block-enabled', () => {
  it('fails naming the settings that are off', () => {
    // Prepare
    const inventory = s3Inventory([], {
      accountPublicAccessBlock: { ...ALL_BLOCKED, ignorePublicAcls: false, restrictPublicBuckets: false },
    });

    // Act
    const results = runCheck(s3AccountPublicAccessBlockEnabled, inventory);

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: account,
        message:
          'Account 123456789012 leaves the S3 Block Public Access settings IgnorePublicAcls and RestrictPublicBuckets off.',
      },
    ]);
  });

  it('fails when the account has no configuration (all four off)', () => {
    // Prepare
    const inventory = s3Inventory([], { accountPublicAccessBlock: NOTHING_BLOCKED });

    // Act
    const [result] = runCheck(s3AccountPublicAccessBlockEnabled, inventory);

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(
      'Account 123456789012 has no S3 Block Public Access setting on (not configured or all four off).',
    );
  });

  it('passes when all four settings are on, even in an account without buckets', () => {
    // Prepare
    const inventory = s3Inventory([], { accountPublicAccessBlock: ALL_BLOCKED });

    // Act
    const results = runCheck(s3AccountPublicAccessBlockEnabled, inventory);

    // Assess
    expect(results).toEqual([
      {
        status: 'PASS',
        resource: account,
        message: 'Account 123456789012 has all four S3 Block Public Access settings on.',
      },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { s3BucketAclsDisabled } from '../../../lambdas/core/checks/s3/index.js';
import { bucket, ownershipControls, runCheck, s3Inventory } from '../../fixtures/s3.js';

const kit = bucket('harbor-press-kit');

describe('Check: s3-bucket-acls-disabled', () => {
  it('fails when Object Ownership is ObjectWriter', () => {
    // Prepare
    const inventory = s3Inventory([kit], { bucketOwnershipControls: [ownershipControls(kit, 'ObjectWriter')] });

    // Act
    const results = runCheck(s3BucketAclsDisabled, inventory);

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: kit,
        message: 'S3 bucket harbor-press-kit has ACLs enabled (Object Ownership ObjectWriter).',
      },
    ]);
  });

  it('fails when Object Ownership is BucketOwnerPreferred', () => {
    // Prepare
    const inventory = s3Inventory([kit], {
      bucketOwnershipControls: [ownershipControls(kit, 'BucketOwnerPreferred')],
    });

    // Act
    const [result] = runCheck(s3BucketAclsDisabled, inventory);

    // Assess
    expect(result?.status).toBe('FAIL');
  });

  it('fails when the bucket has no ownership controls', () => {
    // Prepare
    const inventory = s3Inventory([kit], { bucketOwnershipControls: [ownershipControls(kit, undefined)] });

    // Act
    const [result] = runCheck(s3BucketAclsDisabled, inventory);

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(
      'S3 bucket harbor-press-kit has ACLs enabled (no Object Ownership setting, which behaves as ObjectWriter).',
    );
  });

  it('passes when Object Ownership is BucketOwnerEnforced', () => {
    // Prepare
    const inventory = s3Inventory([kit]);

    // Act
    const results = runCheck(s3BucketAclsDisabled, inventory);

    // Assess
    expect(results).toEqual([
      {
        status: 'PASS',
        resource: kit,
        message: 'S3 bucket harbor-press-kit has ACLs disabled (Object Ownership BucketOwnerEnforced).',
      },
    ]);
  });

  it('produces no result for a bucket whose ownership controls could not be collected', () => {
    // Prepare
    const inventory = s3Inventory([kit], { bucketOwnershipControls: [] });

    // Act
    const results = runCheck(s3BucketAclsDisabled, inventory);

    // Assess
    expect(results).toEqual([]);
  });
});

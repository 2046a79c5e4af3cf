import { describe, expect, it } from 'vitest';
import { s3BucketPublicAccessBlockEnabled } from '../../../lambdas/core/checks/s3/index.js';
import { ALL_BLOCKED, bucket, NOTHING_BLOCKED, publicAccessBlock, runCheck, s3Inventory } from '../../fixtures/s3.js';

const web = bucket('harbor-web-assets');

describe('Check: s3-bucket-public-access-block-enabled', () => {
  it('fails when a setting is off at both levels', () => {
    // Prepare
    const inventory = s3Inventory([web], {
      accountPublicAccessBlock: { ...NOTHING_BLOCKED, blockPublicAcls: true, blockPublicPolicy: true },
      bucketPublicAccessBlocks: [publicAccessBlock(web, { ignorePublicAcls: true })],
    });

    // Act
    const results = runCheck(s3BucketPublicAccessBlockEnabled, inventory);

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: web,
        message:
          'S3 bucket harbor-web-assets does not block public access: RestrictPublicBuckets is off at both the account and the bucket level.',
      },
    ]);
  });

  it('fails when neither the account nor the bucket has a configuration', () => {
    // Prepare
    const inventory = s3Inventory([web], { bucketPublicAccessBlocks: [publicAccessBlock(web, NOTHING_BLOCKED)] });

    // Act
    const [result] = runCheck(s3BucketPublicAccessBlockEnabled, inventory);

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain(
      'BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy and RestrictPublicBuckets are off',
    );
  });

  it('passes on the account-level block alone and says so', () => {
    // Prepare
    const inventory = s3Inventory([web], {
      accountPublicAccessBlock: ALL_BLOCKED,
      bucketPublicAccessBlocks: [publicAccessBlock(web, NOTHING_BLOCKED)],
    });

    // Act
    const [result] = runCheck(s3BucketPublicAccessBlockEnabled, inventory);

    // Assess
    expect(result).toEqual({
      status: 'PASS',
      resource: web,
      message: 'S3 bucket harbor-web-assets blocks public access: all four settings are on at the account level.',
    });
  });

  it('passes when account and bucket settings together cover all four', () => {
    // Prepare
    const inventory = s3Inventory([web], {
      accountPublicAccessBlock: { ...NOTHING_BLOCKED, blockPublicAcls: true, blockPublicPolicy: true },
      bucketPublicAccessBlocks: [publicAccessBlock(web, { ignorePublicAcls: true, restrictPublicBuckets: true })],
    });

    // Act
    const [result] = runCheck(s3BucketPublicAccessBlockEnabled, inventory);

    // Assess
    expect(result).toEqual({
      status: 'PASS',
      resource: web,
      message:
        'S3 bucket harbor-web-assets blocks public access: BlockPublicAcls and BlockPublicPolicy are on at the account level, IgnorePublicAcls and RestrictPublicBuckets at the bucket level.',
    });
  });

  it('produces no result for a bucket whose configuration could not be collected', () => {
    // Prepare
    const inventory = s3Inventory([web], { accountPublicAccessBlock: ALL_BLOCKED, bucketPublicAccessBlocks: [] });

    // Act
    const results = runCheck(s3BucketPublicAccessBlockEnabled, inventory);

    // Assess
    expect(results).toEqual([]);
  });

  it('produces no result without buckets', () => {
    // Prepare
    const inventory = s3Inventory([]);

    // Act
    const results = runCheck(s3BucketPublicAccessBlockEnabled, inventory);

    // Assess
    expect(results).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { s3BucketVersioningEnabled } from '../../../lambdas/core/checks/s3/index.js';
import { bucket, runCheck, s3Inventory, versioning } from '../../fixtures/s3.js';

const exports = bucket('harbor-tmp-exports', 'eu-west-1');

describe('Check: s3-bucket-versioning-enabled', () => {
  it('fails when versioning is suspended', () => {
    // Prepare
    const inventory = s3Inventory([exports], { bucketVersioning: [versioning(exports, 'Suspended')] });

    // Act
    const results = runCheck(s3BucketVersioningEnabled, inventory);

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: exports,
        message: 'S3 bucket harbor-tmp-exports has versioning suspended: new writes keep no previous version.',
      },
    ]);
  });

  it('fails when versioning was never enabled', () => {
    // Prepare
    const inventory = s3Inventory([exports], { bucketVersioning: [versioning(exports, 'Disabled')] });

    // Act
    const [result] = runCheck(s3BucketVersioningEnabled, inventory);

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe('S3 bucket harbor-tmp-exports has never had versioning enabled.');
  });

  it('passes when versioning is enabled', () => {
    // Prepare
    const inventory = s3Inventory([exports]);

    // Act
    const results = runCheck(s3BucketVersioningEnabled, inventory);

    // Assess
    expect(results).toEqual([
      { status: 'PASS', resource: exports, message: 'S3 bucket harbor-tmp-exports has versioning enabled.' },
    ]);
  });

  it('produces no result for a bucket whose versioning could not be collected', () => {
    // Prepare
    const inventory = s3Inventory([exports], { bucketVersioning: [] });

    // Act
    const results = runCheck(s3BucketVersioningEnabled, inventory);

    // Assess
    expect(results).toEqual([]);
  });
});

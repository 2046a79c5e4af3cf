import { describe, expect, it } from 'vitest';
import { s3BucketAccessLoggingEnabled } from '../../../lambdas/core/checks/s3/index.js';
import { bucket, logging, runCheck, s3Inventory } from '../../fixtures/s3.js';

const assets = bucket('harbor-web-assets');

describe('Check: s3-bucket-access-logging-enabled', () => {
  it('fails when server access logging is off', () => {
    // Prepare
    const inventory = s3Inventory([assets], { bucketLogging: [logging(assets)] });

    // Act
    const results = runCheck(s3BucketAccessLoggingEnabled, inventory);

    // Assess
    expect(results).toEqual([
      { status: 'FAIL', resource: assets, message: 'S3 bucket harbor-web-assets has server access logging disabled.' },
    ]);
  });

  it('passes when access logs go to a log bucket', () => {
    // Prepare
    const inventory = s3Inventory([assets], {
      bucketLogging: [logging(assets, 'harbor-s3-access-logs', 'harbor-web-assets/')],
    });

    // Act
    const results = runCheck(s3BucketAccessLoggingEnabled, inventory);

    // Assess
    expect(results).toEqual([
      {
        status: 'PASS',
        resource: assets,
        message: 'S3 bucket harbor-web-assets logs server access to s3://harbor-s3-access-logs/harbor-web-assets/.',
      },
    ]);
  });

  it('produces no result for a bucket whose logging could not be collected', () => {
    // Prepare
    const inventory = s3Inventory([assets], { bucketLogging: [] });

    // Act
    const results = runCheck(s3BucketAccessLoggingEnabled, inventory);

    // Assess
    expect(results).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { s3BucketKmsEncryption } from '../../../lambdas/core/checks/s3/index.js';
import { bucket, encryption, runCheck, s3Inventory } from '../../fixtures/s3.js';

const logs = bucket('harbor-s3-access-logs');

describe('Check: s3-bucket-kms-encryption', () => {
  it('fails when default encryption is SSE-S3', () => {
    // Prepare
    const inventory = s3Inventory([logs], { bucketEncryption: [encryption(logs, [{ algorithm: 'AES256' }])] });

    // Act
    const results = runCheck(s3BucketKmsEncryption, inventory);

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: logs,
        message: 'S3 bucket harbor-s3-access-logs encrypts new objects with SSE-S3 (AES256), not with a KMS key.',
      },
    ]);
  });

  it('fails when there is no default encryption rule', () => {
    // Prepare
    const inventory = s3Inventory([logs], { bucketEncryption: [encryption(logs, [])] });

    // Act
    const [result] = runCheck(s3BucketKmsEncryption, inventory);

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: logs,
      message: 'S3 bucket harbor-s3-access-logs has no default encryption rule.',
    });
  });

  it('passes with SSE-KMS and a customer managed key', () => {
    // Prepare
    const key = 'arn:aws:kms:us-east-1:123456789012:key/1234abcd';
    const inventory = s3Inventory([logs], {
      bucketEncryption: [encryption(logs, [{ algorithm: 'aws:kms', kmsKeyId: key, bucketKeyEnabled: true }])],
    });

    // Act
    const [result] = runCheck(s3BucketKmsEncryption, inventory);

    // Assess
    expect(result).toEqual({
      status: 'PASS',
      resource: logs,
      message: `S3 bucket harbor-s3-access-logs encrypts new objects with aws:kms using key ${key}.`,
    });
  });

  it('passes with dual-layer SSE-KMS and the AWS managed key', () => {
    // Prepare
    const inventory = s3Inventory([logs], { bucketEncryption: [encryption(logs, [{ algorithm: 'aws:kms:dsse' }])] });

    // Act
    const [result] = runCheck(s3BucketKmsEncryption, inventory);

    // Assess
    expect(result?.status).toBe('PASS');
    expect(result?.message).toContain('aws:kms:dsse using the AWS managed key aws/s3');
  });

  it('produces no result for a bucket whose encryption could not be collected', () => {
    // Prepare
    const inventory = s3Inventory([logs], { bucketEncryption: [] });

    // Act
    const results = runCheck(s3BucketKmsEncryption, inventory);

    // Assess
    expect(results).toEqual([]);
  });
});

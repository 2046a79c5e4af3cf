import { describe, expect, it } from 'vitest';
import { s3BucketTlsRequired } from '../../../lambdas/core/checks/s3/index.js';
import { bucket, bucketPolicy, denyInsecureTransport, everyone, runCheck, s3Inventory } from '../../fixtures/s3.js';

const reports = bucket('harbor-finance-reports');
const withPolicy = (statements: object[] | null) =>
  s3Inventory([reports], { bucketPolicies: [bucketPolicy(reports, statements)] });

describe('Check: s3-bucket-tls-required', () => {
  it('fails when the bucket has no policy', () => {
    // Prepare
    const inventory = withPolicy(null);

    // Act
    const results = runCheck(s3BucketTlsRequired, inventory);

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: reports,
        message: 'S3 bucket harbor-finance-reports has no bucket policy, so it accepts plain-HTTP requests.',
      },
    ]);
  });

  it('fails when the policy has no Deny on aws:SecureTransport', () => {
    // Prepare
    const inventory = withPolicy([everyone(reports.name, 'Read', 's3:GetObject')]);

    // Act
    const [result] = runCheck(s3BucketTlsRequired, inventory);

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: reports,
      message:
        'S3 bucket harbor-finance-reports has a bucket policy without a Deny for requests where aws:SecureTransport is false.',
    });
  });

  it('fails when the Deny covers only PutObject, and says what it covers', () => {
    // Prepare
    const inventory = withPolicy([
      denyInsecureTransport(reports.name, {
        Sid: 'DenyInsecureUploads',
        Action: 's3:PutObject',
        Resource: `${reports.arn}/*`,
      }),
    ]);

    // Act
    const [result] = runCheck(s3BucketTlsRequired, inventory);

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: reports,
      message:
        'S3 bucket harbor-finance-reports denies plain HTTP only in part: statement DenyInsecureUploads (s3:PutObject on arn:aws:s3:::harbor-finance-reports/*) does not cover all S3 actions (s3:*) on the bucket and all its objects.',
    });
  });

  it('fails when the Deny covers the objects but not the bucket', () => {
    // Prepare
    const inventory = withPolicy([denyInsecureTransport(reports.name, { Resource: `${reports.arn}/*` })]);

    // Act
    const [result] = runCheck(s3BucketTlsRequired, inventory);

    // Assess
    expect(result?.status).toBe('FAIL');
  });

  it('fails when the Deny is limited to one principal', () => {
    // Prepare
    const inventory = withPolicy([
      denyInsecureTransport(reports.name, { Principal: { AWS: 'arn:aws:iam::123456789012:role/reporting' } }),
    ]);

    // Act
    const [result] = runCheck(s3BucketTlsRequired, inventory);

    // Assess
    expect(result?.status).toBe('FAIL');
  });

  it('fails when another condition narrows the Deny', () => {
    // Prepare
    const inventory = withPolicy([
      denyInsecureTransport(reports.name, {
        Condition: { Bool: { 'aws:SecureTransport': 'false' }, IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
      }),
    ]);

    // Act
    const [result] = runCheck(s3BucketTlsRequired, inventory);

    // Assess
    expect(result?.status).toBe('FAIL');
  });

  it('passes with a Deny of s3:* on the bucket and its objects when aws:SecureTransport is false', () => {
    // Prepare
    const inventory = withPolicy([everyone(reports.name, 'Read', 's3:GetObject'), denyInsecureTransport(reports.name)]);

    // Act
    const [result] = runCheck(s3BucketTlsRequired, inventory);

    // Assess
    expect(result).toEqual({
      status: 'PASS',
      resource: reports,
      message:
        'S3 bucket harbor-finance-reports denies every S3 action over plain HTTP (statement DenyInsecureTransport).',
    });
  });

  it('passes when one Deny covers the bucket and another its objects', () => {
    // Prepare
    const inventory = withPolicy([
      denyInsecureTransport(reports.name, { Sid: 'DenyHttpBucket', Resource: reports.arn }),
      denyInsecureTransport(reports.name, { Sid: 'DenyHttpObjects', Resource: `${reports.arn}/*` }),
    ]);

    // Act
    const [result] = runCheck(s3BucketTlsRequired, inventory);

    // Assess
    expect(result?.status).toBe('PASS');
    expect(result?.message).toContain('statements DenyHttpBucket and DenyHttpObjects');
  });

  it('passes with "*" actions, an {"AWS": "*"} principal and a wildcard resource', () => {
    // Prepare
    const inventory = withPolicy([
      denyInsecureTransport(reports.name, {
        Sid: undefined,
        Principal: { AWS: '*' },
        Action: '*',
        Resource: 'arn:aws:s3:::harbor-finance-*',
      }),
    ]);

    // Act
    const [result] = runCheck(s3BucketTlsRequired, inventory);

    // Assess
    expect(result?.status).toBe('PASS');
    expect(result?.message).toContain('(statement #1)');
  });

  it('produces no result for a bucket whose policy could not be collected', () => {
    // Prepare
    const inventory = s3Inventory([reports], { bucketPolicies: [] });

    // Act
    const results = runCheck(s3BucketTlsRequired, inventory);

    // Assess
    expect(results).toEqual([]);
  });
});

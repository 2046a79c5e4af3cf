import { beforeAll, describe, expect, it } from 'vitest';
import { cloudtrailTrailBucketNotPublic } from '../../../lambdas/core/checks/cloudtrail/index.js';
import type { CheckTools } from '../../../lambdas/core/checks/define-check.js';
import { cloudtrailInventory, compliantTrail, trail } from '../../fixtures/cloudtrail.js';
import { classicCloudTrail, unpinnedCloudTrail } from '../../fixtures/log-delivery.js';
import {
  ALL_BLOCKED,
  bucket,
  bucketAcl,
  bucketPolicy,
  checkTools,
  everyone,
  groupGrant,
  NOTHING_BLOCKED,
  ownershipControls,
  publicAccessBlock,
  runCheck,
  s3Inventory,
} from '../../fixtures/s3.js';

const auditBucket = bucket('harbor-cloudtrail-logs');
const euBucket = bucket('harbor-eu-audit-trail', 'eu-west-1');
const audit = compliantTrail('harbor-org-audit');
const payments = trail('harbor-eu-payments-trail', { homeRegion: 'eu-west-1', s3BucketName: euBucket.name });
let tools: CheckTools;

beforeAll(async () => {
  tools = await checkTools();
});

describe('Check: cloudtrail-trail-bucket-not-public', () => {
  it('fails when the trail bucket grants READ to AuthenticatedUsers', () => {
    // Prepare
    const s3 = s3Inventory([euBucket], {
      bucketPublicAccessBlocks: [publicAccessBlock(euBucket, NOTHING_BLOCKED)],
      bucketOwnershipControls: [ownershipControls(euBucket, 'ObjectWriter')],
      bucketAcls: [bucketAcl(euBucket, [groupGrant('AuthenticatedUsers', 'READ')])],
    });

    // Act
    const results = runCheck(cloudtrailTrailBucketNotPublic, cloudtrailInventory({ trails: [payments] }, s3), tools);

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: payments,
        message:
          'CloudTrail trail harbor-eu-payments-trail (single-region, home eu-west-1) delivers to S3 bucket harbor-eu-audit-trail, which allows public read access through the ACL grant of READ to any AWS account (AuthenticatedUsers).',
      },
    ]);
  });

  it('fails when the trail bucket policy lets everyone delete logs', () => {
    // Prepare
    const s3 = s3Inventory([auditBucket], {
      bucketPublicAccessBlocks: [publicAccessBlock(auditBucket, NOTHING_BLOCKED)],
      bucketPolicies: [bucketPolicy(auditBucket, [everyone(auditBucket.name, 'Cleanup', 's3:DeleteObject')])],
    });

    // Act
    const [result] = runCheck(cloudtrailTrailBucketNotPublic, cloudtrailInventory({ trails: [audit] }, s3), tools);

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain('allows public write access through policy statement Cleanup (s3:DeleteObject)');
  });

  it('passes when the trail bucket is private', () => {
    // Prepare
    const s3 = s3Inventory([auditBucket], { accountPublicAccessBlock: ALL_BLOCKED });

    // Act
    const results = runCheck(cloudtrailTrailBucketNotPublic, cloudtrailInventory({ trails: [audit] }, s3), tools);

    // Assess
    expect(results).toEqual([
      {
        status: 'PASS',
        resource: audit,
        message:
          'CloudTrail trail harbor-org-audit (multi-region, home us-east-1) delivers to S3 bucket harbor-cloudtrail-logs, which allows no public read or write access.',
      },
    ]);
  });

  it('fails when the trail bucket lets CloudTrail deliver for any account', () => {
    // Prepare
    const s3 = s3Inventory([auditBucket], {
      bucketPolicies: [bucketPolicy(auditBucket, unpinnedCloudTrail(auditBucket.name))],
    });

    // Act
    const [result] = runCheck(cloudtrailTrailBucketNotPublic, cloudtrailInventory({ trails: [audit] }, s3), tools);

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain(
      'allows public write access through policy statement AWSCloudTrailWrite (s3:PutObject), which lets cloudtrail.amazonaws.com act for any AWS account',
    );
  });

  it('passes with the classic CloudTrail bucket policy, whose writes are scoped to AWSLogs/<account>/', () => {
    // Prepare
    const s3 = s3Inventory([auditBucket], {
      bucketPublicAccessBlocks: [publicAccessBlock(auditBucket, NOTHING_BLOCKED)],
      bucketPolicies: [bucketPolicy(auditBucket, classicCloudTrail(auditBucket.name))],
    });

    // Act
    const [result] = runCheck(cloudtrailTrailBucketNotPublic, cloudtrailInventory({ trails: [audit] }, s3), tools);

    // Assess
    expect(result?.status).toBe('PASS');
  });

  it('produces no result when the bucket is in another account (a central log archive)', () => {
    // Prepare
    const central = compliantTrail('harbor-org-audit', { s3BucketName: 'org-log-archive-999988887777' });

    // Act
    const results = runCheck(
      cloudtrailTrailBucketNotPublic,
      cloudtrailInventory({ trails: [central] }, s3Inventory([auditBucket])),
      tools,
    );

    // Assess
    expect(results).toEqual([]);
  });

  it('reports ERROR when the bucket’s access settings could not be collected', () => {
    // Prepare
    const s3 = s3Inventory([auditBucket], { bucketAcls: [] });

    // Act
    const [result] = runCheck(cloudtrailTrailBucketNotPublic, cloudtrailInventory({ trails: [audit] }, s3), tools);

    // Assess
    expect(result?.status).toBe('ERROR');
    expect(result?.message).toContain('harbor-cloudtrail-logs, whose access settings could not be collected');
  });
});

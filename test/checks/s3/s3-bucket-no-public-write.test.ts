import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckTools } from '../../../lambdas/core/checks/define-check.js';
import { s3BucketNoPublicWrite } from '../../../lambdas/core/checks/s3/index.js';
import {
  awsConfigDelivery,
  classicCloudTrail,
  controlTowerLogArchive,
  elbAccessLogs,
  serverAccessLogs,
  unpinnedCloudTrail,
  vpcFlowLogs,
} from '../../fixtures/log-delivery.js';
import {
  bucket,
  bucketPolicy,
  checkTools,
  everyone,
  groupGrant,
  publicAccessBlock,
  runCheck,
  s3Inventory,
  unprotectedBucketInventory,
} from '../../fixtures/s3.js';

const inbox = bucket('harbor-upload-inbox', 'eu-west-1');
let tools: CheckTools;

beforeAll(async () => {
  tools = await checkTools();
});

describe('Check: s3-bucket-no-public-write', () => {
  it('fails when a policy statement lets everyone PutObject', () => {
    // Prepare
    const inventory = unprotectedBucketInventory(inbox, {
      statements: [everyone(inbox.name, 'AnonymousUploads', 's3:PutObject')],
    });

    // Act
    const results = runCheck(s3BucketNoPublicWrite, inventory, tools);

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: inbox,
        message:
          'S3 bucket harbor-upload-inbox allows public write access through policy statement AnonymousUploads (s3:PutObject).',
      },
    ]);
  });

  it.each([
    ['WRITE', 'WRITE'],
    ['WRITE_ACP', 'WRITE_ACP'],
    ['FULL_CONTROL', 'FULL_CONTROL'],
  ] as const)('fails when the ACL grants %s to AllUsers (no ownership controls: ACLs apply)', (_name, permission) => {
    // Prepare
    const inventory = unprotectedBucketInventory(inbox, {
      grants: [groupGrant('AllUsers', permission)],
      ownership: undefined,
    });

    // Act
    const [result] = runCheck(s3BucketNoPublicWrite, inventory, tools);

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain(`the ACL grant of ${permission} to everyone (AllUsers)`);
  });

  it.each([
    ['permissions management', 's3:PutBucketPolicy'],
    ['tagging', 's3:PutObjectTagging'],
    ['a wildcard', 's3:Put*'],
  ])('fails when everyone is granted %s (%s)', (_name, action) => {
    // Prepare
    const inventory = unprotectedBucketInventory(inbox, { statements: [everyone(inbox.name, 'Open', action)] });

    // Act
    const [result] = runCheck(s3BucketNoPublicWrite, inventory, tools);

    // Assess
    expect(result?.status).toBe('FAIL');
  });

  it('fails for a NotAction statement excluding only a read action', () => {
    // Prepare
    const statement = { Effect: 'Allow', Principal: { AWS: '*' }, NotAction: 's3:GetObject', Resource: '*' };
    const inventory = unprotectedBucketInventory(inbox, { statements: [statement] });

    // Act
    const [result] = runCheck(s3BucketNoPublicWrite, inventory, tools);

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain('policy statement #1 (every action except s3:GetObject)');
  });

  it('passes when everyone may only read', () => {
    // Prepare
    const inventory = unprotectedBucketInventory(inbox, {
      grants: [groupGrant('AllUsers', 'READ')],
      statements: [everyone(inbox.name, 'PublicRead', ['s3:GetObject', 's3:ListBucket'])],
    });

    // Act
    const results = runCheck(s3BucketNoPublicWrite, inventory, tools);

    // Assess
    expect(results).toEqual([
      { status: 'PASS', resource: inbox, message: 'S3 bucket harbor-upload-inbox allows no public write access.' },
    ]);
  });

  it('passes when uploads are limited to the organization', () => {
    // Prepare
    const inventory = unprotectedBucketInventory(inbox, {
      statements: [
        everyone(inbox.name, 'OrgUploads', 's3:PutObject', { StringEquals: { 'aws:PrincipalOrgID': 'o-h4rb0r2024x' } }),
      ],
    });

    // Act
    const [result] = runCheck(s3BucketNoPublicWrite, inventory, tools);

    // Assess
    expect(result?.status).toBe('PASS');
  });

  it('passes when RestrictPublicBuckets at the bucket level neutralises a public write policy', () => {
    // Prepare
    const inventory = s3Inventory([inbox], {
      bucketPublicAccessBlocks: [publicAccessBlock(inbox, { restrictPublicBuckets: true })],
      bucketPolicies: [bucketPolicy(inbox, [everyone(inbox.name, 'AnonymousUploads', 's3:PutObject')])],
    });

    // Act
    const [result] = runCheck(s3BucketNoPublicWrite, inventory, tools);

    // Assess
    expect(result?.status).toBe('PASS');
    expect(result?.message).toContain('is neutralised: RestrictPublicBuckets is on at the bucket level');
  });

  it('fails when CloudTrail may write anywhere in the bucket for any account, even with Block Public Access on', () => {
    // Prepare
    const logs = bucket('harbor-trail-logs');
    const inventory = s3Inventory([logs], { bucketPolicies: [bucketPolicy(logs, unpinnedCloudTrail(logs.name))] });

    // Act
    const results = runCheck(s3BucketNoPublicWrite, inventory, tools);

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: logs,
        message:
          'S3 bucket harbor-trail-logs allows public write access through policy statement AWSCloudTrailWrite (s3:PutObject), which lets cloudtrail.amazonaws.com act for any AWS account: no condition pins the source account; RestrictPublicBuckets does not apply to AWS service principals.',
      },
    ]);
  });

  it('fails when server access logs are pinned only by the source bucket ARN, which names no account', () => {
    // Prepare
    const logs = bucket('harbor-s3-access-logs');
    const inventory = unprotectedBucketInventory(logs, {
      statements: serverAccessLogs(logs.name, 'harbor-web-assets', { withoutPin: true }),
    });

    // Act
    const [result] = runCheck(s3BucketNoPublicWrite, inventory, tools);

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain(
      'which lets logging.s3.amazonaws.com act for any AWS account: no condition pins the source account (aws:SourceArn arn:aws:s3:::harbor-web-assets names no account)',
    );
  });

  it.each([
    ['the classic CloudTrail policy scoped to AWSLogs/<account>/', classicCloudTrail('harbor-logs')],
    ['the Control Tower log archive pinned to the organization', controlTowerLogArchive('harbor-logs', 'o-a1b2c3d4e5')],
    ['AWS Config delivery pinned with AWS:SourceAccount', awsConfigDelivery('harbor-logs')],
    ['Elastic Load Balancing access logs', elbAccessLogs('harbor-logs', 'alb')],
    ['S3 server access logging with aws:SourceAccount', serverAccessLogs('harbor-logs', 'harbor-web-assets')],
    ['VPC flow logs', vpcFlowLogs('harbor-logs')],
  ])('passes for %s, as AWS documents it, with no Block Public Access', (_label, statements) => {
    // Prepare
    const logs = bucket('harbor-logs');
    const inventory = unprotectedBucketInventory(logs, { statements, ownership: 'BucketOwnerEnforced' });

    // Act
    const [result] = runCheck(s3BucketNoPublicWrite, inventory, tools);

    // Assess
    expect(result).toEqual({
      status: 'PASS',
      resource: logs,
      message: 'S3 bucket harbor-logs allows no public write access.',
    });
  });

  it('does not count RestrictPublicBuckets against a "*" pinned only by a bucket ARN: S3 deems that policy non-public and leaves it in force', () => {
    // Prepare
    const inventory = s3Inventory([inbox], {
      bucketPublicAccessBlocks: [publicAccessBlock(inbox, { restrictPublicBuckets: true })],
      bucketPolicies: [
        bucketPolicy(inbox, [
          everyone(inbox.name, 'InventoryReports', 's3:PutObject', {
            ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::harbor-orders' },
          }),
        ]),
      ],
    });

    // Act
    const [result] = runCheck(s3BucketNoPublicWrite, inventory, tools);

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: inbox,
      message:
        'S3 bucket harbor-upload-inbox allows public write access through policy statement InventoryReports (s3:PutObject).',
    });
  });

  it('produces no result for a bucket whose policy could not be collected', () => {
    // Prepare
    const inventory = s3Inventory([inbox], { bucketPolicies: [] });

    // Act
    const results = runCheck(s3BucketNoPublicWrite, inventory, tools);

    // Assess
    expect(results).toEqual([]);
  });
});

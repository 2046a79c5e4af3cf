import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckTools } from '../../../lambdas/core/checks/define-check.js';
import { s3BucketNoPublicRead } from '../../../lambdas/core/checks/s3/index.js';
import { cloudFrontOriginAccess, controlTowerLogArchive, vpcFlowLogs } from '../../fixtures/log-delivery.js';
import {
  ALL_BLOCKED,
  bucket,
  bucketAcl,
  bucketPolicy,
  checkTools,
  denyInsecureTransport,
  everyone,
  groupGrant,
  NOTHING_BLOCKED,
  ownershipControls,
  publicAccessBlock,
  runCheck,
  s3Inventory,
  unprotectedBucketInventory,
} from '../../fixtures/s3.js';

const site = bucket('harbor-web-assets');
let tools: CheckTools;

beforeAll(async () => {
  tools = await checkTools();
});

describe('Check: s3-bucket-no-public-read', () => {
  it('fails when the ACL grants READ to AllUsers', () => {
    // Prepare
    const inventory = unprotectedBucketInventory(site, { grants: [groupGrant('AllUsers', 'READ')] });

    // Act
    const results = runCheck(s3BucketNoPublicRead, inventory, tools);

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: site,
        message:
          'S3 bucket harbor-web-assets allows public read access through the ACL grant of READ to everyone (AllUsers).',
      },
    ]);
  });

  it('fails when the ACL grants READ_ACP to AuthenticatedUsers', () => {
    // Prepare
    const inventory = unprotectedBucketInventory(site, { grants: [groupGrant('AuthenticatedUsers', 'READ_ACP')] });

    // Act
    const [result] = runCheck(s3BucketNoPublicRead, inventory, tools);

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain('READ_ACP to any AWS account (AuthenticatedUsers)');
  });

  it('passes when IgnorePublicAcls at the bucket level neutralises a public ACL, and says so', () => {
    // Prepare
    const inventory = s3Inventory([site], {
      bucketPublicAccessBlocks: [publicAccessBlock(site, ALL_BLOCKED)],
      bucketOwnershipControls: [ownershipControls(site, 'ObjectWriter')],
      bucketAcls: [bucketAcl(site, [groupGrant('AllUsers', 'READ')])],
    });

    // Act
    const results = runCheck(s3BucketNoPublicRead, inventory, tools);

    // Assess
    expect(results).toEqual([
      {
        status: 'PASS',
        resource: site,
        message:
          'S3 bucket harbor-web-assets allows no public read access (the ACL grant of READ to everyone (AllUsers) is neutralised: IgnorePublicAcls is on at the bucket level).',
      },
    ]);
  });

  it('passes when ACLs are disabled (BucketOwnerEnforced), whatever the ACL says', () => {
    // Prepare
    const inventory = s3Inventory([site], {
      bucketPublicAccessBlocks: [publicAccessBlock(site, NOTHING_BLOCKED)],
      bucketOwnershipControls: [ownershipControls(site, 'BucketOwnerEnforced')],
      bucketAcls: [bucketAcl(site, [groupGrant('AllUsers', 'FULL_CONTROL')])],
    });

    // Act
    const [result] = runCheck(s3BucketNoPublicRead, inventory, tools);

    // Assess
    expect(result?.status).toBe('PASS');
    expect(result?.message).toContain('ACLs are disabled (Object Ownership is BucketOwnerEnforced)');
  });

  it('ignores ACL grants to the log delivery group', () => {
    // Prepare
    const inventory = unprotectedBucketInventory(site, { grants: [groupGrant('LogDelivery', 'READ_ACP')] });

    // Act
    const [result] = runCheck(s3BucketNoPublicRead, inventory, tools);

    // Assess
    expect(result?.status).toBe('PASS');
  });

  it('fails when a policy statement lets everyone GetObject', () => {
    // Prepare
    const inventory = unprotectedBucketInventory(site, {
      statements: [everyone(site.name, 'PublicRead', 's3:GetObject'), denyInsecureTransport(site.name)],
    });

    // Act
    const [result] = runCheck(s3BucketNoPublicRead, inventory, tools);

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: site,
      message:
        'S3 bucket harbor-web-assets allows public read access through policy statement PublicRead (s3:GetObject).',
    });
  });

  it.each([
    ['s3:Get*', 's3:Get*'],
    ['s3:*', 's3:*'],
    ['*', '*'],
    ['s3:ListBucket', 's3:ListBucket'],
  ])('fails when everyone is granted %s', (_name, action) => {
    // Prepare
    const inventory = unprotectedBucketInventory(site, { statements: [everyone(site.name, 'Open', action)] });

    // Act
    const [result] = runCheck(s3BucketNoPublicRead, inventory, tools);

    // Assess
    expect(result?.status).toBe('FAIL');
  });

  it('fails for a NotAction statement that leaves read actions allowed', () => {
    // Prepare
    const statement = {
      Sid: 'AllButDelete',
      Effect: 'Allow',
      Principal: '*',
      NotAction: 's3:DeleteObject',
      Resource: '*',
    };
    const inventory = unprotectedBucketInventory(site, { statements: [statement] });

    // Act
    const [result] = runCheck(s3BucketNoPublicRead, inventory, tools);

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain('policy statement AllButDelete (every action except s3:DeleteObject)');
  });

  it('fails when the only condition is an open IP range', () => {
    // Prepare
    const inventory = unprotectedBucketInventory(site, {
      statements: [everyone(site.name, 'AnyIp', 's3:GetObject', { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } })],
    });

    // Act
    const [result] = runCheck(s3BucketNoPublicRead, inventory, tools);

    // Assess
    expect(result?.status).toBe('FAIL');
  });

  it('passes when a "*" grant is pinned to a VPC endpoint', () => {
    // Prepare
    const inventory = unprotectedBucketInventory(site, {
      statements: [
        everyone(site.name, 'FromVpce', 's3:GetObject', {
          StringEquals: { 'aws:SourceVpce': 'vpce-0a1b2c3d4e5f60718' },
        }),
      ],
    });

    // Act
    const [result] = runCheck(s3BucketNoPublicRead, inventory, tools);

    // Assess
    expect(result?.status).toBe('PASS');
  });

  it('passes when a public policy is neutralised by RestrictPublicBuckets at the account level', () => {
    // Prepare
    const inventory = s3Inventory([site], {
      accountPublicAccessBlock: { ...NOTHING_BLOCKED, restrictPublicBuckets: true },
      bucketPublicAccessBlocks: [publicAccessBlock(site, NOTHING_BLOCKED)],
      bucketPolicies: [bucketPolicy(site, [everyone(site.name, 'PublicRead', 's3:GetObject')])],
    });

    // Act
    const [result] = runCheck(s3BucketNoPublicRead, inventory, tools);

    // Assess
    expect(result?.status).toBe('PASS');
    expect(result?.message).toContain(
      'policy statement PublicRead (s3:GetObject) is neutralised: RestrictPublicBuckets is on at the account level',
    );
  });

  it('passes when everyone may only write', () => {
    // Prepare
    const inventory = unprotectedBucketInventory(site, {
      statements: [everyone(site.name, 'Uploads', 's3:PutObject')],
    });

    // Act
    const [result] = runCheck(s3BucketNoPublicRead, inventory, tools);

    // Assess
    expect(result?.status).toBe('PASS');
  });

  it('fails when CloudFront may read the objects for a distribution in any account', () => {
    // Prepare
    const inventory = s3Inventory([site], {
      bucketPolicies: [bucketPolicy(site, cloudFrontOriginAccess(site.name, { withoutPin: true }))],
    });

    // Act
    const [result] = runCheck(s3BucketNoPublicRead, inventory, tools);

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: site,
      message:
        'S3 bucket harbor-web-assets allows public read access through policy statement AllowCloudFrontServicePrincipalReadOnly (s3:GetObject), which lets cloudfront.amazonaws.com act for any AWS account: no condition pins the source account; RestrictPublicBuckets does not apply to AWS service principals.',
    });
  });

  it('passes when CloudFront origin access control is pinned to a distribution of this account', () => {
    // Prepare
    const inventory = unprotectedBucketInventory(site, { statements: cloudFrontOriginAccess(site.name) });

    // Act
    const [result] = runCheck(s3BucketNoPublicRead, inventory, tools);

    // Assess
    expect(result?.status).toBe('PASS');
  });

  it.each([
    [
      'Control Tower, whose ACL and existence checks carry no pin',
      controlTowerLogArchive('harbor-logs', 'o-a1b2c3d4e5'),
    ],
    ['VPC flow logs', vpcFlowLogs('harbor-logs')],
  ])(
    'passes for the log-delivery policy of %s: a service checking the bucket reads no objects',
    (_label, statements) => {
      // Prepare
      const logs = bucket('harbor-logs');
      const inventory = unprotectedBucketInventory(logs, { statements, ownership: 'BucketOwnerEnforced' });

      // Act
      const [result] = runCheck(s3BucketNoPublicRead, inventory, tools);

      // Assess
      expect(result?.status).toBe('PASS');
    },
  );

  it('produces no result for a bucket whose ACL could not be collected', () => {
    // Prepare
    const inventory = s3Inventory([site], { bucketAcls: [] });

    // Act
    const results = runCheck(s3BucketNoPublicRead, inventory, tools);

    // Assess
    expect(results).toEqual([]);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckTools } from '../../../lambdas/core/checks/define-check.js';
import { s3BucketNoPublicWrite } from '../../../lambdas/core/checks/s3/index.js';
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

  it('produces no result for a bucket whose policy could not be collected', () => {
    // Prepare
    const inventory = s3Inventory([inbox], { bucketPolicies: [] });

    // Act
    const results = runCheck(s3BucketNoPublicWrite, inventory, tools);

    // Assess
    expect(results).toEqual([]);
  });
});

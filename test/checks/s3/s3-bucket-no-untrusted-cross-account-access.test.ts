import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckTools } from '../../../lambdas/core/checks/define-check.js';
import { s3BucketNoUntrustedCrossAccountAccess } from '../../../lambdas/core/checks/s3/index.js';
import { settingsSchema } from '../../../lambdas/core/config/settings.js';
import {
  awsConfigDelivery,
  classicCloudTrail,
  controlTowerLogArchive,
  elbAccessLogs,
  serverAccessLogs,
  vpcFlowLogs,
} from '../../fixtures/log-delivery.js';
import {
  bucket,
  bucketPolicy,
  checkTools,
  everyone,
  NOTHING_BLOCKED,
  publicAccessBlock,
  runCheck,
  s3Inventory,
} from '../../fixtures/s3.js';

const exchange = bucket('harbor-partner-exchange', 'eu-west-1');
const PARTNER = '444455556666';
let tools: CheckTools;

beforeAll(async () => {
  tools = await checkTools();
});

const grantTo = (sid: string, principal: object | string, condition?: object) => ({
  Sid: sid,
  Effect: 'Allow',
  Principal: principal,
  Action: ['s3:GetObject', 's3:PutObject'],
  Resource: `${exchange.arn}/carrier/*`,
  ...(condition && { Condition: condition }),
});

/** The bucket with the given policy and no Block Public Access, so only the policy decides. */
const withPolicy = (statements: object[] | null) =>
  s3Inventory([exchange], {
    bucketPublicAccessBlocks: [publicAccessBlock(exchange, NOTHING_BLOCKED)],
    bucketPolicies: [bucketPolicy(exchange, statements)],
  });

describe('Check: s3-bucket-no-untrusted-cross-account-access', () => {
  it('fails when the policy grants an account outside trustedAccountIds', () => {
    // Prepare
    const inventory = withPolicy([grantTo('CarrierPartnerAccess', { AWS: `arn:aws:iam::${PARTNER}:root` })]);

    // Act
    const results = runCheck(s3BucketNoUntrustedCrossAccountAccess, inventory, tools);

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: exchange,
        message:
          "S3 bucket harbor-partner-exchange's bucket policy grants access to 444455556666 (statement CarrierPartnerAccess), outside this account and trustedAccountIds.",
      },
    ]);
  });

  it('passes when that account is in trustedAccountIds', () => {
    // Prepare
    const inventory = withPolicy([
      grantTo('CarrierPartnerAccess', { AWS: `arn:aws:iam::${PARTNER}:role/carrier-sync` }),
    ]);
    const settings = settingsSchema.parse({ trustedAccountIds: [PARTNER] });

    // Act
    const [result] = runCheck(s3BucketNoUntrustedCrossAccountAccess, inventory, tools, settings);

    // Assess
    expect(result?.status).toBe('PASS');
  });

  it('fails for an unrestricted "*" principal', () => {
    // Prepare
    const inventory = withPolicy([everyone(exchange.name, 'PublicRead', 's3:GetObject')]);

    // Act
    const [result] = runCheck(s3BucketNoUntrustedCrossAccountAccess, inventory, tools);

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain('grants access to everyone (statement PublicRead)');
  });

  it('fails for a "*" limited by aws:SourceAccount to an untrusted account', () => {
    // Prepare
    const inventory = withPolicy([grantTo('PartnerPipeline', '*', { StringEquals: { 'aws:SourceAccount': PARTNER } })]);

    // Act
    const [result] = runCheck(s3BucketNoUntrustedCrossAccountAccess, inventory, tools);

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain('444455556666 (statement PartnerPipeline)');
  });

  it('passes for a "*" limited by aws:PrincipalAccount to this account', () => {
    // Prepare
    const inventory = withPolicy([
      grantTo('OwnAccountOnly', '*', { StringEquals: { 'aws:PrincipalAccount': '123456789012' } }),
    ]);

    // Act
    const [result] = runCheck(s3BucketNoUntrustedCrossAccountAccess, inventory, tools);

    // Assess
    expect(result?.status).toBe('PASS');
  });

  it('passes for a "*" limited to the organization, and for service principals pinned to this account', () => {
    // Prepare
    const inventory = withPolicy([
      grantTo('OrganizationRead', '*', { StringEquals: { 'aws:PrincipalOrgID': 'o-h4rb0r2024x' } }),
      grantTo(
        'LogDelivery',
        { Service: 'logging.s3.amazonaws.com' },
        { StringEquals: { 'aws:SourceAccount': '123456789012' } },
      ),
      grantTo('OwnRole', { AWS: 'arn:aws:iam::123456789012:role/exporter' }),
    ]);

    // Act
    const results = runCheck(s3BucketNoUntrustedCrossAccountAccess, inventory, tools);

    // Assess
    expect(results).toEqual([
      {
        status: 'PASS',
        resource: exchange,
        message:
          "S3 bucket harbor-partner-exchange's bucket policy grants access only to this account, its organization, trusted accounts or AWS services.",
      },
    ]);
  });

  it('passes for an access-log bucket granting the Elastic Load Balancing log delivery account of its Region', () => {
    // Prepare
    const inventory = withPolicy([
      {
        Sid: 'AllowElbAccessLogs',
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::156460612806:root' },
        Action: 's3:PutObject',
        Resource: `${exchange.arn}/alb/AWSLogs/123456789012/*`,
      },
    ]);

    // Act
    const [result] = runCheck(s3BucketNoUntrustedCrossAccountAccess, inventory, tools);

    // Assess
    expect(result?.status).toBe('PASS');
  });

  it('passes for a "*" limited to organizational units with an aws:PrincipalOrgPaths wildcard below the organization', () => {
    // Prepare
    const inventory = withPolicy([
      grantTo('OrganizationUnitRead', '*', {
        'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': ['o-h4rb0r2024x/r-ab12/ou-ab12-11111111/*'] },
      }),
    ]);

    // Act
    const [result] = runCheck(s3BucketNoUntrustedCrossAccountAccess, inventory, tools);

    // Assess
    expect(result?.status).toBe('PASS');
  });

  it('fails for a "*" limited by an aws:PrincipalArn pattern to roles of an untrusted account', () => {
    // Prepare
    const inventory = withPolicy([
      grantTo('PartnerRoles', '*', { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${PARTNER}:role/carrier-*` } }),
    ]);

    // Act
    const [result] = runCheck(s3BucketNoUntrustedCrossAccountAccess, inventory, tools);

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain('444455556666 (statement PartnerRoles)');
  });

  it('passes for a bucket without a policy', () => {
    // Prepare
    const inventory = withPolicy(null);

    // Act
    const [result] = runCheck(s3BucketNoUntrustedCrossAccountAccess, inventory, tools);

    // Assess
    expect(result).toEqual({
      status: 'PASS',
      resource: exchange,
      message: 'S3 bucket harbor-partner-exchange has no bucket policy, so it grants no cross-account access.',
    });
  });

  it('passes when RestrictPublicBuckets blocks the cross-account grants of a public policy', () => {
    // Prepare
    const inventory = s3Inventory([exchange], {
      bucketPublicAccessBlocks: [publicAccessBlock(exchange, { restrictPublicBuckets: true })],
      bucketPolicies: [
        bucketPolicy(exchange, [
          everyone(exchange.name, 'PublicRead', 's3:GetObject'),
          grantTo('CarrierPartnerAccess', { AWS: PARTNER }),
        ]),
      ],
    });

    // Act
    const [result] = runCheck(s3BucketNoUntrustedCrossAccountAccess, inventory, tools);

    // Assess
    expect(result?.status).toBe('PASS');
    expect(result?.message).toContain('RestrictPublicBuckets limits access to this account and AWS services');
  });

  it('fails for a service principal that writes on behalf of any account: its only pin is a bucket ARN', () => {
    // Prepare
    const inventory = withPolicy(serverAccessLogs(exchange.name, 'harbor-web-assets', { withoutPin: true }));

    // Act
    const results = runCheck(s3BucketNoUntrustedCrossAccountAccess, inventory, tools);

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: exchange,
        message:
          "S3 bucket harbor-partner-exchange's bucket policy grants access to any AWS account through logging.s3.amazonaws.com (statement S3ServerAccessLogsPolicy), as no condition pins the source account (aws:SourceArn arn:aws:s3:::harbor-web-assets names no account), outside this account and trustedAccountIds.",
      },
    ]);
  });

  it('fails for an unpinned service grant even when RestrictPublicBuckets blocks a public policy: service principals are exempt', () => {
    // Prepare
    const inventory = s3Inventory([exchange], {
      bucketPublicAccessBlocks: [publicAccessBlock(exchange, { restrictPublicBuckets: true })],
      bucketPolicies: [
        bucketPolicy(exchange, [
          everyone(exchange.name, 'PublicRead', 's3:GetObject'),
          grantTo('CarrierPartnerAccess', { AWS: PARTNER }),
          grantTo('AnyTrail', { Service: 'cloudtrail.amazonaws.com' }),
        ]),
      ],
    });

    // Act
    const [result] = runCheck(s3BucketNoUntrustedCrossAccountAccess, inventory, tools);

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain('any AWS account through cloudtrail.amazonaws.com (statement AnyTrail)');
    expect(result?.message).not.toContain(PARTNER);
  });

  it.each([
    ['the classic CloudTrail policy', classicCloudTrail(exchange.name)],
    ['the Control Tower log archive', controlTowerLogArchive(exchange.name, 'o-a1b2c3d4e5')],
    ['AWS Config delivery', awsConfigDelivery(exchange.name)],
    ['Elastic Load Balancing access logs', elbAccessLogs(exchange.name, 'alb')],
    ['S3 server access logging', serverAccessLogs(exchange.name, 'harbor-web-assets')],
    ['VPC flow logs', vpcFlowLogs(exchange.name)],
  ])('passes for %s as AWS documents it', (_label, statements) => {
    // Prepare
    const inventory = withPolicy(statements);

    // Act
    const [result] = runCheck(s3BucketNoUntrustedCrossAccountAccess, inventory, tools);

    // Assess
    expect(result?.status).toBe('PASS');
  });

  it('ignores Deny statements', () => {
    // Prepare
    const inventory = withPolicy([{ ...grantTo('DenyPartner', { AWS: PARTNER }), Effect: 'Deny' }]);

    // Act
    const [result] = runCheck(s3BucketNoUntrustedCrossAccountAccess, inventory, tools);

    // Assess
    expect(result?.status).toBe('PASS');
  });

  it('produces no result for a bucket whose policy could not be collected', () => {
    // Prepare
    const inventory = s3Inventory([exchange], { bucketPolicies: [] });

    // Act
    const results = runCheck(s3BucketNoUntrustedCrossAccountAccess, inventory, tools);

    // Assess
    expect(results).toEqual([]);
  });
});

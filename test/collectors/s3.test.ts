import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketReplicationCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand,
  S3ControlClient,
} from '@aws-sdk/client-s3-control';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { regionFromLocationConstraint, s3Collectors } from '../../lambdas/core/collectors/s3.js';
import { ALL_BLOCKED, bucket, NOTHING_BLOCKED } from '../fixtures/s3.js';
import { awsError } from '../helpers/aws-errors.js';
import { runCollector } from '../helpers/collect.js';

const s3Mock = mockClient(S3Client);
const controlMock = mockClient(S3ControlClient);

const orders = bucket('harbor-orders', 'us-east-1');
const records = bucket('harbor-eu-records', 'eu-west-1');
const buckets = { 's3.buckets': [orders, records] };

/** Records which regional client each per-bucket call went through, as `<bucket>@<region>`. */
function routedCalls(): string[] {
  const calls: string[] = [];
  s3Mock.on(GetBucketVersioningCommand).callsFake(async (input: { Bucket: string }, getClient) => {
    calls.push(`${input.Bucket}@${await getClient().config.region()}`);
    return { Status: 'Enabled' };
  });
  return calls;
}

beforeEach(() => {
  s3Mock.reset();
  controlMock.reset();
});

describe('Collector: s3.buckets', () => {
  it('pages through ListBuckets with the largest page size and keeps BucketRegion', async () => {
    // Prepare
    s3Mock
      .on(ListBucketsCommand)
      .resolvesOnce({
        Buckets: [{ Name: 'harbor-orders', BucketRegion: 'us-east-1', CreationDate: new Date('2024-03-01T00:00:00Z') }],
        ContinuationToken: 'page-2',
      })
      .resolvesOnce({ Buckets: [{ Name: 'harbor-eu-records', BucketRegion: 'eu-west-1' }] });

    // Act
    const { value, issues } = await runCollector(s3Collectors['s3.buckets']);

    // Assess
    expect(issues).toEqual([]);
    expect(s3Mock).toHaveReceivedNthCommandWith(ListBucketsCommand, 1, { MaxBuckets: 10_000 });
    expect(s3Mock).toHaveReceivedNthCommandWith(ListBucketsCommand, 2, {
      MaxBuckets: 10_000,
      ContinuationToken: 'page-2',
    });
    expect(s3Mock).not.toHaveReceivedCommand(GetBucketLocationCommand);
    expect(value).toEqual([{ ...orders, createdAt: new Date('2024-03-01T00:00:00Z') }, records]);
  });

  it('falls back to GetBucketLocation only for buckets without BucketRegion', async () => {
    // Prepare
    s3Mock
      .on(ListBucketsCommand)
      .resolves({
        Buckets: [
          { Name: 'harbor-orders' },
          { Name: 'harbor-legacy-eu' },
          { Name: 'harbor-apac', BucketRegion: 'ap-southeast-1' },
        ],
      })
      .on(GetBucketLocationCommand, { Bucket: 'harbor-orders' })
      .resolves({})
      .on(GetBucketLocationCommand, { Bucket: 'harbor-legacy-eu' })
      .resolves({ LocationConstraint: 'EU' });

    // Act
    const { value } = await runCollector(s3Collectors['s3.buckets']);

    // Assess
    expect(value.map((b) => `${b.name}@${b.region}`)).toEqual([
      'harbor-orders@us-east-1',
      'harbor-legacy-eu@eu-west-1',
      'harbor-apac@ap-southeast-1',
    ]);
    expect(s3Mock).toHaveReceivedCommandTimes(GetBucketLocationCommand, 2);
  });

  it('reports a bucket whose location cannot be read and keeps the others', async () => {
    // Prepare
    s3Mock
      .on(ListBucketsCommand)
      .resolves({ Buckets: [{ Name: 'harbor-orders' }, { Name: 'harbor-eu-records', BucketRegion: 'eu-west-1' }] })
      .on(GetBucketLocationCommand)
      .rejects(awsError('rest-xml', 'AccessDenied', { message: 'Access Denied' }));

    // Act
    const { value, issues } = await runCollector(s3Collectors['s3.buckets']);

    // Assess
    expect(value).toEqual([records]);
    expect(issues).toEqual([
      {
        slice: 's3.buckets',
        region: 'us-east-1',
        resourceArn: 'arn:aws:s3:::harbor-orders',
        errorCode: 'AccessDenied',
        message: 'Access Denied',
      },
    ]);
  });

  it('throws when the listing is denied', async () => {
    // Prepare
    s3Mock.on(ListBucketsCommand).rejects(awsError('rest-xml', 'AccessDenied', { message: 'Access Denied' }));

    // Act
    const collecting = runCollector(s3Collectors['s3.buckets']);

    // Assess
    await expect(collecting).rejects.toThrow('Access Denied');
  });

  it('maps LocationConstraint to a region name', () => {
    // Prepare
    const constraints = [undefined, '', 'EU', 'eu-central-1'];

    // Act
    const regions = constraints.map(regionFromLocationConstraint);

    // Assess
    expect(regions).toEqual(['us-east-1', 'us-east-1', 'eu-west-1', 'eu-central-1']);
  });
});

describe('Collector: s3.accountPublicAccessBlock', () => {
  it('reads the account configuration through S3 Control with the account id', async () => {
    // Prepare
    controlMock.on(GetAccountPublicAccessBlockCommand).resolves({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        IgnorePublicAcls: true,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      },
    });

    // Act
    const { value } = await runCollector(s3Collectors['s3.accountPublicAccessBlock']);

    // Assess
    expect(value).toEqual(ALL_BLOCKED);
    expect(controlMock).toHaveReceivedCommandWith(GetAccountPublicAccessBlockCommand, { AccountId: '123456789012' });
  });

  it('reads "no configuration" as all four settings off', async () => {
    // Prepare
    controlMock
      .on(GetAccountPublicAccessBlockCommand)
      .rejects(awsError('rest-xml', 'NoSuchPublicAccessBlockConfiguration'));

    // Act
    const { value } = await runCollector(s3Collectors['s3.accountPublicAccessBlock']);

    // Assess
    expect(value).toEqual(NOTHING_BLOCKED);
  });

  it('throws on AccessDenied', async () => {
    // Prepare
    controlMock.on(GetAccountPublicAccessBlockCommand).rejects(awsError('rest-xml', 'AccessDenied'));

    // Act
    const collecting = runCollector(s3Collectors['s3.accountPublicAccessBlock']);

    // Assess
    await expect(collecting).rejects.toThrow('AccessDenied');
  });
});

describe('Collector: per-bucket slices', () => {
  it('sends each call with the client of the bucket’s own region', async () => {
    // Prepare
    const calls = routedCalls();

    // Act
    await runCollector(s3Collectors['s3.bucketVersioning'], { dependencies: buckets });

    // Assess
    expect(calls.sort()).toEqual(['harbor-eu-records@eu-west-1', 'harbor-orders@us-east-1']);
  });

  it('reports a bucket whose call is denied and keeps the others', async () => {
    // Prepare
    s3Mock
      .on(GetBucketPolicyCommand, { Bucket: 'harbor-orders' })
      .rejects(awsError('rest-xml', 'AccessDenied', { message: 'Access Denied' }))
      .on(GetBucketPolicyCommand, { Bucket: 'harbor-eu-records' })
      .rejects(awsError('rest-xml', 'NoSuchBucketPolicy'));

    // Act
    const { value, issues } = await runCollector(s3Collectors['s3.bucketPolicies'], { dependencies: buckets });

    // Assess
    expect(value).toEqual([{ arn: records.arn, region: 'eu-west-1', policy: null }]);
    expect(issues).toEqual([
      {
        slice: 's3.bucketPolicies',
        region: 'us-east-1',
        resourceArn: orders.arn,
        errorCode: 'AccessDenied',
        message: 'Access Denied',
      },
    ]);
  });

  it('parses bucket policies', async () => {
    // Prepare
    const policy = {
      Version: '2012-10-17',
      Statement: [{ Sid: 'Read', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }],
    };
    s3Mock.on(GetBucketPolicyCommand).resolves({ Policy: JSON.stringify(policy) });

    // Act
    const { value } = await runCollector(s3Collectors['s3.bucketPolicies'], {
      dependencies: { 's3.buckets': [orders] },
    });

    // Assess
    expect(value).toEqual([
      {
        arn: orders.arn,
        region: 'us-east-1',
        policy: {
          version: '2012-10-17',
          statements: [
            { sid: 'Read', effect: 'Allow', principal: { AWS: ['*'] }, action: ['s3:GetObject'], resource: ['*'] },
          ],
        },
      },
    ]);
  });

  it('normalises Block Public Access, reading "not configured" as all off', async () => {
    // Prepare
    s3Mock
      .on(GetPublicAccessBlockCommand, { Bucket: 'harbor-orders' })
      .resolves({ PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true } })
      .on(GetPublicAccessBlockCommand, { Bucket: 'harbor-eu-records' })
      .rejects(awsError('rest-xml', 'NoSuchPublicAccessBlockConfiguration'));

    // Act
    const { value } = await runCollector(s3Collectors['s3.bucketPublicAccessBlocks'], { dependencies: buckets });

    // Assess
    expect(value).toEqual([
      {
        arn: orders.arn,
        region: 'us-east-1',
        config: { ...NOTHING_BLOCKED, blockPublicAcls: true, ignorePublicAcls: true },
      },
      { arn: records.arn, region: 'eu-west-1', config: NOTHING_BLOCKED },
    ]);
  });

  it('normalises ACL grants', async () => {
    // Prepare
    s3Mock.on(GetBucketAclCommand).resolves({
      Owner: { ID: 'owner-canonical-id' },
      Grants: [
        { Grantee: { Type: 'CanonicalUser', ID: 'owner-canonical-id' }, Permission: 'FULL_CONTROL' },
        { Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' },
        { Grantee: { Type: 'AmazonCustomerByEmail', EmailAddress: 'ops@example.com' }, Permission: 'WRITE_ACP' },
      ],
    });

    // Act
    const { value } = await runCollector(s3Collectors['s3.bucketAcls'], { dependencies: { 's3.buckets': [orders] } });

    // Assess
    expect(value).toEqual([
      {
        arn: orders.arn,
        region: 'us-east-1',
        ownerId: 'owner-canonical-id',
        grants: [
          { granteeType: 'CanonicalUser', granteeId: 'owner-canonical-id', permission: 'FULL_CONTROL' },
          { granteeType: 'Group', granteeUri: 'http://acs.amazonaws.com/groups/global/AllUsers', permission: 'READ' },
          { granteeType: 'AmazonCustomerByEmail', granteeId: 'ops@example.com', permission: 'WRITE_ACP' },
        ],
      },
    ]);
  });

  it('normalises default encryption, reading "not found" as no rule', async () => {
    // Prepare
    s3Mock
      .on(GetBucketEncryptionCommand, { Bucket: 'harbor-orders' })
      .resolves({
        ServerSideEncryptionConfiguration: {
          Rules: [
            {
              ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: 'alias/harbor-s3-data' },
              BucketKeyEnabled: true,
            },
          ],
        },
      })
      .on(GetBucketEncryptionCommand, { Bucket: 'harbor-eu-records' })
      .rejects(awsError('rest-xml', 'ServerSideEncryptionConfigurationNotFoundError'));

    // Act
    const { value } = await runCollector(s3Collectors['s3.bucketEncryption'], { dependencies: buckets });

    // Assess
    expect(value).toEqual([
      {
        arn: orders.arn,
        region: 'us-east-1',
        rules: [{ algorithm: 'aws:kms', kmsKeyId: 'alias/harbor-s3-data', bucketKeyEnabled: true }],
      },
      { arn: records.arn, region: 'eu-west-1', rules: [] },
    ]);
  });

  it('reads a missing versioning status as never enabled', async () => {
    // Prepare
    s3Mock
      .on(GetBucketVersioningCommand, { Bucket: 'harbor-orders' })
      .resolves({ Status: 'Suspended', MFADelete: 'Enabled' })
      .on(GetBucketVersioningCommand, { Bucket: 'harbor-eu-records' })
      .resolves({});

    // Act
    const { value } = await runCollector(s3Collectors['s3.bucketVersioning'], { dependencies: buckets });

    // Assess
    expect(value).toEqual([
      { arn: orders.arn, region: 'us-east-1', status: 'Suspended', mfaDelete: true },
      { arn: records.arn, region: 'eu-west-1', status: 'Disabled', mfaDelete: false },
    ]);
  });

  it('normalises logging targets', async () => {
    // Prepare
    s3Mock
      .on(GetBucketLoggingCommand, { Bucket: 'harbor-orders' })
      .resolves({ LoggingEnabled: { TargetBucket: 'harbor-s3-access-logs', TargetPrefix: 'harbor-orders/' } })
      .on(GetBucketLoggingCommand, { Bucket: 'harbor-eu-records' })
      .resolves({});

    // Act
    const { value } = await runCollector(s3Collectors['s3.bucketLogging'], { dependencies: buckets });

    // Assess
    expect(value).toEqual([
      { arn: orders.arn, region: 'us-east-1', targetBucket: 'harbor-s3-access-logs', targetPrefix: 'harbor-orders/' },
      { arn: records.arn, region: 'eu-west-1' },
    ]);
  });

  it('reads missing ownership controls as undefined', async () => {
    // Prepare
    s3Mock
      .on(GetBucketOwnershipControlsCommand, { Bucket: 'harbor-orders' })
      .resolves({ OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } })
      .on(GetBucketOwnershipControlsCommand, { Bucket: 'harbor-eu-records' })
      .rejects(awsError('rest-xml', 'OwnershipControlsNotFoundError'));

    // Act
    const { value, issues } = await runCollector(s3Collectors['s3.bucketOwnershipControls'], { dependencies: buckets });

    // Assess
    expect(issues).toEqual([]);
    expect(value).toEqual([
      { arn: orders.arn, region: 'us-east-1', ownership: 'BucketOwnerEnforced' },
      { arn: records.arn, region: 'eu-west-1' },
    ]);
  });

  it('lists the destinations of enabled replication rules only', async () => {
    // Prepare
    s3Mock
      .on(GetBucketReplicationCommand, { Bucket: 'harbor-orders' })
      .resolves({
        ReplicationConfiguration: {
          Role: 'arn:aws:iam::123456789012:role/replication',
          Rules: [
            { Status: 'Enabled', Destination: { Bucket: 'arn:aws:s3:::harbor-dr', Account: '210987654321' } },
            { Status: 'Disabled', Destination: { Bucket: 'arn:aws:s3:::harbor-old-dr' } },
          ],
        },
      })
      .on(GetBucketReplicationCommand, { Bucket: 'harbor-eu-records' })
      .rejects(awsError('rest-xml', 'ReplicationConfigurationNotFoundError'));

    // Act
    const { value } = await runCollector(s3Collectors['s3.bucketReplication'], { dependencies: buckets });

    // Assess
    expect(value).toEqual([
      {
        arn: orders.arn,
        region: 'us-east-1',
        destinations: [{ bucketArn: 'arn:aws:s3:::harbor-dr', account: '210987654321' }],
      },
      { arn: records.arn, region: 'eu-west-1', destinations: [] },
    ]);
  });

  it('declares exactly the IAM action of each call', () => {
    // Prepare
    const collectors = Object.values(s3Collectors);

    // Act
    const actions = Object.fromEntries(collectors.map((c) => [c.key, c.actions]));

    // Assess
    expect(actions).toEqual({
      's3.buckets': ['s3:ListAllMyBuckets', 's3:GetBucketLocation'],
      's3.accountPublicAccessBlock': ['s3:GetAccountPublicAccessBlock'],
      's3.bucketPublicAccessBlocks': ['s3:GetBucketPublicAccessBlock'],
      's3.bucketAcls': ['s3:GetBucketAcl'],
      's3.bucketPolicies': ['s3:GetBucketPolicy'],
      's3.bucketEncryption': ['s3:GetEncryptionConfiguration'],
      's3.bucketVersioning': ['s3:GetBucketVersioning'],
      's3.bucketLogging': ['s3:GetBucketLogging'],
      's3.bucketOwnershipControls': ['s3:GetBucketOwnershipControls'],
      's3.bucketReplication': ['s3:GetReplicationConfiguration'],
    });
  });
});

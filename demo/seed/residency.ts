import { CreateTableCommand, DynamoDBClient, UpdateContinuousBackupsCommand } from '@aws-sdk/client-dynamodb';
import { CreateKeyCommand, EnableKeyRotationCommand, KMSClient } from '@aws-sdk/client-kms';
import {
  type BucketLocationConstraint,
  CreateBucketCommand,
  PutBucketEncryptionCommand,
  PutBucketOwnershipControlsCommand,
  PutBucketPolicyCommand,
  PutBucketReplicationCommand,
  PutBucketVersioningCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import type { ExpectedFailure, SeedContext, Seeder } from './types.js';

/**
 * A well-configured bucket, table and topic that sit in a region outside the allowed list, and a
 * bucket that replicates into that region: data residency flags them (and the buckets lack
 * server access logs).
 */
export const seedResidency: Seeder = async ({ accountId, clients }: SeedContext) => {
  const apac = 'ap-southeast-1';
  const eu = 'eu-west-1';
  const expected: ExpectedFailure[] = [];

  const kmsKey = async (region: string) => {
    const kms = clients.get(KMSClient, region);
    const key = await kms.send(new CreateKeyCommand({ Description: 'Archive encryption key' }));
    const keyId = key.KeyMetadata?.KeyId ?? '';
    await kms.send(new EnableKeyRotationCommand({ KeyId: keyId }));
    return key.KeyMetadata?.Arn ?? '';
  };

  const hardenedBucket = async (name: string, region: string, keyArn: string) => {
    const s3 = clients.get(S3Client, region);
    await s3.send(
      new CreateBucketCommand({
        Bucket: name,
        ...(region !== 'us-east-1' && {
          CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint },
        }),
        ObjectOwnership: 'BucketOwnerEnforced',
      }),
    );
    await s3.send(
      new PutPublicAccessBlockCommand({
        Bucket: name,
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          IgnorePublicAcls: true,
          BlockPublicPolicy: true,
          RestrictPublicBuckets: true,
        },
      }),
    );
    await s3.send(
      new PutBucketOwnershipControlsCommand({
        Bucket: name,
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      }),
    );
    await s3.send(new PutBucketVersioningCommand({ Bucket: name, VersioningConfiguration: { Status: 'Enabled' } }));
    await s3.send(
      new PutBucketEncryptionCommand({
        Bucket: name,
        ServerSideEncryptionConfiguration: {
          Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: keyArn } }],
        },
      }),
    );
    await s3.send(
      new PutBucketPolicyCommand({
        Bucket: name,
        Policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'DenyInsecureTransport',
              Effect: 'Deny',
              Principal: '*',
              Action: 's3:*',
              Resource: [`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`],
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            },
          ],
        }),
      }),
    );
    return `arn:aws:s3:::${name}`;
  };

  const apacKey = await kmsKey(apac);
  expected.push({ checkId: 'account-resources-in-allowed-regions', resourceArn: apacKey });
  const apacBucket = await hardenedBucket('harbor-apac-archive', apac, apacKey);
  expected.push({ checkId: 'account-resources-in-allowed-regions', resourceArn: apacBucket });
  // Archive buckets without server access logs: the one gap besides residency.
  expected.push({ checkId: 's3-bucket-access-logging-enabled', resourceArn: apacBucket });

  const euBucket = await hardenedBucket('harbor-eu-records', eu, await kmsKey(eu));
  await clients.get(S3Client, eu).send(
    new PutBucketReplicationCommand({
      Bucket: 'harbor-eu-records',
      ReplicationConfiguration: {
        Role: `arn:aws:iam::${accountId}:role/harbor-replication`,
        Rules: [
          {
            ID: 'dr-copy',
            Status: 'Enabled',
            Priority: 1,
            Filter: { Prefix: '' },
            DeleteMarkerReplication: { Status: 'Disabled' },
            Destination: { Bucket: apacBucket },
          },
        ],
      },
    }),
  );
  expected.push({ checkId: 'account-resources-in-allowed-regions', resourceArn: euBucket });
  expected.push({ checkId: 's3-bucket-access-logging-enabled', resourceArn: euBucket });

  const dynamodb = clients.get(DynamoDBClient, apac);
  const table = await dynamodb.send(
    new CreateTableCommand({
      TableName: 'harbor-apac-orders',
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'orderId', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'orderId', KeyType: 'HASH' }],
      DeletionProtectionEnabled: true,
    }),
  );
  await dynamodb.send(
    new UpdateContinuousBackupsCommand({
      TableName: 'harbor-apac-orders',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    }),
  );
  const tableArn = table.TableDescription?.TableArn ?? '';
  expected.push({ checkId: 'account-resources-in-allowed-regions', resourceArn: tableArn });
  // No AWS Backup plan exists in ap-southeast-1, so the table is also outside any backup plan.
  expected.push({ checkId: 'dynamodb-table-in-backup-plan', resourceArn: tableArn });

  // An encrypted notification topic, compliant but for its region.
  const topic = await clients
    .get(SNSClient, apac)
    .send(new CreateTopicCommand({ Name: 'harbor-apac-notifications', Attributes: { KmsMasterKeyId: apacKey } }));
  expected.push({ checkId: 'sns-topic-in-allowed-region', resourceArn: topic.TopicArn ?? '' });
  return expected;
};

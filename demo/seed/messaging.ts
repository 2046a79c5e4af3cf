import { BackupClient, ListBackupPlansCommand } from '@aws-sdk/client-backup';
import {
  CreateAccessPointCommand,
  CreateFileSystemCommand,
  DescribeBackupPolicyCommand,
  EFSClient,
  PutFileSystemPolicyCommand,
  paginateDescribeFileSystems,
} from '@aws-sdk/client-efs';
import {
  CreateSecretCommand,
  PutResourcePolicyCommand,
  RotateSecretCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { isAwsError } from '../../lambdas/core/aws/clients.js';
import { DEMO_REGIONS, type ExpectedFailure, type SeedContext, type Seeder } from './types.js';

const US = 'us-east-1';
const EU = 'eu-west-1';

const policy = (...statements: object[]): string => JSON.stringify({ Version: '2012-10-17', Statement: statements });

/** Any statement's only condition: the request did not use TLS. */
const PLAIN_HTTP = { Bool: { 'aws:SecureTransport': 'false' } };

/**
 * Harbor's messaging, secrets and shared files: an order-events topic feeding the orders queue,
 * application secrets, and an EFS file system for product media. Each check gets a compliant
 * resource and a violating twin (a leftover legacy queue, a partner API key nobody rotates, a
 * scratch file system created in a hurry).
 */
export const seedMessaging: Seeder = async ({ accountId, clients }: SeedContext) => {
  const expected: ExpectedFailure[] = [];
  const plant = (checkId: string, resourceArn: string) => expected.push({ checkId, resourceArn });

  // SNS: an encrypted topic with its default owner-only policy, and an unencrypted one S3 of any account may publish to.
  const sns = clients.get(SNSClient, US);
  await sns.send(new CreateTopicCommand({ Name: 'harbor-alerts', Attributes: { KmsMasterKeyId: 'alias/aws/sns' } }));
  const eventsArn = `arn:aws:sns:${US}:${accountId}:harbor-order-events`;
  await sns.send(
    new CreateTopicCommand({
      Name: 'harbor-order-events',
      Attributes: {
        Policy: policy({
          Sid: 'BucketNotifications',
          Effect: 'Allow',
          Principal: { Service: 's3.amazonaws.com' },
          Action: 'SNS:Publish',
          Resource: eventsArn,
        }),
      },
    }),
  );
  plant('sns-topic-encrypted-kms', eventsArn);
  plant('sns-topic-not-public', eventsArn);

  // SQS: the orders queue (SSE-SQS, TLS only, fed by the topic alone) and a legacy import queue open to anyone.
  const sqs = clients.get(SQSClient, US);
  const ordersArn = `arn:aws:sqs:${US}:${accountId}:harbor-orders-queue`;
  await sqs.send(
    new CreateQueueCommand({
      QueueName: 'harbor-orders-queue',
      Attributes: {
        SqsManagedSseEnabled: 'true',
        Policy: policy(
          {
            Sid: 'DenyPlainHttp',
            Effect: 'Deny',
            Principal: '*',
            Action: 'sqs:*',
            Resource: ordersArn,
            Condition: PLAIN_HTTP,
          },
          {
            Sid: 'OrderEvents',
            Effect: 'Allow',
            Principal: { Service: 'sns.amazonaws.com' },
            Action: 'sqs:SendMessage',
            Resource: ordersArn,
            Condition: { ArnEquals: { 'aws:SourceArn': eventsArn } },
          },
        ),
      },
    }),
  );
  const legacyArn = `arn:aws:sqs:${US}:${accountId}:harbor-legacy-import-queue`;
  await sqs.send(
    new CreateQueueCommand({
      QueueName: 'harbor-legacy-import-queue',
      Attributes: {
        SqsManagedSseEnabled: 'false',
        Policy: policy({
          Sid: 'PartnerUploads',
          Effect: 'Allow',
          Principal: '*',
          Action: 'sqs:SendMessage',
          Resource: legacyArn,
        }),
      },
    }),
  );
  plant('sqs-queue-encrypted', legacyArn);
  plant('sqs-queue-not-public', legacyArn);
  plant('sqs-queue-tls-required', legacyArn);

  // Secrets Manager: a rotated database secret, and a partner API key never rotated and readable by anyone.
  // (Dummy values: the scanner never reads them.)
  const secrets = clients.get(SecretsManagerClient, US);
  const db = await secrets.send(
    new CreateSecretCommand({ Name: 'harbor/orders-db', SecretString: '{"username":"orders","password":"demo-only"}' }),
  );
  // moto checks that a rotation function exists; rotation rules alone enable rotation there.
  await secrets.send(
    new RotateSecretCommand({
      SecretId: db.ARN,
      RotationRules: { AutomaticallyAfterDays: 30 },
      RotateImmediately: false,
    }),
  );
  const key = await secrets.send(
    new CreateSecretCommand({ Name: 'harbor/partner-api-key', SecretString: 'demo-only' }),
  );
  await secrets.send(
    new PutResourcePolicyCommand({
      SecretId: key.ARN,
      ResourcePolicy: policy({
        Sid: 'PartnerRead',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: 'secretsmanager:GetSecretValue',
        Resource: '*',
      }),
    }),
  );
  if (key.ARN) {
    plant('secretsmanager-secret-rotation-enabled', key.ARN);
    plant('secretsmanager-secret-not-public', key.ARN);
  }

  // EFS (eu-west-1): the media file system (encrypted, backed up, TLS only, mount-target access only)
  // with a confined access point, and a scratch file system with none of that.
  const efs = clients.get(EFSClient, EU);
  const media = await efs.send(
    new CreateFileSystemCommand({
      CreationToken: 'harbor-media',
      Encrypted: true,
      Backup: true,
      Tags: [{ Key: 'Name', Value: 'harbor-media' }],
    }),
  );
  await efs.send(
    new PutFileSystemPolicyCommand({
      FileSystemId: media.FileSystemId,
      Policy: policy(
        { Sid: 'EnforceTls', Effect: 'Deny', Principal: { AWS: '*' }, Action: '*', Condition: PLAIN_HTTP },
        {
          Sid: 'MountTargetsOnly',
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'],
          Condition: { Bool: { 'elasticfilesystem:AccessedViaMountTarget': 'true' } },
        },
      ),
    }),
  );
  await efs.send(
    new CreateAccessPointCommand({
      ClientToken: 'harbor-media-app',
      FileSystemId: media.FileSystemId,
      PosixUser: { Uid: 1001, Gid: 1001 },
      RootDirectory: { Path: '/media', CreationInfo: { OwnerUid: 1001, OwnerGid: 1001, Permissions: '750' } },
    }),
  );
  const scratch = await efs.send(
    new CreateFileSystemCommand({
      CreationToken: 'harbor-scratch',
      Encrypted: false,
      Backup: false,
      Tags: [{ Key: 'Name', Value: 'harbor-scratch' }],
    }),
  );
  await efs.send(
    new PutFileSystemPolicyCommand({
      FileSystemId: scratch.FileSystemId,
      Policy: policy({
        Sid: 'AnyoneMounts',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'],
      }),
    }),
  );
  const scratchPoint = await efs.send(
    new CreateAccessPointCommand({ ClientToken: 'harbor-scratch-any', FileSystemId: scratch.FileSystemId }),
  );
  if (scratch.FileSystemArn) {
    plant('efs-file-system-encrypted', scratch.FileSystemArn);
    plant('efs-file-system-tls-required', scratch.FileSystemArn);
    plant('efs-file-system-automatic-backups-enabled', scratch.FileSystemArn);
    plant('efs-file-system-not-public', scratch.FileSystemArn);
  }
  if (scratchPoint.AccessPointArn) {
    plant('efs-access-point-root-directory', scratchPoint.AccessPointArn);
    plant('efs-access-point-posix-user', scratchPoint.AccessPointArn);
  }
  return expected;
};

/**
 * The EFS backup-coverage FAILs: in a demo region without a backup plan, every file system without
 * automatic backups fails efs-file-system-in-backup-plan. Call after every seeder has run.
 */
export async function efsBackupGapFailures({ clients }: SeedContext): Promise<ExpectedFailure[]> {
  const expected: ExpectedFailure[] = [];
  for (const region of DEMO_REGIONS) {
    const { BackupPlansList } = await clients.get(BackupClient, region).send(new ListBackupPlansCommand({}));
    if ((BackupPlansList ?? []).length > 0) continue;
    const efs = clients.get(EFSClient, region);
    for await (const page of paginateDescribeFileSystems({ client: efs }, {})) {
      for (const fs of page.FileSystems ?? []) {
        const automatic = await efs
          .send(new DescribeBackupPolicyCommand({ FileSystemId: fs.FileSystemId }))
          .then(({ BackupPolicy }) => BackupPolicy?.Status === 'ENABLED')
          .catch((error: unknown) => {
            if (isAwsError(error, 'PolicyNotFound')) return false;
            throw error;
          });
        if (!automatic && fs.FileSystemArn) {
          expected.push({ checkId: 'efs-file-system-in-backup-plan', resourceArn: fs.FileSystemArn });
        }
      }
    }
  }
  return expected;
}

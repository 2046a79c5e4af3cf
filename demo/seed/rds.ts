import { BackupClient, CreateBackupPlanCommand, ListBackupPlansCommand } from '@aws-sdk/client-backup';
import {
  CreateTableCommand,
  DynamoDBClient,
  paginateListTables,
  UpdateContinuousBackupsCommand,
} from '@aws-sdk/client-dynamodb';
import {
  AuthorizeSecurityGroupIngressCommand,
  CreateSecurityGroupCommand,
  CreateVolumeCommand,
  DescribeVolumesCommand,
  DescribeVpcsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import {
  CreateDBClusterCommand,
  type CreateDBClusterCommandInput,
  CreateDBClusterSnapshotCommand,
  CreateDBInstanceCommand,
  type CreateDBInstanceCommandInput,
  CreateDBInstanceReadReplicaCommand,
  CreateDBSnapshotCommand,
  DescribeDBInstancesCommand,
  ModifyDBClusterSnapshotAttributeCommand,
  ModifyDBSnapshotAttributeCommand,
  RDSClient,
} from '@aws-sdk/client-rds';
import { DEMO_REGIONS, type ExpectedFailure, type SeedContext, type Seeder } from './types.js';

const US = 'us-east-1';
const EU = 'eu-west-1';

/** The region of the demo's only backup plan; moto cannot store its resource assignment (see below). */
const BACKUP_PLAN_REGION = US;

/** The auditors' AWS account a pre-upgrade snapshot is shared with (named sharing, not public). */
const AUDITOR_ACCOUNT = '210987654321';

const MASTER = { MasterUsername: 'harbor_admin', MasterUserPassword: 'demo-only-Passw0rd!' };

/** A database instance as a careful team configures it; each demo instance overrides what its team got wrong. */
const hardened = (id: string, engine: string, overrides: Partial<CreateDBInstanceCommandInput>) => ({
  DBInstanceIdentifier: id,
  Engine: engine,
  DBInstanceClass: 'db.m6g.large',
  AllocatedStorage: 100,
  ...MASTER,
  PubliclyAccessible: false,
  StorageEncrypted: true,
  BackupRetentionPeriod: 14,
  DeletionProtection: true,
  MultiAZ: true,
  AutoMinorVersionUpgrade: true,
  EnableIAMDatabaseAuthentication: true,
  ...overrides,
});

const hardenedCluster = (id: string, engine: string, overrides: Partial<CreateDBClusterCommandInput>) => ({
  DBClusterIdentifier: id,
  Engine: engine,
  ...MASTER,
  StorageEncrypted: true,
  DeletionProtection: true,
  BackupRetentionPeriod: 14,
  EnableIAMDatabaseAuthentication: true,
  ...overrides,
});

async function securityGroup(
  ec2: EC2Client,
  name: string,
  description: string,
  port: number,
  cidr: string,
): Promise<string> {
  const { Vpcs } = await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }));
  const { GroupId } = await ec2.send(
    new CreateSecurityGroupCommand({ GroupName: name, Description: description, VpcId: Vpcs?.[0]?.VpcId }),
  );
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({
      GroupId,
      IpPermissions: [
        { IpProtocol: 'tcp', FromPort: port, ToPort: port, IpRanges: [{ CidrIp: cidr, Description: description }] },
      ],
    }),
  );
  return GroupId ?? '';
}

/** A DynamoDB table configured to pass every table check except, for untagged ones, backup coverage. */
async function table(dynamodb: DynamoDBClient, name: string, tags: Record<string, string>): Promise<void> {
  await dynamodb.send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      DeletionProtectionEnabled: true,
      Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
    }),
  );
  await dynamodb.send(
    new UpdateContinuousBackupsCommand({
      TableName: name,
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    }),
  );
}

async function volume(ec2: EC2Client, region: string, name: string, tags: Record<string, string>): Promise<void> {
  await ec2.send(
    new CreateVolumeCommand({
      AvailabilityZone: `${region}a`,
      Size: 50,
      VolumeType: 'gp3',
      Encrypted: true,
      TagSpecifications: [
        {
          ResourceType: 'volume',
          Tags: Object.entries({ Name: name, ...tags }).map(([Key, Value]) => ({ Key, Value })),
        },
      ],
    }),
  );
}

/**
 * Harbor's databases and backups. us-east-1 holds the main workloads: a legacy MySQL server
 * that breaks nearly every rule, a hardened PostgreSQL database, an analytics MySQL instance
 * with weak backups, logging and availability, an Oracle billing database (no IAM
 * authentication exists for Oracle), an encrypted Aurora PostgreSQL ledger whose instance-level
 * fields are irrelevant, and an unencrypted Aurora MySQL event store; a public and a private
 * manual snapshot of each kind. eu-west-1 holds the CRM database and its read replica (which
 * needs no backups of its own). One backup plan exists, in us-east-1, meant to pick resources
 * tagged backup=daily; eu-west-1 has none.
 *
 * moto (5.2) implements CreateBackupPlan and ListBackupPlans but not CreateBackupSelection,
 * ListBackupSelections or GetBackupSelection. The plan's resource assignment therefore cannot
 * be created, and collecting backup.plans fails in us-east-1: the engine reports the four
 * backup checks as ERROR there, so no backup FAIL is expected in us-east-1. In regions without
 * a plan the slice collects fine and every resource FAILs.
 */
export const seedRds: Seeder = async ({ accountId, clients }: SeedContext) => {
  const expected: ExpectedFailure[] = [];
  const planted = (resourceArn: string, ...checkIds: string[]) => {
    for (const checkId of checkIds) expected.push({ checkId, resourceArn });
  };
  const arn = (region: string, kind: string, id: string) => `arn:aws:rds:${region}:${accountId}:${kind}:${id}`;
  const rds = clients.get(RDSClient, US);
  const ec2 = clients.get(EC2Client, US);

  const instances = async () => {
    // Security groups: the legacy server is reachable from the office network only, so its
    // public endpoint is one rule change away from the internet; the others from the VPC.
    const legacyGroup = await securityGroup(
      ec2,
      'harbor-legacy-db',
      'MySQL from the office VPN',
      3306,
      '203.0.113.0/24',
    );
    const appGroup = await securityGroup(ec2, 'harbor-app-db', 'Databases from the app subnets', 5432, '172.31.0.0/16');

    // us-east-1 instances.
    await rds.send(
      new CreateDBInstanceCommand(
        hardened('harbor-legacy-mysql', 'mysql', {
          EngineVersion: '8.0.35',
          DBInstanceClass: 'db.t3.medium',
          VpcSecurityGroupIds: [legacyGroup],
          PubliclyAccessible: true,
          StorageEncrypted: false,
          BackupRetentionPeriod: 0,
          DeletionProtection: false,
          MultiAZ: false,
          AutoMinorVersionUpgrade: false,
          EnableIAMDatabaseAuthentication: false,
          Tags: [{ Key: 'team', Value: 'platform' }],
        }),
      ),
    );
    planted(
      arn(US, 'db', 'harbor-legacy-mysql'),
      'rds-instance-not-public',
      'rds-instance-storage-encrypted',
      'rds-instance-backup-enabled',
      'rds-instance-deletion-protection',
      'rds-instance-multi-az',
      'rds-instance-minor-upgrade-enabled',
      'rds-instance-iam-auth-enabled',
      'rds-instance-logs-exported',
    );

    await rds.send(
      new CreateDBInstanceCommand(
        hardened('harbor-orders-pg', 'postgres', {
          EngineVersion: '16.4',
          VpcSecurityGroupIds: [appGroup],
          EnableCloudwatchLogsExports: ['postgresql', 'upgrade'],
          Tags: [
            { Key: 'team', Value: 'orders' },
            { Key: 'backup', Value: 'daily' },
          ],
        }),
      ),
    );

    await rds.send(
      new CreateDBInstanceCommand(
        hardened('harbor-analytics-mysql', 'mysql', {
          EngineVersion: '8.0.35',
          VpcSecurityGroupIds: [appGroup],
          BackupRetentionPeriod: 3,
          MultiAZ: false,
          EnableCloudwatchLogsExports: ['error', 'slowquery'],
          Tags: [{ Key: 'team', Value: 'analytics' }],
        }),
      ),
    );
    planted(
      arn(US, 'db', 'harbor-analytics-mysql'),
      'rds-instance-backup-enabled',
      'rds-instance-multi-az',
      'rds-instance-logs-exported',
    );

    // Oracle has no IAM database authentication: the IAM check does not apply to it.
    await rds.send(
      new CreateDBInstanceCommand(
        hardened('harbor-billing-oracle', 'oracle-se2', {
          LicenseModel: 'license-included',
          VpcSecurityGroupIds: [appGroup],
          EnableIAMDatabaseAuthentication: false,
          EnableCloudwatchLogsExports: ['alert', 'audit', 'listener', 'trace'],
          Tags: [
            { Key: 'team', Value: 'finance' },
            { Key: 'backup', Value: 'daily' },
          ],
        }),
      ),
    );

    // Manual snapshots: a public, unencrypted pre-migration dump of the legacy server; a
    // pre-upgrade snapshot shared with the auditors' account only (not public); an unencrypted
    // export of the event store; an encrypted ledger copy made public by mistake.
    await rds.send(
      new CreateDBSnapshotCommand({
        DBInstanceIdentifier: 'harbor-legacy-mysql',
        DBSnapshotIdentifier: 'harbor-legacy-mysql-premigration',
      }),
    );
    await rds.send(
      new ModifyDBSnapshotAttributeCommand({
        DBSnapshotIdentifier: 'harbor-legacy-mysql-premigration',
        AttributeName: 'restore',
        ValuesToAdd: ['all'],
      }),
    );
    planted(
      arn(US, 'snapshot', 'harbor-legacy-mysql-premigration'),
      'rds-snapshot-not-public',
      'rds-snapshot-encrypted',
    );

    await rds.send(
      new CreateDBSnapshotCommand({
        DBInstanceIdentifier: 'harbor-orders-pg',
        DBSnapshotIdentifier: 'harbor-orders-pg-pre-upgrade',
      }),
    );
    await rds.send(
      new ModifyDBSnapshotAttributeCommand({
        DBSnapshotIdentifier: 'harbor-orders-pg-pre-upgrade',
        AttributeName: 'restore',
        ValuesToAdd: [AUDITOR_ACCOUNT],
      }),
    );
  };

  const clusters = async () => {
    // Aurora: the ledger cluster holds encryption, retention, deletion protection, IAM
    // authentication and log exports; its instance reports its own (meaningless) values for them.
    await rds.send(
      new CreateDBClusterCommand(
        hardenedCluster('harbor-ledger', 'aurora-postgresql', {
          EnableCloudwatchLogsExports: ['postgresql'],
          Tags: [
            { Key: 'team', Value: 'finance' },
            { Key: 'backup', Value: 'daily' },
          ],
        }),
      ),
    );
    await rds.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: 'harbor-ledger-1',
        DBClusterIdentifier: 'harbor-ledger',
        Engine: 'aurora-postgresql',
        DBInstanceClass: 'db.r6g.large',
        PubliclyAccessible: false,
        AutoMinorVersionUpgrade: true,
      }),
    );

    await rds.send(
      new CreateDBClusterCommand(
        hardenedCluster('harbor-events', 'aurora-mysql', {
          StorageEncrypted: false,
          DeletionProtection: false,
          EnableCloudwatchLogsExports: ['audit', 'error', 'general', 'slowquery'],
          Tags: [{ Key: 'team', Value: 'platform' }],
        }),
      ),
    );
    planted(arn(US, 'cluster', 'harbor-events'), 'rds-cluster-storage-encrypted', 'rds-cluster-deletion-protection');

    await rds.send(
      new CreateDBClusterSnapshotCommand({
        DBClusterIdentifier: 'harbor-events',
        DBClusterSnapshotIdentifier: 'harbor-events-nightly-export',
      }),
    );
    planted(arn(US, 'cluster-snapshot', 'harbor-events-nightly-export'), 'rds-snapshot-encrypted');

    await rds.send(
      new CreateDBClusterSnapshotCommand({
        DBClusterIdentifier: 'harbor-ledger',
        DBClusterSnapshotIdentifier: 'harbor-ledger-auditor-copy',
      }),
    );
    await rds.send(
      new ModifyDBClusterSnapshotAttributeCommand({
        DBClusterSnapshotIdentifier: 'harbor-ledger-auditor-copy',
        AttributeName: 'restore',
        ValuesToAdd: ['all'],
      }),
    );
    planted(arn(US, 'cluster-snapshot', 'harbor-ledger-auditor-copy'), 'rds-snapshot-not-public');
  };

  const europe = async () => {
    // eu-west-1: the CRM database (minor upgrades switched off "until after the migration") and
    // its read replica, which keeps no backups of its own (its source does).
    const euRds = clients.get(RDSClient, EU);
    await euRds.send(
      new CreateDBInstanceCommand(
        hardened('harbor-eu-crm-pg', 'postgres', {
          EngineVersion: '16.4',
          BackupRetentionPeriod: 7,
          AutoMinorVersionUpgrade: false,
          EnableCloudwatchLogsExports: ['postgresql', 'upgrade'],
          Tags: [{ Key: 'team', Value: 'crm' }],
        }),
      ),
    );
    await euRds.send(
      new CreateDBInstanceReadReplicaCommand({
        DBInstanceIdentifier: 'harbor-eu-crm-pg-reporting',
        SourceDBInstanceIdentifier: 'harbor-eu-crm-pg',
        DBInstanceClass: 'db.m6g.large',
        PubliclyAccessible: false,
        MultiAZ: true,
        AutoMinorVersionUpgrade: true,
        EnableIAMDatabaseAuthentication: true,
        DeletionProtection: true,
        EnableCloudwatchLogsExports: ['postgresql', 'upgrade'],
      }),
    );
    planted(arn(EU, 'db', 'harbor-eu-crm-pg'), 'rds-instance-minor-upgrade-enabled', 'rds-instance-in-backup-plan');
    planted(arn(EU, 'db', 'harbor-eu-crm-pg-reporting'), 'rds-instance-in-backup-plan');
  };

  const backups = async () => {
    // Backup: one plan in us-east-1. Its assignment of resources tagged backup=daily would cover
    // harbor-orders-pg, harbor-billing-oracle, the ledger cluster (and so harbor-ledger-1), the
    // shipments table and the EDI archive volume, and leave the rest uncovered; moto cannot
    // create it (no CreateBackupSelection), so it is not attempted.
    await clients.get(BackupClient, BACKUP_PLAN_REGION).send(
      new CreateBackupPlanCommand({
        BackupPlan: {
          BackupPlanName: 'harbor-daily',
          Rules: [
            {
              RuleName: 'daily-35-days',
              TargetBackupVaultName: 'Default',
              ScheduleExpression: 'cron(0 5 * * ? *)',
              Lifecycle: { DeleteAfterDays: 35 },
            },
          ],
        },
      }),
    );
    const dynamodb = clients.get(DynamoDBClient, US);
    await table(dynamodb, 'harbor-shipments', { team: 'orders', backup: 'daily' });
    await table(dynamodb, 'harbor-rate-cache', { team: 'orders' });
    await volume(ec2, US, 'harbor-edi-archive', { team: 'integrations', backup: 'daily' });
    await volume(ec2, US, 'harbor-build-scratch', { team: 'platform' });
  };

  // Independent groups run side by side to keep the demo's seeding short.
  await Promise.all([instances(), clusters(), europe(), backups()]);
  for (const region of DEMO_REGIONS.filter((r) => r !== BACKUP_PLAN_REGION)) {
    planted(`arn:aws:backup:${region}:${accountId}:account`, 'account-backup-plan-exists');
  }
  return expected;
};

/**
 * The backup-coverage FAILs for resources other seeders create. In a demo region without a
 * backup plan, every DynamoDB table, EBS volume and RDS instance fails its "in backup plan"
 * check, whoever created it. Call after every seeder has run; the result overlaps the list
 * `seedRds` returns (compare as a set).
 */
export async function backupGapFailures({ accountId, clients }: SeedContext): Promise<ExpectedFailure[]> {
  const expected: ExpectedFailure[] = [];
  for (const region of DEMO_REGIONS) {
    const { BackupPlansList } = await clients.get(BackupClient, region).send(new ListBackupPlansCommand({}));
    if ((BackupPlansList ?? []).length > 0) continue;

    for await (const page of paginateListTables({ client: clients.get(DynamoDBClient, region) }, {})) {
      for (const name of page.TableNames ?? []) {
        expected.push({
          checkId: 'dynamodb-table-in-backup-plan',
          resourceArn: `arn:aws:dynamodb:${region}:${accountId}:table/${name}`,
        });
      }
    }
    const { Volumes } = await clients.get(EC2Client, region).send(new DescribeVolumesCommand({}));
    for (const { VolumeId } of Volumes ?? []) {
      expected.push({
        checkId: 'ec2-ebs-volume-in-backup-plan',
        resourceArn: `arn:aws:ec2:${region}:${accountId}:volume/${VolumeId}`,
      });
    }
    const { DBInstances } = await clients.get(RDSClient, region).send(new DescribeDBInstancesCommand({}));
    for (const { DBInstanceArn } of DBInstances ?? []) {
      if (DBInstanceArn) expected.push({ checkId: 'rds-instance-in-backup-plan', resourceArn: DBInstanceArn });
    }
  }
  return expected;
}

import {
  DescribeDBClusterSnapshotAttributesCommand,
  DescribeDBClusterSnapshotsCommand,
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  DescribeDBSnapshotAttributesCommand,
  DescribeDBSnapshotsCommand,
  RDSClient,
} from '@aws-sdk/client-rds';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { rdsCollectors } from '../../lambdas/core/collectors/rds.js';
import { awsError } from '../helpers/aws-errors.js';
import { runCollector } from '../helpers/collect.js';

const rdsMock = mockClient(RDSClient);

const arn = (kind: string, id: string, region = 'eu-west-1') => `arn:aws:rds:${region}:123456789012:${kind}:${id}`;

beforeEach(() => {
  rdsMock.reset();
});

describe('Collector: rds.instances', () => {
  it('pages through DescribeDBInstances 100 at a time and normalises each instance', async () => {
    // Prepare
    rdsMock
      .on(DescribeDBInstancesCommand)
      .resolvesOnce({
        Marker: 'page-2',
        DBInstances: [
          {
            DBInstanceIdentifier: 'orders-db',
            DBInstanceArn: arn('db', 'orders-db'),
            Engine: 'postgres',
            EngineVersion: '16.4',
            DBInstanceClass: 'db.m6g.large',
            DBInstanceStatus: 'available',
            PubliclyAccessible: false,
            StorageEncrypted: true,
            KmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/k1',
            BackupRetentionPeriod: 14,
            DeletionProtection: true,
            MultiAZ: true,
            AutoMinorVersionUpgrade: true,
            IAMDatabaseAuthenticationEnabled: true,
            EnabledCloudwatchLogsExports: ['postgresql'],
            VpcSecurityGroups: [{ VpcSecurityGroupId: 'sg-1', Status: 'active' }],
            DBSubnetGroup: {
              VpcId: 'vpc-1',
              Subnets: [{ SubnetIdentifier: 'subnet-a' }, { SubnetIdentifier: 'subnet-b' }],
            },
            Endpoint: { Address: 'orders-db.example.eu-west-1.rds.amazonaws.com', Port: 5432 },
            TagList: [{ Key: 'backup', Value: 'daily' }],
          },
        ],
      })
      .resolvesOnce({
        DBInstances: [
          {
            DBInstanceIdentifier: 'ledger-1',
            DBInstanceArn: arn('db', 'ledger-1'),
            Engine: 'aurora-mysql',
            DBClusterIdentifier: 'ledger',
            DbInstancePort: 3306,
          },
          {
            DBInstanceIdentifier: 'orders-db-replica',
            DBInstanceArn: arn('db', 'orders-db-replica'),
            Engine: 'postgres',
            ReadReplicaSourceDBInstanceIdentifier: 'orders-db',
          },
        ],
      });

    // Act
    const { value, issues } = await runCollector(rdsCollectors['rds.instances'], { region: 'eu-west-1' });

    // Assess
    expect(issues).toEqual([]);
    expect(rdsMock).toHaveReceivedNthCommandWith(DescribeDBInstancesCommand, 1, { MaxRecords: 100 });
    expect(rdsMock).toHaveReceivedNthCommandWith(DescribeDBInstancesCommand, 2, { MaxRecords: 100, Marker: 'page-2' });
    expect(value).toEqual([
      {
        arn: arn('db', 'orders-db'),
        id: 'orders-db',
        region: 'eu-west-1',
        accountId: '123456789012',
        tags: { backup: 'daily' },
        engine: 'postgres',
        engineVersion: '16.4',
        instanceClass: 'db.m6g.large',
        status: 'available',
        publiclyAccessible: false,
        storageEncrypted: true,
        kmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/k1',
        backupRetentionPeriod: 14,
        deletionProtection: true,
        multiAz: true,
        autoMinorVersionUpgrade: true,
        iamDatabaseAuthenticationEnabled: true,
        enabledCloudwatchLogsExports: ['postgresql'],
        vpcSecurityGroupIds: ['sg-1'],
        vpcId: 'vpc-1',
        subnetIds: ['subnet-a', 'subnet-b'],
        port: 5432,
      },
      {
        arn: arn('db', 'ledger-1'),
        id: 'ledger-1',
        region: 'eu-west-1',
        accountId: '123456789012',
        tags: {},
        engine: 'aurora-mysql',
        publiclyAccessible: false,
        storageEncrypted: false,
        backupRetentionPeriod: 0,
        deletionProtection: false,
        multiAz: false,
        autoMinorVersionUpgrade: false,
        iamDatabaseAuthenticationEnabled: false,
        enabledCloudwatchLogsExports: [],
        clusterIdentifier: 'ledger',
        vpcSecurityGroupIds: [],
        subnetIds: [],
        port: 3306,
      },
      expect.objectContaining({ id: 'orders-db-replica', readReplicaSource: 'orders-db' }),
    ]);
  });

  it('leaves out DocumentDB and Neptune instances, which share the RDS API', async () => {
    // Prepare
    rdsMock.on(DescribeDBInstancesCommand).resolves({
      DBInstances: [
        { DBInstanceIdentifier: 'docs-1', DBInstanceArn: arn('db', 'docs-1'), Engine: 'docdb' },
        { DBInstanceIdentifier: 'graph-1', DBInstanceArn: arn('db', 'graph-1'), Engine: 'neptune' },
        { DBInstanceIdentifier: 'crm-db', DBInstanceArn: arn('db', 'crm-db'), Engine: 'mariadb' },
      ],
    });

    // Act
    const { value } = await runCollector(rdsCollectors['rds.instances'], { region: 'eu-west-1' });

    // Assess
    expect(value.map((db) => db.id)).toEqual(['crm-db']);
  });

  it('throws when the listing is denied, so the engine records the region as failed', async () => {
    // Prepare
    rdsMock.on(DescribeDBInstancesCommand).rejects(awsError('query', 'AccessDenied', { message: 'not authorized' }));

    // Act
    const collecting = runCollector(rdsCollectors['rds.instances'], { region: 'eu-west-1' });

    // Assess
    await expect(collecting).rejects.toThrow('not authorized');
  });

  it('calls the region it collects', async () => {
    // Prepare
    rdsMock.on(DescribeDBInstancesCommand).resolves({ DBInstances: [] });

    // Act
    await runCollector(rdsCollectors['rds.instances'], { region: 'ap-southeast-1' });

    // Assess
    const call = rdsMock.commandCalls(DescribeDBInstancesCommand)[0];
    expect(await call?.thisValue.config.region()).toBe('ap-southeast-1');
  });
});

describe('Collector: rds.clusters', () => {
  it('pages through DescribeDBClusters and normalises each cluster', async () => {
    // Prepare
    rdsMock
      .on(DescribeDBClustersCommand)
      .resolvesOnce({
        Marker: 'next',
        DBClusters: [
          {
            DBClusterIdentifier: 'ledger',
            DBClusterArn: arn('cluster', 'ledger'),
            Engine: 'aurora-postgresql',
            StorageEncrypted: true,
            KmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/k2',
            DeletionProtection: true,
            MultiAZ: true,
            BackupRetentionPeriod: 7,
            IAMDatabaseAuthenticationEnabled: true,
            EnabledCloudwatchLogsExports: ['postgresql'],
            DBClusterMembers: [{ DBInstanceIdentifier: 'ledger-1' }, { DBInstanceIdentifier: 'ledger-2' }],
            TagList: [{ Key: 'backup', Value: 'daily' }],
          },
        ],
      })
      .resolvesOnce({
        DBClusters: [
          { DBClusterIdentifier: 'docs', DBClusterArn: arn('cluster', 'docs'), Engine: 'docdb' },
          { DBClusterIdentifier: 'events', DBClusterArn: arn('cluster', 'events'), Engine: 'aurora-mysql' },
        ],
      });

    // Act
    const { value } = await runCollector(rdsCollectors['rds.clusters'], { region: 'eu-west-1' });

    // Assess
    expect(rdsMock).toHaveReceivedNthCommandWith(DescribeDBClustersCommand, 2, { MaxRecords: 100, Marker: 'next' });
    expect(value).toEqual([
      {
        arn: arn('cluster', 'ledger'),
        id: 'ledger',
        region: 'eu-west-1',
        accountId: '123456789012',
        tags: { backup: 'daily' },
        engine: 'aurora-postgresql',
        storageEncrypted: true,
        kmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/k2',
        deletionProtection: true,
        multiAz: true,
        backupRetentionPeriod: 7,
        iamDatabaseAuthenticationEnabled: true,
        enabledCloudwatchLogsExports: ['postgresql'],
        memberInstanceIds: ['ledger-1', 'ledger-2'],
      },
      {
        arn: arn('cluster', 'events'),
        id: 'events',
        region: 'eu-west-1',
        accountId: '123456789012',
        tags: {},
        engine: 'aurora-mysql',
        storageEncrypted: false,
        deletionProtection: false,
        multiAz: false,
        backupRetentionPeriod: 0,
        iamDatabaseAuthenticationEnabled: false,
        enabledCloudwatchLogsExports: [],
        memberInstanceIds: [],
      },
    ]);
  });
});

describe('Collector: rds.snapshots', () => {
  it('reads the restore attribute of manual snapshots only and pages 100 at a time', async () => {
    // Prepare
    rdsMock
      .on(DescribeDBSnapshotsCommand)
      .resolvesOnce({
        Marker: 'm2',
        DBSnapshots: [
          {
            DBSnapshotIdentifier: 'legacy-migration',
            DBSnapshotArn: arn('snapshot', 'legacy-migration'),
            SnapshotType: 'manual',
            Encrypted: false,
            Engine: 'mysql',
            DBInstanceIdentifier: 'legacy-db',
          },
          {
            DBSnapshotIdentifier: 'rds:orders-db-2026-11-20-03-10',
            DBSnapshotArn: arn('snapshot', 'rds:orders-db-2026-11-20-03-10'),
            SnapshotType: 'automated',
            Encrypted: true,
            Engine: 'postgres',
          },
        ],
      })
      .resolvesOnce({
        DBSnapshots: [
          {
            DBSnapshotIdentifier: 'orders-pre-upgrade',
            DBSnapshotArn: arn('snapshot', 'orders-pre-upgrade'),
            SnapshotType: 'manual',
            Encrypted: true,
            Engine: 'postgres',
            TagList: [{ Key: 'purpose', Value: 'upgrade' }],
          },
        ],
      })
      .on(DescribeDBSnapshotAttributesCommand, { DBSnapshotIdentifier: 'legacy-migration' })
      .resolves({
        DBSnapshotAttributesResult: {
          DBSnapshotIdentifier: 'legacy-migration',
          DBSnapshotAttributes: [{ AttributeName: 'restore', AttributeValues: ['all', '210987654321'] }],
        },
      })
      .on(DescribeDBSnapshotAttributesCommand, { DBSnapshotIdentifier: 'orders-pre-upgrade' })
      .resolves({
        DBSnapshotAttributesResult: { DBSnapshotAttributes: [{ AttributeName: 'restore', AttributeValues: [] }] },
      });

    // Act
    const { value, issues } = await runCollector(rdsCollectors['rds.snapshots'], { region: 'eu-west-1' });

    // Assess
    expect(issues).toEqual([]);
    expect(rdsMock).toHaveReceivedNthCommandWith(DescribeDBSnapshotsCommand, 1, { MaxRecords: 100 });
    expect(rdsMock).toHaveReceivedNthCommandWith(DescribeDBSnapshotsCommand, 2, { MaxRecords: 100, Marker: 'm2' });
    expect(rdsMock).toHaveReceivedCommandTimes(DescribeDBSnapshotAttributesCommand, 2);
    expect(value).toEqual([
      {
        arn: arn('snapshot', 'legacy-migration'),
        id: 'legacy-migration',
        region: 'eu-west-1',
        accountId: '123456789012',
        tags: {},
        snapshotType: 'manual',
        encrypted: false,
        instanceIdentifier: 'legacy-db',
        public: true,
        sharedWithAccounts: ['210987654321'],
      },
      expect.objectContaining({
        id: 'rds:orders-db-2026-11-20-03-10',
        snapshotType: 'automated',
        public: false,
        sharedWithAccounts: [],
      }),
      expect.objectContaining({
        id: 'orders-pre-upgrade',
        tags: { purpose: 'upgrade' },
        public: false,
        sharedWithAccounts: [],
      }),
    ]);
  });

  it('reports a snapshot whose attributes are denied, leaves it out and keeps the others', async () => {
    // Prepare
    rdsMock
      .on(DescribeDBSnapshotsCommand)
      .resolves({
        DBSnapshots: [
          { DBSnapshotIdentifier: 'a', DBSnapshotArn: arn('snapshot', 'a'), SnapshotType: 'manual', Engine: 'mysql' },
          { DBSnapshotIdentifier: 'b', DBSnapshotArn: arn('snapshot', 'b'), SnapshotType: 'manual', Engine: 'mysql' },
        ],
      })
      .on(DescribeDBSnapshotAttributesCommand, { DBSnapshotIdentifier: 'a' })
      .rejects(awsError('query', 'AccessDenied', { message: 'denied on a' }))
      .on(DescribeDBSnapshotAttributesCommand, { DBSnapshotIdentifier: 'b' })
      .resolves({ DBSnapshotAttributesResult: { DBSnapshotAttributes: [] } });

    // Act
    const { value, issues } = await runCollector(rdsCollectors['rds.snapshots'], { region: 'eu-west-1' });

    // Assess
    expect(value.map((s) => s.id)).toEqual(['b']);
    expect(issues).toEqual([
      {
        slice: 'rds.snapshots',
        region: 'eu-west-1',
        resourceArn: arn('snapshot', 'a'),
        errorCode: 'AccessDenied',
        message: 'denied on a',
      },
    ]);
  });

  it('throws when the snapshot listing is denied', async () => {
    // Prepare
    rdsMock
      .on(DescribeDBSnapshotsCommand)
      .rejects(awsError('query', 'AccessDenied', { message: 'no snapshots for you' }));

    // Act
    const collecting = runCollector(rdsCollectors['rds.snapshots'], { region: 'eu-west-1' });

    // Assess
    await expect(collecting).rejects.toThrow('no snapshots for you');
  });
});

describe('Collector: rds.clusterSnapshots', () => {
  it('reads the restore attribute of manual cluster snapshots and normalises them', async () => {
    // Prepare
    rdsMock
      .on(DescribeDBClusterSnapshotsCommand)
      .resolves({
        DBClusterSnapshots: [
          {
            DBClusterSnapshotIdentifier: 'ledger-audit',
            DBClusterSnapshotArn: arn('cluster-snapshot', 'ledger-audit'),
            SnapshotType: 'manual',
            StorageEncrypted: true,
            Engine: 'aurora-postgresql',
            DBClusterIdentifier: 'ledger',
          },
          {
            DBClusterSnapshotIdentifier: 'rds:ledger-2026-11-20',
            DBClusterSnapshotArn: arn('cluster-snapshot', 'rds:ledger-2026-11-20'),
            SnapshotType: 'automated',
            StorageEncrypted: true,
            Engine: 'aurora-postgresql',
          },
          {
            DBClusterSnapshotIdentifier: 'docs-manual',
            DBClusterSnapshotArn: arn('cluster-snapshot', 'docs-manual'),
            SnapshotType: 'manual',
            Engine: 'docdb',
          },
        ],
      })
      .on(DescribeDBClusterSnapshotAttributesCommand)
      .resolves({
        DBClusterSnapshotAttributesResult: {
          DBClusterSnapshotAttributes: [{ AttributeName: 'restore', AttributeValues: ['all'] }],
        },
      });

    // Act
    const { value, issues } = await runCollector(rdsCollectors['rds.clusterSnapshots'], { region: 'eu-west-1' });

    // Assess
    expect(issues).toEqual([]);
    expect(rdsMock).toHaveReceivedCommandWith(DescribeDBClusterSnapshotsCommand, { MaxRecords: 100 });
    expect(rdsMock).toHaveReceivedCommandTimes(DescribeDBClusterSnapshotAttributesCommand, 1);
    expect(rdsMock).toHaveReceivedCommandWith(DescribeDBClusterSnapshotAttributesCommand, {
      DBClusterSnapshotIdentifier: 'ledger-audit',
    });
    expect(value).toEqual([
      {
        arn: arn('cluster-snapshot', 'ledger-audit'),
        id: 'ledger-audit',
        region: 'eu-west-1',
        accountId: '123456789012',
        tags: {},
        snapshotType: 'manual',
        encrypted: true,
        clusterIdentifier: 'ledger',
        public: true,
        sharedWithAccounts: [],
      },
      expect.objectContaining({ id: 'rds:ledger-2026-11-20', public: false }),
    ]);
  });

  it('reports a cluster snapshot whose attributes cannot be read', async () => {
    // Prepare
    rdsMock
      .on(DescribeDBClusterSnapshotsCommand)
      .resolves({
        DBClusterSnapshots: [
          {
            DBClusterSnapshotIdentifier: 'events-export',
            DBClusterSnapshotArn: arn('cluster-snapshot', 'events-export'),
            SnapshotType: 'manual',
            Engine: 'aurora-mysql',
          },
        ],
      })
      .on(DescribeDBClusterSnapshotAttributesCommand)
      .rejects(awsError('query', 'DBClusterSnapshotNotFoundFault', { message: 'gone' }));

    // Act
    const { value, issues } = await runCollector(rdsCollectors['rds.clusterSnapshots'], { region: 'eu-west-1' });

    // Assess
    expect(value).toEqual([]);
    expect(issues).toEqual([
      expect.objectContaining({
        slice: 'rds.clusterSnapshots',
        resourceArn: arn('cluster-snapshot', 'events-export'),
        errorCode: 'DBClusterSnapshotNotFoundFault',
      }),
    ]);
  });
});

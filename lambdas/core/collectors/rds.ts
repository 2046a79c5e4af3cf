import {
  type DBCluster,
  type DBClusterSnapshot,
  type DBInstance,
  type DBSnapshot,
  DescribeDBClusterSnapshotAttributesCommand,
  DescribeDBSnapshotAttributesCommand,
  paginateDescribeDBClusterSnapshots,
  paginateDescribeDBClusters,
  paginateDescribeDBInstances,
  paginateDescribeDBSnapshots,
  RDSClient,
} from '@aws-sdk/client-rds';
import type { DbCluster, DbClusterSnapshot, DbInstance, DbSnapshot } from '../inventory/index.js';
import { collectEach } from './context.js';
import { tagRecord } from './shapes.js';
import type { CollectContext, SliceCollectors } from './types.js';

/** The largest page the RDS Describe* operations accept (`MaxRecords`). */
const PAGE_SIZE = 100;

/**
 * DocumentDB and Neptune are managed through the RDS API, so its Describe* calls return their
 * instances, clusters and snapshots too. They are other services with their own controls;
 * the RDS slices hold RDS and Aurora only.
 */
const isRdsEngine = (engine: string | undefined): boolean => engine === undefined || !/^(docdb|neptune)/.test(engine);

const rdsClient = (context: CollectContext): RDSClient => context.clients.get(RDSClient, context.region);

/** Every item of every page of a paginated Describe* call, normalised by `items`. */
async function collectPages<P, T>(pages: AsyncIterable<P>, items: (page: P) => T[]): Promise<T[]> {
  const collected: T[] = [];
  for await (const page of pages) collected.push(...items(page));
  return collected;
}

const defined = <T>(values: readonly (T | undefined)[] | undefined): T[] =>
  (values ?? []).filter((v): v is T => v !== undefined);

function toDbInstance(db: DBInstance, context: CollectContext): DbInstance[] {
  if (!db.DBInstanceArn || !db.DBInstanceIdentifier || !isRdsEngine(db.Engine)) return [];
  const port = db.Endpoint?.Port ?? db.DbInstancePort;
  const replicaSource = db.ReadReplicaSourceDBInstanceIdentifier ?? db.ReadReplicaSourceDBClusterIdentifier;
  return [
    {
      arn: db.DBInstanceArn,
      id: db.DBInstanceIdentifier,
      region: context.region,
      accountId: context.accountId,
      tags: tagRecord(db.TagList),
      engine: db.Engine ?? 'unknown',
      ...(db.EngineVersion !== undefined && { engineVersion: db.EngineVersion }),
      ...(db.DBInstanceClass !== undefined && { instanceClass: db.DBInstanceClass }),
      ...(db.DBInstanceStatus !== undefined && { status: db.DBInstanceStatus }),
      publiclyAccessible: db.PubliclyAccessible === true,
      storageEncrypted: db.StorageEncrypted === true,
      ...(db.KmsKeyId !== undefined && { kmsKeyId: db.KmsKeyId }),
      backupRetentionPeriod: db.BackupRetentionPeriod ?? 0,
      deletionProtection: db.DeletionProtection === true,
      multiAz: db.MultiAZ === true,
      autoMinorVersionUpgrade: db.AutoMinorVersionUpgrade === true,
      iamDatabaseAuthenticationEnabled: db.IAMDatabaseAuthenticationEnabled === true,
      enabledCloudwatchLogsExports: db.EnabledCloudwatchLogsExports ?? [],
      ...(db.DBClusterIdentifier !== undefined && { clusterIdentifier: db.DBClusterIdentifier }),
      vpcSecurityGroupIds: defined(db.VpcSecurityGroups?.map((g) => g.VpcSecurityGroupId)),
      ...(db.DBSubnetGroup?.VpcId !== undefined && { vpcId: db.DBSubnetGroup.VpcId }),
      subnetIds: defined(db.DBSubnetGroup?.Subnets?.map((s) => s.SubnetIdentifier)),
      ...(port !== undefined && { port }),
      ...(replicaSource !== undefined && { readReplicaSource: replicaSource }),
    },
  ];
}

function toDbCluster(cluster: DBCluster, context: CollectContext): DbCluster[] {
  if (!cluster.DBClusterArn || !cluster.DBClusterIdentifier || !isRdsEngine(cluster.Engine)) return [];
  return [
    {
      arn: cluster.DBClusterArn,
      id: cluster.DBClusterIdentifier,
      region: context.region,
      accountId: context.accountId,
      tags: tagRecord(cluster.TagList),
      engine: cluster.Engine ?? 'unknown',
      storageEncrypted: cluster.StorageEncrypted === true,
      ...(cluster.KmsKeyId !== undefined && { kmsKeyId: cluster.KmsKeyId }),
      deletionProtection: cluster.DeletionProtection === true,
      multiAz: cluster.MultiAZ === true,
      backupRetentionPeriod: cluster.BackupRetentionPeriod ?? 0,
      iamDatabaseAuthenticationEnabled: cluster.IAMDatabaseAuthenticationEnabled === true,
      enabledCloudwatchLogsExports: cluster.EnabledCloudwatchLogsExports ?? [],
      memberInstanceIds: defined(cluster.DBClusterMembers?.map((m) => m.DBInstanceIdentifier)),
    },
  ];
}

/** What the `restore` attribute says about who may restore a manual snapshot. */
interface RestoreGrant {
  public: boolean;
  sharedWithAccounts: string[];
}

function restoreGrant(
  attributes: readonly { AttributeName?: string; AttributeValues?: string[] }[] = [],
): RestoreGrant {
  const values = attributes.filter((a) => a.AttributeName === 'restore').flatMap((a) => a.AttributeValues ?? []);
  // `all` makes the snapshot restorable by every AWS account; other values are account ids.
  return { public: values.includes('all'), sharedWithAccounts: values.filter((v) => v !== 'all') };
}

/** Only manual snapshots can be shared; automated (and AWS Backup) ones are restorable by their owner alone. */
const NOT_SHARED: RestoreGrant = { public: false, sharedWithAccounts: [] };

/**
 * Adds the restore grant to each snapshot: one attribute call per manual snapshot (RDS has no
 * batch form), bounded by `mapLimited` because every RDS API of the region draws from one
 * token bucket. A snapshot whose attributes cannot be read is reported and left out, so no
 * check judges it on a guess.
 */
async function withRestoreGrants<S extends { arn: string; region: string; snapshotType: string }>(
  context: CollectContext,
  snapshots: readonly S[],
  describe: (snapshot: S) => Promise<RestoreGrant>,
): Promise<(S & RestoreGrant)[]> {
  return collectEach(context, snapshots, async (snapshot) =>
    snapshot.snapshotType === 'manual'
      ? { ...snapshot, ...(await describe(snapshot)) }
      : { ...snapshot, ...NOT_SHARED },
  );
}

type SnapshotCore<T> = Omit<T, 'public' | 'sharedWithAccounts'>;

function toDbSnapshot(snapshot: DBSnapshot, context: CollectContext): SnapshotCore<DbSnapshot>[] {
  if (!snapshot.DBSnapshotArn || !snapshot.DBSnapshotIdentifier || !isRdsEngine(snapshot.Engine)) return [];
  return [
    {
      arn: snapshot.DBSnapshotArn,
      id: snapshot.DBSnapshotIdentifier,
      region: context.region,
      accountId: context.accountId,
      tags: tagRecord(snapshot.TagList),
      snapshotType: snapshot.SnapshotType ?? 'unknown',
      encrypted: snapshot.Encrypted === true,
      ...(snapshot.DBInstanceIdentifier !== undefined && { instanceIdentifier: snapshot.DBInstanceIdentifier }),
    },
  ];
}

function toDbClusterSnapshot(snapshot: DBClusterSnapshot, context: CollectContext): SnapshotCore<DbClusterSnapshot>[] {
  if (!snapshot.DBClusterSnapshotArn || !snapshot.DBClusterSnapshotIdentifier || !isRdsEngine(snapshot.Engine)) {
    return [];
  }
  return [
    {
      arn: snapshot.DBClusterSnapshotArn,
      id: snapshot.DBClusterSnapshotIdentifier,
      region: context.region,
      accountId: context.accountId,
      tags: tagRecord(snapshot.TagList),
      snapshotType: snapshot.SnapshotType ?? 'unknown',
      encrypted: snapshot.StorageEncrypted === true,
      ...(snapshot.DBClusterIdentifier !== undefined && { clusterIdentifier: snapshot.DBClusterIdentifier }),
    },
  ];
}

export const rdsCollectors: SliceCollectors<
  'rds.instances' | 'rds.clusters' | 'rds.snapshots' | 'rds.clusterSnapshots'
> = {
  'rds.instances': {
    key: 'rds.instances',
    scope: 'regional',
    actions: ['rds:DescribeDBInstances'],
    collect: (context) =>
      collectPages(paginateDescribeDBInstances({ client: rdsClient(context), pageSize: PAGE_SIZE }, {}), (page) =>
        (page.DBInstances ?? []).flatMap((db) => toDbInstance(db, context)),
      ),
  },

  'rds.clusters': {
    key: 'rds.clusters',
    scope: 'regional',
    actions: ['rds:DescribeDBClusters'],
    collect: (context) =>
      collectPages(paginateDescribeDBClusters({ client: rdsClient(context), pageSize: PAGE_SIZE }, {}), (page) =>
        (page.DBClusters ?? []).flatMap((c) => toDbCluster(c, context)),
      ),
  },

  'rds.snapshots': {
    key: 'rds.snapshots',
    scope: 'regional',
    actions: ['rds:DescribeDBSnapshots', 'rds:DescribeDBSnapshotAttributes'],
    async collect(context) {
      const client = rdsClient(context);
      // Without SnapshotType/IncludeShared/IncludePublic the answer is this account's own snapshots.
      const snapshots = await collectPages(paginateDescribeDBSnapshots({ client, pageSize: PAGE_SIZE }, {}), (page) =>
        (page.DBSnapshots ?? []).flatMap((s) => toDbSnapshot(s, context)),
      );
      return withRestoreGrants(context, snapshots, async (snapshot) => {
        const { DBSnapshotAttributesResult: result } = await client.send(
          new DescribeDBSnapshotAttributesCommand({ DBSnapshotIdentifier: snapshot.id }),
        );
        return restoreGrant(result?.DBSnapshotAttributes);
      });
    },
  },

  'rds.clusterSnapshots': {
    key: 'rds.clusterSnapshots',
    scope: 'regional',
    actions: ['rds:DescribeDBClusterSnapshots', 'rds:DescribeDBClusterSnapshotAttributes'],
    async collect(context) {
      const client = rdsClient(context);
      const snapshots = await collectPages(
        paginateDescribeDBClusterSnapshots({ client, pageSize: PAGE_SIZE }, {}),
        (page) => (page.DBClusterSnapshots ?? []).flatMap((s) => toDbClusterSnapshot(s, context)),
      );
      return withRestoreGrants(context, snapshots, async (snapshot) => {
        const { DBClusterSnapshotAttributesResult: result } = await client.send(
          new DescribeDBClusterSnapshotAttributesCommand({ DBClusterSnapshotIdentifier: snapshot.id }),
        );
        return restoreGrant(result?.DBClusterSnapshotAttributes);
      });
    },
  },
};

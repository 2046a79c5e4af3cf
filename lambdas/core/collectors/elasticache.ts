import {
  ElastiCacheClient,
  paginateDescribeCacheClusters,
  paginateDescribeGlobalReplicationGroups,
  paginateDescribeReplicationGroups,
  type ReplicationGroup,
  type CacheCluster as SdkCacheCluster,
} from '@aws-sdk/client-elasticache';
import type { CacheCluster, CacheGlobalDatastore, CacheReplicationGroup } from '../inventory/index.js';
import type { CollectContext, SliceCollectors } from './types.js';

/** The largest page DescribeReplicationGroups and DescribeCacheClusters accept (`MaxRecords` 20–100). */
const PAGE_SIZE = 100;

const client = (context: CollectContext): ElastiCacheClient => context.clients.get(ElastiCacheClient, context.region);

const arnOf = (context: CollectContext, kind: string, id: string): string =>
  `arn:${context.partition}:elasticache:${context.region}:${context.accountId}:${kind}:${id}`;

function toReplicationGroup(group: ReplicationGroup, context: CollectContext): CacheReplicationGroup[] {
  const id = group.ReplicationGroupId;
  if (!id) return [];
  return [
    {
      arn: group.ARN ?? arnOf(context, 'replicationgroup', id),
      id,
      region: context.region,
      accountId: context.accountId,
      // Replication groups exist only for Redis OSS and Valkey; older responses carry no Engine.
      engine: group.Engine ?? 'redis',
      ...(group.Status !== undefined && { status: group.Status }),
      clusterMode: group.ClusterEnabled === true,
      automaticFailover: group.AutomaticFailover ?? 'disabled',
      multiAz: group.MultiAZ === 'enabled',
      atRestEncryptionEnabled: group.AtRestEncryptionEnabled === true,
      transitEncryptionEnabled: group.TransitEncryptionEnabled === true,
      ...(group.TransitEncryptionMode !== undefined && { transitEncryptionMode: group.TransitEncryptionMode }),
      ...(group.KmsKeyId !== undefined && { kmsKeyId: group.KmsKeyId }),
      authTokenEnabled: group.AuthTokenEnabled === true,
      userGroupIds: group.UserGroupIds ?? [],
      snapshotRetentionLimit: group.SnapshotRetentionLimit ?? 0,
      ...(group.AutoMinorVersionUpgrade !== undefined && { autoMinorVersionUpgrade: group.AutoMinorVersionUpgrade }),
      memberClusterIds: group.MemberClusters ?? [],
      ...(group.GlobalReplicationGroupInfo?.GlobalReplicationGroupId && {
        globalDatastoreId: group.GlobalReplicationGroupInfo.GlobalReplicationGroupId,
      }),
    },
  ];
}

function toCacheCluster(cluster: SdkCacheCluster, context: CollectContext): CacheCluster[] {
  const id = cluster.CacheClusterId;
  if (!id) return [];
  return [
    {
      arn: cluster.ARN ?? arnOf(context, 'cluster', id),
      id,
      region: context.region,
      accountId: context.accountId,
      engine: cluster.Engine ?? 'unknown',
      ...(cluster.EngineVersion !== undefined && { engineVersion: cluster.EngineVersion }),
      ...(cluster.CacheClusterStatus !== undefined && { status: cluster.CacheClusterStatus }),
      ...(cluster.CacheNodeType !== undefined && { cacheNodeType: cluster.CacheNodeType }),
      ...(cluster.NumCacheNodes !== undefined && { numCacheNodes: cluster.NumCacheNodes }),
      ...(cluster.ReplicationGroupId && { replicationGroupId: cluster.ReplicationGroupId }),
      ...(cluster.CacheSubnetGroupName && { cacheSubnetGroupName: cluster.CacheSubnetGroupName }),
      atRestEncryptionEnabled: cluster.AtRestEncryptionEnabled === true,
      transitEncryptionEnabled: cluster.TransitEncryptionEnabled === true,
      ...(cluster.TransitEncryptionMode !== undefined && { transitEncryptionMode: cluster.TransitEncryptionMode }),
      authTokenEnabled: cluster.AuthTokenEnabled === true,
      snapshotRetentionLimit: cluster.SnapshotRetentionLimit ?? 0,
      ...(cluster.AutoMinorVersionUpgrade !== undefined && {
        autoMinorVersionUpgrade: cluster.AutoMinorVersionUpgrade,
      }),
    },
  ];
}

export const elasticacheCollectors: SliceCollectors<
  'elasticache.replicationGroups' | 'elasticache.cacheClusters' | 'elasticache.globalDatastores'
> = {
  'elasticache.replicationGroups': {
    key: 'elasticache.replicationGroups',
    scope: 'regional',
    actions: ['elasticache:DescribeReplicationGroups'],
    async collect(context) {
      const groups: CacheReplicationGroup[] = [];
      for await (const page of paginateDescribeReplicationGroups(
        { client: client(context), pageSize: PAGE_SIZE },
        {},
      )) {
        groups.push(...(page.ReplicationGroups ?? []).flatMap((g) => toReplicationGroup(g, context)));
      }
      return groups;
    },
  },

  'elasticache.cacheClusters': {
    key: 'elasticache.cacheClusters',
    scope: 'regional',
    actions: ['elasticache:DescribeCacheClusters'],
    async collect(context) {
      const clusters: CacheCluster[] = [];
      // Node details (endpoints, per-node status) are not needed: leave them out of every page.
      const pages = paginateDescribeCacheClusters(
        { client: client(context), pageSize: PAGE_SIZE },
        { ShowCacheNodeInfo: false },
      );
      for await (const page of pages) {
        clusters.push(...(page.CacheClusters ?? []).flatMap((c) => toCacheCluster(c, context)));
      }
      return clusters;
    },
  },

  'elasticache.globalDatastores': {
    key: 'elasticache.globalDatastores',
    scope: 'regional',
    actions: ['elasticache:DescribeGlobalReplicationGroups'],
    dependsOn: ['elasticache.replicationGroups'],
    /** Only where a replication group says it belongs to a Global datastore: most regions need no call. */
    async collect(context) {
      const inDatastore = context
        .get('elasticache.replicationGroups')
        .some((g) => g.region === context.region && g.globalDatastoreId !== undefined);
      if (!inDatastore) return [];
      const datastores: CacheGlobalDatastore[] = [];
      const pages = paginateDescribeGlobalReplicationGroups(
        { client: client(context), pageSize: PAGE_SIZE },
        { ShowMemberInfo: true },
      );
      for await (const page of pages) {
        for (const datastore of page.GlobalReplicationGroups ?? []) {
          if (!datastore.GlobalReplicationGroupId) continue;
          datastores.push({
            id: datastore.GlobalReplicationGroupId,
            region: context.region,
            members: (datastore.Members ?? []).flatMap((m) =>
              m.ReplicationGroupId && m.ReplicationGroupRegion
                ? [
                    {
                      replicationGroupId: m.ReplicationGroupId,
                      region: m.ReplicationGroupRegion,
                      ...(m.Role && { role: m.Role }),
                    },
                  ]
                : [],
            ),
          });
        }
      }
      return datastores;
    },
  },
};

import type { CacheGlobalDatastore, CacheReplicationGroup } from '../../inventory/index.js';
import { defineCheck } from '../define-check.js';
import { type ResidencyCopy, residencyRemediation, residencyResults } from '../shared/residency.js';
import { cacheResource, cachesOf } from './caches.js';

/** The other members of the group's Global datastore: each holds a copy of its data in its own region. */
function datastoreCopies(group: CacheReplicationGroup, datastores: readonly CacheGlobalDatastore[]): ResidencyCopy[] {
  if (!group.globalDatastoreId) return [];
  const datastore = datastores.find((d) => d.id === group.globalDatastoreId && d.region === group.region);
  // Listed as a member but the datastore was not read: the copies' regions are unknown (the verdict says so).
  if (!datastore) return [{ what: `the members of Global datastore ${group.globalDatastoreId}`, region: undefined }];
  return datastore.members
    .filter((m) => !(m.replicationGroupId === group.id && m.region === group.region))
    .map((m) => ({ what: `Global datastore member ${m.replicationGroupId}`, region: m.region }));
}

export const elasticacheClusterInAllowedRegion = defineCheck({
  id: 'elasticache-cluster-in-allowed-region',
  title: 'ElastiCache clusters and their Global datastore members are only in allowed regions',
  service: 'elasticache',
  resourceType: 'AwsElastiCacheReplicationGroup',
  srmClass: 'container',
  obligation: 'data-residency',
  severity: 'high',
  requires: ['elasticache.replicationGroups', 'elasticache.cacheClusters', 'elasticache.globalDatastores'],
  settings: ['allowedRegions'],
  compliance: [],
  risk: 'Cached data, and the snapshots of Valkey and Redis OSS caches, live in the cache’s region; a cache outside the allowed regions stores that data where your regulators and contracts do not allow it.',
  remediation: residencyRemediation('cache'),
  evaluate: ({ elasticache, accountId, partition }, { allowedRegions }) =>
    residencyResults(
      { accountId, partition },
      allowedRegions,
      cachesOf(elasticache.replicationGroups, elasticache.cacheClusters).map((cache) => ({
        resource: cacheResource(cache),
        kind: `ElastiCache ${cache.kind === 'replication-group' ? 'replication group' : 'cluster'}`,
        copies: cache.kind === 'replication-group' ? datastoreCopies(cache.group, elasticache.globalDatastores) : [],
      })),
    ),
});

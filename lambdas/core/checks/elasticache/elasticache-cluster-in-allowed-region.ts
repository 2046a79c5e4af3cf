import { defineCheck } from '../define-check.js';
import { residencyRemediation, residencyResults } from '../shared/residency.js';
import { cacheResource, cachesOf } from './caches.js';

export const elasticacheClusterInAllowedRegion = defineCheck({
  id: 'elasticache-cluster-in-allowed-region',
  title: 'ElastiCache clusters are only in allowed regions',
  service: 'elasticache',
  resourceType: 'AwsElastiCacheReplicationGroup',
  srmClass: 'container',
  obligation: 'data-residency',
  severity: 'high',
  requires: ['elasticache.replicationGroups', 'elasticache.cacheClusters'],
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
      })),
    ),
});

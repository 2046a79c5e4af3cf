import type { CacheCluster } from '../../inventory/index.js';
import { type CheckResult, defineCheck, verdict } from '../define-check.js';
import { type Cache, cacheLabel, cacheResource, cachesOf, membersOf } from './caches.js';

/**
 * A replication group reports AutoMinorVersionUpgrade itself in current API versions; when it does
 * not, its member clusters' values stand in (every member must have it on). Without either, the
 * group is not judged.
 */
function judge(cache: Cache, clusters: readonly CacheCluster[]): CheckResult[] {
  const label = cacheLabel(cache);
  const resource = cacheResource(cache);
  if (cache.kind === 'cluster') {
    if (cache.cluster.autoMinorVersionUpgrade === undefined) return [];
    return [
      verdict(
        cache.cluster.autoMinorVersionUpgrade,
        resource,
        `${label} applies minor engine upgrades automatically.`,
        `${label} does not apply minor engine upgrades automatically (AutoMinorVersionUpgrade is false).`,
      ),
    ];
  }
  if (cache.group.autoMinorVersionUpgrade !== undefined) {
    return [
      verdict(
        cache.group.autoMinorVersionUpgrade,
        resource,
        `${label} applies minor engine upgrades automatically.`,
        `${label} does not apply minor engine upgrades automatically (AutoMinorVersionUpgrade is false).`,
      ),
    ];
  }
  const known = membersOf(cache.group, clusters).filter((m) => m.autoMinorVersionUpgrade !== undefined);
  if (known.length === 0) return [];
  const off = known.filter((m) => m.autoMinorVersionUpgrade === false).map((m) => m.id);
  return [
    verdict(
      off.length === 0,
      resource,
      `${label} applies minor engine upgrades automatically on all ${known.length} member clusters.`,
      `${label} does not apply minor engine upgrades automatically on member clusters ${off.join(', ')}.`,
    ),
  ];
}

export const elasticacheClusterMinorUpgradeEnabled = defineCheck({
  id: 'elasticache-cluster-minor-upgrade-enabled',
  title: 'ElastiCache clusters apply minor engine upgrades automatically',
  service: 'elasticache',
  resourceType: 'AwsElastiCacheReplicationGroup',
  srmClass: 'container',
  obligation: 'os-and-platform',
  severity: 'high',
  requires: ['elasticache.replicationGroups', 'elasticache.cacheClusters'],
  compliance: [{ framework: 'aws-fsbp', control: 'ElastiCache.2' }],
  risk:
    'AWS patches the engine only when you let it: with automatic minor upgrades off, security fixes for Valkey, ' +
    'Redis OSS or Memcached wait until someone applies them by hand.',
  remediation: {
    text:
      'Turn on automatic minor version upgrades; AWS applies them in the maintenance window. Replication groups are ' +
      'judged as a whole (every engine), standalone clusters (Memcached, single-node Redis OSS) one by one.',
    cli: 'aws elasticache modify-replication-group --replication-group-id <id> --auto-minor-version-upgrade --apply-immediately',
    url: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/VersionManagement.html',
  },
  evaluate: ({ elasticache }) =>
    cachesOf(elasticache.replicationGroups, elasticache.cacheClusters).flatMap((cache) =>
      judge(cache, elasticache.cacheClusters),
    ),
});

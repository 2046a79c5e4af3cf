import type { CacheCluster, CacheReplicationGroup } from '../../inventory/index.js';

/** What the ElastiCache checks judge: a replication group, or a cache cluster that belongs to none. */
export type Cache =
  | { kind: 'replication-group'; group: CacheReplicationGroup }
  | { kind: 'cluster'; cluster: CacheCluster };

const ENGINE_NAMES: Readonly<Record<string, string>> = { redis: 'Redis OSS', valkey: 'Valkey', memcached: 'Memcached' };

/** `Redis OSS`, `Valkey`, `Memcached`; an unknown engine as AWS spells it. */
export const engineName = (engine: string): string => ENGINE_NAMES[engine] ?? engine;

/** Valkey and Redis OSS share the features the checks look at (encryption at rest, AUTH, RBAC, backups). */
export const isRedisFamily = (engine: string): boolean => engine === 'redis' || engine === 'valkey';

export const groupLabel = (group: CacheReplicationGroup): string =>
  `ElastiCache ${engineName(group.engine)} replication group ${group.id}`;

export const clusterLabel = (cluster: CacheCluster): string =>
  `ElastiCache ${engineName(cluster.engine)}${cluster.engineVersion ? ` ${cluster.engineVersion}` : ''} cluster ${cluster.id}`;

export const cacheLabel = (cache: Cache): string =>
  cache.kind === 'replication-group' ? groupLabel(cache.group) : clusterLabel(cache.cluster);

export const cacheResource = (cache: Cache): CacheReplicationGroup | CacheCluster =>
  cache.kind === 'replication-group' ? cache.group : cache.cluster;

export const cacheEngine = (cache: Cache): string =>
  cache.kind === 'replication-group' ? cache.group.engine : cache.cluster.engine;

/**
 * Every replication group and every cache cluster outside one. A replication group's member
 * clusters are judged through the group, which holds their security settings.
 */
export const cachesOf = (groups: readonly CacheReplicationGroup[], clusters: readonly CacheCluster[]): Cache[] => [
  ...groups.map((group): Cache => ({ kind: 'replication-group', group })),
  ...clusters.filter((c) => c.replicationGroupId === undefined).map((cluster): Cache => ({ kind: 'cluster', cluster })),
];

/** The member clusters of a replication group present in the inventory (same region). */
export const membersOf = (group: CacheReplicationGroup, clusters: readonly CacheCluster[]): CacheCluster[] =>
  clusters.filter((c) => c.region === group.region && c.replicationGroupId === group.id);

/**
 * Whether a dotted engine version is at least `minimum` (`1.6.22` ≥ `1.6.12`); undefined when the
 * version is unknown or not numeric.
 */
export function versionAtLeast(version: string | undefined, minimum: string): boolean | undefined {
  if (!version || !/^\d+(\.\d+)*$/.test(version)) return undefined;
  const have = version.split('.').map(Number);
  const need = minimum.split('.').map(Number);
  for (let i = 0; i < Math.max(have.length, need.length); i++) {
    const a = have[i] ?? 0;
    const b = need[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}

export const days = (n: number): string => `${n} day${n === 1 ? '' : 's'}`;

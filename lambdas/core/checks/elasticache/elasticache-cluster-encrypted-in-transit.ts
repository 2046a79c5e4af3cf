import type { CacheCluster } from '../../inventory/index.js';
import { type CheckResult, defineCheck, fail, pass } from '../define-check.js';
import { type Cache, cacheLabel, cacheResource, cachesOf, engineName, versionAtLeast } from './caches.js';

/** Node-based Memcached supports TLS from this engine version on. */
const MEMCACHED_TLS_VERSION = '1.6.12';

function standaloneReason(cluster: CacheCluster): string {
  if (cluster.engine === 'memcached' && versionAtLeast(cluster.engineVersion, MEMCACHED_TLS_VERSION) === false) {
    return `Memcached ${cluster.engineVersion} cannot encrypt in transit (Memcached ${MEMCACHED_TLS_VERSION} or later can)`;
  }
  if (cluster.engine === 'memcached') return 'in-transit encryption is off';
  return `in-transit encryption is off, and a single-node ${engineName(cluster.engine)} cluster outside a replication group cannot turn it on`;
}

function judge(cache: Cache): CheckResult {
  const label = cacheLabel(cache);
  const resource = cacheResource(cache);
  const settings = cache.kind === 'replication-group' ? cache.group : cache.cluster;
  if (!settings.transitEncryptionEnabled) {
    const reason = cache.kind === 'cluster' ? standaloneReason(cache.cluster) : 'in-transit encryption is off';
    return fail(resource, `${label} accepts plaintext connections: ${reason}.`);
  }
  if (settings.transitEncryptionMode === 'preferred') {
    return fail(
      resource,
      `${label} encrypts in transit but still accepts plaintext connections (transit encryption mode preferred, not required).`,
    );
  }
  return pass(resource, `${label} requires TLS for every connection.`);
}

export const elasticacheClusterEncryptedInTransit = defineCheck({
  id: 'elasticache-cluster-encrypted-in-transit',
  title: 'ElastiCache clusters accept only TLS connections',
  service: 'elasticache',
  resourceType: 'AwsElastiCacheReplicationGroup',
  srmClass: 'container',
  obligation: 'data-protection',
  severity: 'medium',
  requires: ['elasticache.replicationGroups', 'elasticache.cacheClusters'],
  compliance: [{ framework: 'aws-fsbp', control: 'ElastiCache.5' }],
  risk:
    'Without TLS, cached data, commands and AUTH tokens cross the network in clear text: anything that can see the ' +
    'traffic in the VPC can read or alter them. The AUTH token of a Valkey or Redis OSS cluster also requires TLS.',
  remediation: {
    text:
      'Valkey and Redis OSS replication groups: enable in-transit encryption with mode "preferred", move every client ' +
      'to TLS, then set the mode to "required". Memcached clusters: TLS needs Memcached 1.6.12 or later and is set at ' +
      'creation, so create a new cluster with in-transit encryption and move the clients. A single-node Redis OSS ' +
      'cluster outside a replication group cannot use TLS: migrate it to a replication group. Replication groups are ' +
      'judged as a whole, standalone clusters one by one.',
    cli: 'aws elasticache modify-replication-group --replication-group-id <id> --transit-encryption-enabled --transit-encryption-mode required --apply-immediately',
    url: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption.html',
  },
  evaluate: ({ elasticache }) => cachesOf(elasticache.replicationGroups, elasticache.cacheClusters).map(judge),
});

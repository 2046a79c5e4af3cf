import { defineCheck, fail, verdict } from '../define-check.js';
import { cacheEngine, cacheLabel, cacheResource, cachesOf, isRedisFamily } from './caches.js';

export const elasticacheClusterEncryptedAtRest = defineCheck({
  id: 'elasticache-cluster-encrypted-at-rest',
  title: 'ElastiCache Valkey and Redis OSS clusters are encrypted at rest',
  service: 'elasticache',
  resourceType: 'AwsElastiCacheReplicationGroup',
  srmClass: 'container',
  obligation: 'data-protection',
  severity: 'medium',
  requires: ['elasticache.replicationGroups', 'elasticache.cacheClusters'],
  compliance: [{ framework: 'aws-fsbp', control: 'ElastiCache.4' }],
  risk:
    'Valkey and Redis OSS write data to disk during synchronisation, swap and backups to Amazon S3; unencrypted, a ' +
    'backup copied out of the account or a leaked disk exposes every cached record.',
  remediation: {
    text:
      'Encryption at rest is set when a replication group is created: create an encrypted replication group (from a ' +
      'backup of the old one) and move the clients. A single-node Redis OSS cluster outside a replication group cannot ' +
      'be encrypted at rest. Node-based Memcached keeps nothing on disk and has no at-rest encryption to set: it is ' +
      'not evaluated.',
    cli: 'aws elasticache create-replication-group --replication-group-id <new-id> --replication-group-description <text> --engine valkey --at-rest-encryption-enabled --kms-key-id <key-arn> --snapshot-name <backup>',
    url: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html',
  },
  evaluate: ({ elasticache }) =>
    cachesOf(elasticache.replicationGroups, elasticache.cacheClusters)
      .filter((cache) => isRedisFamily(cacheEngine(cache)))
      .map((cache) => {
        const label = cacheLabel(cache);
        const resource = cacheResource(cache);
        if (cache.kind === 'cluster' && !cache.cluster.atRestEncryptionEnabled) {
          return fail(
            resource,
            `${label} is not encrypted at rest, and a single-node cluster outside a replication group cannot be.`,
          );
        }
        const group = cache.kind === 'replication-group' ? cache.group : undefined;
        return verdict(
          resource.atRestEncryptionEnabled,
          resource,
          `${label} is encrypted at rest${group?.kmsKeyId ? ` with KMS key ${group.kmsKeyId}` : ''}.`,
          `${label} is not encrypted at rest.`,
        );
      }),
});

import { describe, expect, it } from 'vitest';
import { elasticacheClusterEncryptedAtRest } from '../../../lambdas/core/checks/elasticache/index.js';
import { cacheCluster, evaluateCaches, replicationGroup } from '../../fixtures/elasticache.js';

describe('Check: elasticache-cluster-encrypted-at-rest', () => {
  it('fails a replication group that is not encrypted at rest', () => {
    // Prepare
    const group = replicationGroup('harbor-sessions', { engine: 'redis', atRestEncryptionEnabled: false });

    // Act
    const results = evaluateCaches(elasticacheClusterEncryptedAtRest, { groups: [group] });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: group,
        message: 'ElastiCache Redis OSS replication group harbor-sessions is not encrypted at rest.',
      },
    ]);
  });

  it('passes an encrypted replication group and names its KMS key', () => {
    // Prepare
    const key = 'arn:aws:kms:us-east-1:123456789012:key/abcd';
    const group = replicationGroup('harbor-carts', { kmsKeyId: key });

    // Act
    const [result] = evaluateCaches(elasticacheClusterEncryptedAtRest, { groups: [group] });

    // Assess
    expect(result).toEqual({
      status: 'PASS',
      resource: group,
      message: `ElastiCache Valkey replication group harbor-carts is encrypted at rest with KMS key ${key}.`,
    });
  });

  it('fails a standalone Redis OSS cluster, which cannot be encrypted at rest outside a replication group', () => {
    // Prepare
    const single = cacheCluster('harbor-legacy-redis', { engine: 'redis', engineVersion: '5.0.6' });

    // Act
    const [result] = evaluateCaches(elasticacheClusterEncryptedAtRest, { clusters: [single] });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(
      'ElastiCache Redis OSS 5.0.6 cluster harbor-legacy-redis is not encrypted at rest, and a single-node cluster outside a replication group cannot be.',
    );
  });

  it('does not evaluate Memcached, which keeps nothing on disk', () => {
    // Prepare
    const memcached = cacheCluster('harbor-fragments', { atRestEncryptionEnabled: false });

    // Act
    const results = evaluateCaches(elasticacheClusterEncryptedAtRest, { clusters: [memcached] });

    // Assess
    expect(results).toEqual([]);
  });
});

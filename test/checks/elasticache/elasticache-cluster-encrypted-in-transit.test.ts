import { describe, expect, it } from 'vitest';
import { elasticacheClusterEncryptedInTransit } from '../../../lambdas/core/checks/elasticache/index.js';
import { cacheCluster, evaluateCaches, memberOf, replicationGroup } from '../../fixtures/elasticache.js';

describe('Check: elasticache-cluster-encrypted-in-transit', () => {
  it('fails a replication group without in-transit encryption', () => {
    // Prepare
    const group = replicationGroup('harbor-sessions', { engine: 'redis', transitEncryptionEnabled: false });

    // Act
    const results = evaluateCaches(elasticacheClusterEncryptedInTransit, { groups: [group] });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: group,
        message:
          'ElastiCache Redis OSS replication group harbor-sessions accepts plaintext connections: in-transit encryption is off.',
      },
    ]);
  });

  it('fails a replication group whose transit encryption mode is still preferred', () => {
    // Prepare
    const group = replicationGroup('harbor-carts', { transitEncryptionMode: 'preferred' });

    // Act
    const [result] = evaluateCaches(elasticacheClusterEncryptedInTransit, { groups: [group] });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(
      'ElastiCache Valkey replication group harbor-carts encrypts in transit but still accepts plaintext connections (transit encryption mode preferred, not required).',
    );
  });

  it('passes a replication group that requires TLS and judges its members through it', () => {
    // Prepare
    const group = replicationGroup('harbor-carts');
    const member = memberOf(group, 'harbor-carts-001', { transitEncryptionEnabled: false });

    // Act
    const results = evaluateCaches(elasticacheClusterEncryptedInTransit, { groups: [group], clusters: [member] });

    // Assess
    expect(results).toEqual([
      {
        status: 'PASS',
        resource: group,
        message: 'ElastiCache Valkey replication group harbor-carts requires TLS for every connection.',
      },
    ]);
  });

  it('says why a Memcached cluster older than 1.6.12 cannot encrypt in transit', () => {
    // Prepare
    const old = cacheCluster('harbor-page-cache', { engineVersion: '1.6.6', transitEncryptionEnabled: false });
    const recent = cacheCluster('harbor-fragments', { engineVersion: '1.6.22', transitEncryptionEnabled: false });

    // Act
    const results = evaluateCaches(elasticacheClusterEncryptedInTransit, { clusters: [old, recent] });

    // Assess
    expect(results.map((r) => [r.status, r.message])).toEqual([
      [
        'FAIL',
        'ElastiCache Memcached 1.6.6 cluster harbor-page-cache accepts plaintext connections: Memcached 1.6.6 cannot encrypt in transit (Memcached 1.6.12 or later can).',
      ],
      [
        'FAIL',
        'ElastiCache Memcached 1.6.22 cluster harbor-fragments accepts plaintext connections: in-transit encryption is off.',
      ],
    ]);
  });

  it('fails a single-node Redis OSS cluster outside a replication group, saying it cannot use TLS there', () => {
    // Prepare
    const single = cacheCluster('harbor-legacy-redis', {
      engine: 'redis',
      engineVersion: '5.0.6',
      transitEncryptionEnabled: false,
    });

    // Act
    const [result] = evaluateCaches(elasticacheClusterEncryptedInTransit, { clusters: [single] });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain('a single-node Redis OSS cluster outside a replication group cannot turn it on');
  });

  it('passes a Memcached cluster with TLS', () => {
    // Prepare
    const cluster = cacheCluster('harbor-fragments');

    // Act
    const [result] = evaluateCaches(elasticacheClusterEncryptedInTransit, { clusters: [cluster] });

    // Assess
    expect(result).toEqual({
      status: 'PASS',
      resource: cluster,
      message: 'ElastiCache Memcached 1.6.22 cluster harbor-fragments requires TLS for every connection.',
    });
  });

  it('produces no result without caches', () => {
    // Act
    const results = evaluateCaches(elasticacheClusterEncryptedInTransit, {});

    // Assess
    expect(results).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { elasticacheClusterBackupEnabled } from '../../../lambdas/core/checks/elasticache/index.js';
import { cacheCluster, evaluateCaches, replicationGroup } from '../../fixtures/elasticache.js';

describe('Check: elasticache-cluster-backup-enabled', () => {
  it('fails a replication group with automatic backups turned off', () => {
    // Prepare
    const group = replicationGroup('harbor-sessions', { snapshotRetentionLimit: 0 });

    // Act
    const results = evaluateCaches(elasticacheClusterBackupEnabled, { groups: [group] });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: group,
        message:
          'ElastiCache Valkey replication group harbor-sessions has automatic backups turned off (retention 0 days; minimum 7 days).',
      },
    ]);
  });

  it('fails a retention shorter than the minimum', () => {
    // Prepare
    const single = cacheCluster('harbor-legacy-redis', {
      engine: 'redis',
      engineVersion: '6.2',
      snapshotRetentionLimit: 1,
    });

    // Act
    const [result] = evaluateCaches(elasticacheClusterBackupEnabled, { clusters: [single] });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(
      'ElastiCache Redis OSS 6.2 cluster harbor-legacy-redis keeps automatic backups for only 1 day (minimum 7 days).',
    );
  });

  it('passes a retention equal to the minimum and reads the minBackupRetentionDays setting', () => {
    // Prepare
    const group = replicationGroup('harbor-carts', { snapshotRetentionLimit: 7 });

    // Act
    const [byDefault] = evaluateCaches(elasticacheClusterBackupEnabled, { groups: [group] });
    const [stricter] = evaluateCaches(
      elasticacheClusterBackupEnabled,
      { groups: [group] },
      { minBackupRetentionDays: 14 },
    );

    // Assess
    expect(byDefault).toEqual({
      status: 'PASS',
      resource: group,
      message: 'ElastiCache Valkey replication group harbor-carts keeps automatic backups for 7 days (minimum 7 days).',
    });
    expect(stricter?.status).toBe('FAIL');
  });

  it('does not evaluate Memcached, which has no backups', () => {
    // Act
    const results = evaluateCaches(elasticacheClusterBackupEnabled, { clusters: [cacheCluster('harbor-fragments')] });

    // Assess
    expect(results).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { elasticacheClusterMinorUpgradeEnabled } from '../../../lambdas/core/checks/elasticache/index.js';
import { cacheCluster, evaluateCaches, memberOf, replicationGroup } from '../../fixtures/elasticache.js';

describe('Check: elasticache-cluster-minor-upgrade-enabled', () => {
  it('fails a Memcached cluster without automatic minor upgrades', () => {
    // Prepare
    const cluster = cacheCluster('harbor-fragments', { autoMinorVersionUpgrade: false });

    // Act
    const results = evaluateCaches(elasticacheClusterMinorUpgradeEnabled, { clusters: [cluster] });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: cluster,
        message:
          'ElastiCache Memcached 1.6.22 cluster harbor-fragments does not apply minor engine upgrades automatically (AutoMinorVersionUpgrade is false).',
      },
    ]);
  });

  it('passes a replication group that applies minor upgrades', () => {
    // Prepare
    const group = replicationGroup('harbor-carts');

    // Act
    const [result] = evaluateCaches(elasticacheClusterMinorUpgradeEnabled, { groups: [group] });

    // Assess
    expect(result).toEqual({
      status: 'PASS',
      resource: group,
      message: 'ElastiCache Valkey replication group harbor-carts applies minor engine upgrades automatically.',
    });
  });

  it('reads the member clusters when the replication group does not report the setting', () => {
    // Prepare
    const { autoMinorVersionUpgrade: _unset, ...group } = replicationGroup('harbor-sessions');
    const first = memberOf(group, 'harbor-sessions-001');
    const second = memberOf(group, 'harbor-sessions-002', { autoMinorVersionUpgrade: false });

    // Act
    const [result] = evaluateCaches(elasticacheClusterMinorUpgradeEnabled, {
      groups: [group],
      clusters: [first, second],
    });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(
      'ElastiCache Valkey replication group harbor-sessions does not apply minor engine upgrades automatically on member clusters harbor-sessions-002.',
    );
  });

  it('produces no result when neither the group nor its members report the setting', () => {
    // Prepare
    const { autoMinorVersionUpgrade: _unset, ...group } = replicationGroup('harbor-sessions');

    // Act
    const results = evaluateCaches(elasticacheClusterMinorUpgradeEnabled, { groups: [group] });

    // Assess
    expect(results).toEqual([]);
  });
});

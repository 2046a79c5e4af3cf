import { describe, expect, it } from 'vitest';
import { elasticacheClusterNotDefaultSubnetGroup } from '../../../lambdas/core/checks/elasticache/index.js';
import { cacheCluster, evaluateCaches, memberOf, replicationGroup } from '../../fixtures/elasticache.js';

describe('Check: elasticache-cluster-not-default-subnet-group', () => {
  it('fails a cluster in the default subnet group', () => {
    // Prepare
    const cluster = cacheCluster('harbor-fragments', { cacheSubnetGroupName: 'default' });

    // Act
    const results = evaluateCaches(elasticacheClusterNotDefaultSubnetGroup, { clusters: [cluster] });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: cluster,
        message:
          'ElastiCache Memcached 1.6.22 cluster harbor-fragments runs in the default cache subnet group, over the default VPC’s subnets.',
      },
    ]);
  });

  it('fails a cluster that reports no subnet group', () => {
    // Prepare
    const { cacheSubnetGroupName: _none, ...cluster } = cacheCluster('harbor-page-cache');

    // Act
    const [result] = evaluateCaches(elasticacheClusterNotDefaultSubnetGroup, { clusters: [cluster] });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain('reports no cache subnet group');
  });

  it('passes a replication group whose members run in a subnet group of their own, judging the group once', () => {
    // Prepare
    const group = replicationGroup('harbor-carts');
    const members = [memberOf(group, 'harbor-carts-001'), memberOf(group, 'harbor-carts-002')];

    // Act
    const results = evaluateCaches(elasticacheClusterNotDefaultSubnetGroup, { groups: [group], clusters: members });

    // Assess
    expect(results).toEqual([
      {
        status: 'PASS',
        resource: group,
        message: 'ElastiCache Valkey replication group harbor-carts runs in cache subnet group harbor-private-cache.',
      },
    ]);
  });

  it('produces no result for a replication group whose members were not listed', () => {
    // Act
    const results = evaluateCaches(elasticacheClusterNotDefaultSubnetGroup, {
      groups: [replicationGroup('harbor-carts')],
    });

    // Assess
    expect(results).toEqual([]);
  });
});

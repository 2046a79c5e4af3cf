import { describe, expect, it } from 'vitest';
import { elasticacheClusterAuthRequired } from '../../../lambdas/core/checks/elasticache/index.js';
import { cacheCluster, evaluateCaches, replicationGroup } from '../../fixtures/elasticache.js';

describe('Check: elasticache-cluster-auth-required', () => {
  it('fails a replication group with neither an AUTH token nor a user group, whatever its version', () => {
    // Prepare
    const group = replicationGroup('harbor-sessions', { engine: 'redis', authTokenEnabled: false, userGroupIds: [] });

    // Act
    const results = evaluateCaches(elasticacheClusterAuthRequired, { groups: [group] });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: group,
        message:
          'ElastiCache Redis OSS replication group harbor-sessions lets any client that reaches its port in without credentials: no AUTH token and no RBAC user group.',
      },
    ]);
  });

  it('passes a replication group with an RBAC user group', () => {
    // Prepare
    const group = replicationGroup('harbor-carts');

    // Act
    const [result] = evaluateCaches(elasticacheClusterAuthRequired, { groups: [group] });

    // Assess
    expect(result).toEqual({
      status: 'PASS',
      resource: group,
      message:
        'ElastiCache Valkey replication group harbor-carts authenticates clients with RBAC user group harbor-app-users.',
    });
  });

  it('passes a replication group with an AUTH token', () => {
    // Prepare
    const group = replicationGroup('harbor-rate-limits', { engine: 'redis', userGroupIds: [], authTokenEnabled: true });

    // Act
    const [result] = evaluateCaches(elasticacheClusterAuthRequired, { groups: [group] });

    // Assess
    expect(result?.status).toBe('PASS');
    expect(result?.message).toContain('authenticates clients with an AUTH token');
  });

  it('judges a standalone Redis OSS cluster by its AUTH token and leaves Memcached out', () => {
    // Prepare
    const single = cacheCluster('harbor-legacy-redis', { engine: 'redis', engineVersion: '5.0.6' });
    const memcached = cacheCluster('harbor-fragments');

    // Act
    const results = evaluateCaches(elasticacheClusterAuthRequired, { clusters: [single, memcached] });

    // Assess
    expect(results.map((r) => [r.resource.id, r.status])).toEqual([['harbor-legacy-redis', 'FAIL']]);
  });
});

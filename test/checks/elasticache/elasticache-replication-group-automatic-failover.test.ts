import { describe, expect, it } from 'vitest';
import { elasticacheReplicationGroupAutomaticFailover } from '../../../lambdas/core/checks/elasticache/index.js';
import { evaluateCaches, replicationGroup } from '../../fixtures/elasticache.js';

describe('Check: elasticache-replication-group-automatic-failover', () => {
  it('fails a replication group with replicas but without automatic failover', () => {
    // Prepare
    const group = replicationGroup('harbor-sessions', {
      engine: 'redis',
      automaticFailover: 'disabled',
      multiAz: false,
    });

    // Act
    const results = evaluateCaches(elasticacheReplicationGroupAutomaticFailover, { groups: [group] });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: group,
        message:
          'ElastiCache Redis OSS replication group harbor-sessions does not fail over automatically (automatic failover disabled): a lost Redis OSS primary stops writes until a replica is promoted by hand.',
      },
    ]);
  });

  it('fails a single-node replication group, which has no replica to fail over to', () => {
    // Prepare
    const group = replicationGroup('harbor-rate-limits', {
      automaticFailover: 'disabled',
      memberClusterIds: ['harbor-rate-limits-001'],
    });

    // Act
    const [result] = evaluateCaches(elasticacheReplicationGroupAutomaticFailover, { groups: [group] });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(
      'ElastiCache Valkey replication group harbor-rate-limits has a single node and no replica to fail over to (automatic failover disabled).',
    );
  });

  it('passes a replication group with automatic failover, also while it is being enabled', () => {
    // Prepare
    const enabled = replicationGroup('harbor-carts');
    const enabling = replicationGroup('harbor-queue', { automaticFailover: 'enabling', multiAz: false });

    // Act
    const results = evaluateCaches(elasticacheReplicationGroupAutomaticFailover, { groups: [enabled, enabling] });

    // Assess
    expect(results.map((r) => [r.status, r.message])).toEqual([
      [
        'PASS',
        'ElastiCache Valkey replication group harbor-carts fails over automatically (automatic failover enabled, Multi-AZ).',
      ],
      [
        'PASS',
        'ElastiCache Valkey replication group harbor-queue fails over automatically (automatic failover enabling).',
      ],
    ]);
  });
});

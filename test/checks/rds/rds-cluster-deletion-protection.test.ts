import { describe, expect, it } from 'vitest';
import { rdsClusterDeletionProtection } from '../../../lambdas/core/checks/rds/index.js';
import { dbCluster, evaluate } from '../../fixtures/rds.js';

describe('Check: rds-cluster-deletion-protection', () => {
  it('fails when deletion protection is disabled', () => {
    // Prepare
    const cluster = dbCluster('events', { engine: 'aurora-mysql', deletionProtection: false });

    // Act
    const results = evaluate(rdsClusterDeletionProtection, { 'rds.clusters': [cluster] });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: cluster,
        message: 'RDS DB cluster events (aurora-mysql) has deletion protection disabled.',
      },
    ]);
  });

  it('passes when deletion protection is enabled', () => {
    // Prepare
    const cluster = dbCluster('ledger');

    // Act
    const [result] = evaluate(rdsClusterDeletionProtection, { 'rds.clusters': [cluster] });

    // Assess
    expect(result?.status).toBe('PASS');
    expect(result?.message).toBe('RDS DB cluster ledger (aurora-postgresql) has deletion protection enabled.');
  });
});

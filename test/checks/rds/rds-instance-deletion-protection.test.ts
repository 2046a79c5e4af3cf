import { describe, expect, it } from 'vitest';
import { rdsInstanceDeletionProtection } from '../../../lambdas/core/checks/rds/index.js';
import { auroraMember, dbCluster, dbInstance, evaluate } from '../../fixtures/rds.js';

describe('Check: rds-instance-deletion-protection', () => {
  it('fails when deletion protection is disabled', () => {
    // Prepare
    const db = dbInstance('legacy-db', { engine: 'mysql', deletionProtection: false });

    // Act
    const results = evaluate(rdsInstanceDeletionProtection, { 'rds.instances': [db] });

    // Assess
    expect(results).toEqual([
      { status: 'FAIL', resource: db, message: 'RDS DB instance legacy-db (mysql) has deletion protection disabled.' },
    ]);
  });

  it('passes when deletion protection is enabled', () => {
    // Prepare
    const db = dbInstance('orders-db');

    // Act
    const results = evaluate(rdsInstanceDeletionProtection, { 'rds.instances': [db] });

    // Assess
    expect(results).toEqual([
      {
        status: 'PASS',
        resource: db,
        message: 'RDS DB instance orders-db (postgres) has deletion protection enabled.',
      },
    ]);
  });

  it('does not evaluate Aurora instances, whose deletion protection is the cluster’s', () => {
    // Prepare
    const member = auroraMember('ledger-1', dbCluster('ledger'), { deletionProtection: false });

    // Act
    const results = evaluate(rdsInstanceDeletionProtection, { 'rds.instances': [member] });

    // Assess
    expect(results).toEqual([]);
  });
});

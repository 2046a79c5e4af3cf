import { describe, expect, it } from 'vitest';
import { rdsInstanceMultiAz } from '../../../lambdas/core/checks/rds/index.js';
import { auroraMember, dbCluster, dbInstance, evaluate } from '../../fixtures/rds.js';

describe('Check: rds-instance-multi-az', () => {
  it('fails when the instance runs in a single Availability Zone', () => {
    // Prepare
    const db = dbInstance('analytics-db', { engine: 'mysql', multiAz: false });

    // Act
    const results = evaluate(rdsInstanceMultiAz, { 'rds.instances': [db] });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: db,
        message: 'RDS DB instance analytics-db (mysql) runs in a single Availability Zone.',
      },
    ]);
  });

  it('passes when the instance is a Multi-AZ deployment', () => {
    // Prepare
    const db = dbInstance('orders-db');

    // Act
    const [result] = evaluate(rdsInstanceMultiAz, { 'rds.instances': [db] });

    // Assess
    expect(result?.status).toBe('PASS');
    expect(result?.message).toBe('RDS DB instance orders-db (postgres) is a Multi-AZ deployment.');
  });

  it('does not evaluate Aurora instances, which report MultiAZ false whatever the cluster’s layout', () => {
    // Prepare
    const member = auroraMember('ledger-1', dbCluster('ledger'), { multiAz: false });

    // Act
    const results = evaluate(rdsInstanceMultiAz, { 'rds.instances': [member] });

    // Assess
    expect(results).toEqual([]);
  });
});

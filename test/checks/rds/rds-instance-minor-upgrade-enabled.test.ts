import { describe, expect, it } from 'vitest';
import { rdsInstanceMinorUpgradeEnabled } from '../../../lambdas/core/checks/rds/index.js';
import { auroraMember, dbCluster, dbInstance, evaluate } from '../../fixtures/rds.js';

describe('Check: rds-instance-minor-upgrade-enabled', () => {
  it('fails when automatic minor version upgrades are off', () => {
    // Prepare
    const db = dbInstance('legacy-db', { engine: 'mysql', autoMinorVersionUpgrade: false });

    // Act
    const results = evaluate(rdsInstanceMinorUpgradeEnabled, { 'rds.instances': [db] });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: db,
        message: 'RDS DB instance legacy-db (mysql) has automatic minor version upgrades turned off.',
      },
    ]);
  });

  it('passes when automatic minor version upgrades are on', () => {
    // Prepare
    const db = dbInstance('orders-db');

    // Act
    const [result] = evaluate(rdsInstanceMinorUpgradeEnabled, { 'rds.instances': [db] });

    // Assess
    expect(result?.status).toBe('PASS');
    expect(result?.message).toBe('RDS DB instance orders-db (postgres) applies minor engine upgrades automatically.');
  });

  it('evaluates Aurora instances too: the setting is per instance', () => {
    // Prepare
    const member = auroraMember('ledger-2', dbCluster('ledger'), { autoMinorVersionUpgrade: false });

    // Act
    const [result] = evaluate(rdsInstanceMinorUpgradeEnabled, { 'rds.instances': [member] });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.resource).toEqual(member);
  });
});

import { describe, expect, it } from 'vitest';
import { rdsInstanceIamAuthEnabled } from '../../../lambdas/core/checks/rds/index.js';
import { auroraMember, dbCluster, dbInstance, evaluate } from '../../fixtures/rds.js';

describe('Check: rds-instance-iam-auth-enabled', () => {
  it('fails when IAM database authentication is off', () => {
    // Prepare
    const db = dbInstance('legacy-db', { engine: 'mysql', iamDatabaseAuthenticationEnabled: false });

    // Act
    const results = evaluate(rdsInstanceIamAuthEnabled, { 'rds.instances': [db], 'rds.clusters': [] });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: db,
        message: 'RDS DB instance legacy-db (mysql) does not accept IAM database authentication (passwords only).',
      },
    ]);
  });

  it('passes when IAM database authentication is on', () => {
    // Prepare
    const db = dbInstance('orders-db', { engine: 'mariadb' });

    // Act
    const [result] = evaluate(rdsInstanceIamAuthEnabled, { 'rds.instances': [db], 'rds.clusters': [] });

    // Assess
    expect(result?.status).toBe('PASS');
    expect(result?.message).toBe('RDS DB instance orders-db (mariadb) accepts IAM database authentication.');
  });

  it('does not evaluate engines without IAM database authentication', () => {
    // Prepare
    const oracle = dbInstance('billing-db', { engine: 'oracle-se2', iamDatabaseAuthenticationEnabled: false });
    const sqlServer = dbInstance('erp-db', { engine: 'sqlserver-se', iamDatabaseAuthenticationEnabled: false });

    // Act
    const results = evaluate(rdsInstanceIamAuthEnabled, { 'rds.instances': [oracle, sqlServer], 'rds.clusters': [] });

    // Assess
    expect(results).toEqual([]);
  });

  it('judges an Aurora instance by its cluster’s setting', () => {
    // Prepare
    const enabled = dbCluster('ledger');
    const disabled = dbCluster('events', { engine: 'aurora-mysql', iamDatabaseAuthenticationEnabled: false });
    const member = auroraMember('ledger-1', enabled, { iamDatabaseAuthenticationEnabled: false });
    const otherMember = auroraMember('events-1', disabled, { iamDatabaseAuthenticationEnabled: true });

    // Act
    const results = evaluate(rdsInstanceIamAuthEnabled, {
      'rds.instances': [member, otherMember],
      'rds.clusters': [enabled, disabled],
    });

    // Assess
    expect(results.map((r) => [r.resource.id, r.status, r.message])).toEqual([
      [
        'ledger-1',
        'PASS',
        'RDS DB instance ledger-1 (aurora-postgresql) is in cluster ledger, which accepts IAM database authentication.',
      ],
      [
        'events-1',
        'FAIL',
        'RDS DB instance events-1 (aurora-mysql) is in cluster events, which does not accept IAM database authentication (passwords only).',
      ],
    ]);
  });
});

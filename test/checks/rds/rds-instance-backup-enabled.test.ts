import { describe, expect, it } from 'vitest';
import { rdsInstanceBackupEnabled } from '../../../lambdas/core/checks/rds/index.js';
import { defaultSettings } from '../../../lambdas/core/config/settings.js';
import { auroraMember, dbCluster, dbInstance, evaluate } from '../../fixtures/rds.js';

describe('Check: rds-instance-backup-enabled', () => {
  it('fails when automated backups are turned off', () => {
    // Prepare
    const db = dbInstance('legacy-db', { engine: 'mysql', backupRetentionPeriod: 0 });

    // Act
    const results = evaluate(rdsInstanceBackupEnabled, { 'rds.instances': [db], 'rds.clusters': [] });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: db,
        message:
          'RDS DB instance legacy-db (mysql) has automated backups turned off (retention 0 days; minimum 7 days).',
      },
    ]);
  });

  it('fails when the retention is shorter than the minimum', () => {
    // Prepare
    const db = dbInstance('analytics-db', { backupRetentionPeriod: 3 });

    // Act
    const [result] = evaluate(rdsInstanceBackupEnabled, { 'rds.instances': [db], 'rds.clusters': [] });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(
      'RDS DB instance analytics-db (postgres) keeps automated backups for only 3 days (minimum 7 days).',
    );
  });

  it('passes when the retention equals the minimum', () => {
    // Prepare
    const db = dbInstance('orders-db', { backupRetentionPeriod: 7 });

    // Act
    const [result] = evaluate(rdsInstanceBackupEnabled, { 'rds.instances': [db], 'rds.clusters': [] });

    // Assess
    expect(result).toEqual({
      status: 'PASS',
      resource: db,
      message: 'RDS DB instance orders-db (postgres) keeps automated backups for 7 days (minimum 7 days).',
    });
  });

  it('uses the minBackupRetentionDays setting', () => {
    // Prepare
    const db = dbInstance('orders-db', { backupRetentionPeriod: 7 });
    const settings = { ...defaultSettings(), minBackupRetentionDays: 14 };

    // Act
    const [result] = evaluate(rdsInstanceBackupEnabled, { 'rds.instances': [db], 'rds.clusters': [] }, { settings });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain('only 7 days (minimum 14 days)');
  });

  it('does not evaluate read replicas, whose source keeps the backups', () => {
    // Prepare
    const replica = dbInstance('orders-db-replica', { backupRetentionPeriod: 0, readReplicaSource: 'orders-db' });

    // Act
    const results = evaluate(rdsInstanceBackupEnabled, { 'rds.instances': [replica], 'rds.clusters': [] });

    // Assess
    expect(results).toEqual([]);
  });

  it('judges an Aurora instance by its cluster’s retention', () => {
    // Prepare
    const cluster = dbCluster('ledger', { backupRetentionPeriod: 14 });
    const shortCluster = dbCluster('events', { engine: 'aurora-mysql', backupRetentionPeriod: 1 });
    const member = auroraMember('ledger-1', cluster);
    const shortMember = auroraMember('events-1', shortCluster, { backupRetentionPeriod: 30 });

    // Act
    const results = evaluate(rdsInstanceBackupEnabled, {
      'rds.instances': [member, shortMember],
      'rds.clusters': [cluster, shortCluster],
    });

    // Assess
    expect(results).toEqual([
      {
        status: 'PASS',
        resource: member,
        message:
          'RDS DB instance ledger-1 (aurora-postgresql) is in cluster ledger, which keeps automated backups for 14 days (minimum 7 days).',
      },
      {
        status: 'FAIL',
        resource: shortMember,
        message:
          'RDS DB instance events-1 (aurora-mysql) is in cluster events, which keeps automated backups for only 1 day (minimum 7 days).',
      },
    ]);
  });

  it('produces no result for an Aurora instance whose cluster is not in the inventory', () => {
    // Prepare
    const member = auroraMember('ledger-1', dbCluster('ledger'));
    const otherRegion = dbCluster('ledger', { region: 'eu-west-1' });

    // Act
    const results = evaluate(rdsInstanceBackupEnabled, { 'rds.instances': [member], 'rds.clusters': [otherRegion] });

    // Assess
    expect(results).toEqual([]);
  });
});

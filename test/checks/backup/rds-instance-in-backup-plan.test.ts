import { describe, expect, it } from 'vitest';
import { rdsInstanceInBackupPlan } from '../../../lambdas/core/checks/rds/index.js';
import { backupPlan, backupSelection, dailyTagSelection } from '../../fixtures/backup.js';
import { auroraMember, dbCluster, dbInstance, evaluate } from '../../fixtures/rds.js';

describe('Check: rds-instance-in-backup-plan', () => {
  it('fails when no selection of the region’s plans picks the instance', () => {
    // Prepare
    const db = dbInstance('legacy-db', { engine: 'mysql', tags: { team: 'platform' } });
    const plan = backupPlan('daily', [dailyTagSelection()]);

    // Act
    const results = evaluate(rdsInstanceInBackupPlan, {
      'rds.instances': [db],
      'rds.clusters': [],
      'backup.plans': [plan],
    });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: db,
        message:
          'RDS DB instance legacy-db (mysql) is not backed up by AWS Backup: it is not selected by any of the 1 backup plan(s) in us-east-1 (daily).',
      },
    ]);
  });

  it('fails when only a plan of another region selects the instance’s ARN', () => {
    // Prepare
    const db = dbInstance('orders-db');
    const euPlan = backupPlan('eu-daily', [backupSelection('orders', { resources: [db.arn] })], {
      region: 'eu-west-1',
    });

    // Act
    const [result] = evaluate(rdsInstanceInBackupPlan, {
      'rds.instances': [db],
      'rds.clusters': [],
      'backup.plans': [euPlan],
    });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(
      'RDS DB instance orders-db (postgres) is not backed up by AWS Backup: there is no backup plan in us-east-1.',
    );
  });

  it('passes when a selection picks the instance by tag', () => {
    // Prepare
    const db = dbInstance('orders-db', { tags: { backup: 'daily' } });
    const plan = backupPlan('daily', [dailyTagSelection()]);

    // Act
    const [result] = evaluate(rdsInstanceInBackupPlan, {
      'rds.instances': [db],
      'rds.clusters': [],
      'backup.plans': [plan],
    });

    // Assess
    expect(result).toEqual({
      status: 'PASS',
      resource: db,
      message:
        'RDS DB instance orders-db (postgres) is selected by AWS Backup plan daily (resource assignment daily-tagged).',
    });
  });

  it('passes an Aurora instance whose cluster is selected', () => {
    // Prepare
    const cluster = dbCluster('ledger', { tags: { backup: 'daily' } });
    const member = auroraMember('ledger-1', cluster);
    const plan = backupPlan('daily', [dailyTagSelection()]);

    // Act
    const [result] = evaluate(rdsInstanceInBackupPlan, {
      'rds.instances': [member],
      'rds.clusters': [cluster],
      'backup.plans': [plan],
    });

    // Assess
    expect(result?.status).toBe('PASS');
    expect(result?.message).toBe(
      'RDS DB instance ledger-1 (aurora-postgresql) is selected through its cluster ledger by AWS Backup plan daily (resource assignment daily-tagged).',
    );
  });

  it('fails an Aurora instance tagged for backup when its cluster is not selected', () => {
    // Prepare
    const cluster = dbCluster('ledger');
    const member = auroraMember('ledger-1', cluster, { tags: { backup: 'daily' } });
    const plan = backupPlan('daily', [dailyTagSelection()]);

    // Act
    const [result] = evaluate(rdsInstanceInBackupPlan, {
      'rds.instances': [member],
      'rds.clusters': [cluster],
      'backup.plans': [plan],
    });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain('its cluster ledger is not selected by any of the 1 backup plan(s)');
  });

  it('produces no result for an Aurora instance whose cluster is not in the inventory', () => {
    // Prepare
    const member = auroraMember('ledger-1', dbCluster('ledger'));

    // Act
    const results = evaluate(rdsInstanceInBackupPlan, {
      'rds.instances': [member],
      'rds.clusters': [],
      'backup.plans': [backupPlan('daily', [backupSelection('all', { resources: ['*'] })])],
    });

    // Assess
    expect(results).toEqual([]);
  });
});

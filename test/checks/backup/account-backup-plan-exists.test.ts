import { describe, expect, it } from 'vitest';
import { accountBackupPlanExists } from '../../../lambdas/core/checks/account/account-backup-plan-exists.js';
import { backupPlan, dailyTagSelection } from '../../fixtures/backup.js';
import { evaluate } from '../../fixtures/rds.js';

const accountIn = (region: string) => ({
  arn: `arn:aws:backup:${region}:123456789012:account`,
  id: `123456789012/${region}`,
  region,
  accountId: '123456789012',
});

describe('Check: account-backup-plan-exists', () => {
  it('fails for a scanned region without any backup plan', () => {
    // Prepare
    const plan = backupPlan('daily', [dailyTagSelection()]);

    // Act
    const results = evaluate(accountBackupPlanExists, { 'backup.plans': [plan] });

    // Assess
    expect(results).toContainEqual({
      status: 'FAIL',
      resource: accountIn('eu-west-1'),
      message: 'AWS Backup has no backup plan in eu-west-1.',
    });
  });

  it('fails when the region’s plans assign no resources', () => {
    // Prepare
    const plan = backupPlan('draft', [], { region: 'eu-west-1' });

    // Act
    const results = evaluate(
      accountBackupPlanExists,
      { 'backup.plans': [plan] },
      { context: { regions: ['eu-west-1'] } },
    );

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: accountIn('eu-west-1'),
        message: 'AWS Backup in eu-west-1 has 1 plan(s) (draft), but none assigns any resource.',
      },
    ]);
  });

  it('passes for a region with a plan that assigns resources', () => {
    // Prepare
    const plan = backupPlan('daily', [dailyTagSelection()]);
    const draft = backupPlan('draft', []);

    // Act
    const results = evaluate(accountBackupPlanExists, { 'backup.plans': [plan, draft] });

    // Assess
    expect(results).toContainEqual({
      status: 'PASS',
      resource: accountIn('us-east-1'),
      message: 'AWS Backup in us-east-1 has 1 plan(s) assigning resources: daily (1 resource assignment(s)).',
    });
  });

  it('reports each scanned region once and ignores plans of regions outside the scan', () => {
    // Prepare
    const apac = backupPlan('apac-daily', [dailyTagSelection()], { region: 'ap-southeast-1' });

    // Act
    const results = evaluate(accountBackupPlanExists, { 'backup.plans': [apac] });

    // Assess
    expect(results.map((r) => [r.resource.region, r.status])).toEqual([
      ['us-east-1', 'FAIL'],
      ['eu-west-1', 'FAIL'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { dynamodbTableInBackupPlan } from '../../../lambdas/core/checks/dynamodb/dynamodb-table-in-backup-plan.js';
import { backupPlan, backupSelection, dailyTagSelection, dynamoTable, tableTags } from '../../fixtures/backup.js';
import { evaluate } from '../../fixtures/rds.js';

describe('Check: dynamodb-table-in-backup-plan', () => {
  it('fails when the table is not selected by any plan of its region', () => {
    // Prepare
    const table = dynamoTable('sessions');
    const plan = backupPlan('daily', [dailyTagSelection()]);

    // Act
    const results = evaluate(dynamodbTableInBackupPlan, {
      'dynamodb.tables': [table],
      'dynamodb.tableTags': [tableTags(table, { backup: 'weekly' })],
      'backup.plans': [plan],
    });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: table,
        message:
          'DynamoDB table sessions is not backed up by AWS Backup: it is not selected by any of the 1 backup plan(s) in us-east-1 (daily).',
      },
    ]);
  });

  it('passes when the table’s tags match a selection', () => {
    // Prepare
    const table = dynamoTable('orders');
    const plan = backupPlan('daily', [dailyTagSelection()]);

    // Act
    const [result] = evaluate(dynamodbTableInBackupPlan, {
      'dynamodb.tables': [table],
      'dynamodb.tableTags': [tableTags(table, { backup: 'daily' })],
      'backup.plans': [plan],
    });

    // Assess
    expect(result).toEqual({
      status: 'PASS',
      resource: table,
      message: 'DynamoDB table orders is selected by AWS Backup plan daily (resource assignment daily-tagged).',
    });
  });

  it('passes when a wildcard ARN selects the table', () => {
    // Prepare
    const table = dynamoTable('orders', { region: 'eu-west-1' });
    const plan = backupPlan('eu-tables', [backupSelection('tables', { resources: ['arn:aws:dynamodb:*:*:table/*'] })], {
      region: 'eu-west-1',
    });

    // Act
    const [result] = evaluate(dynamodbTableInBackupPlan, {
      'dynamodb.tables': [table],
      'dynamodb.tableTags': [tableTags(table)],
      'backup.plans': [plan],
    });

    // Assess
    expect(result?.status).toBe('PASS');
  });

  it('produces no result for a table whose tags could not be collected', () => {
    // Prepare
    const table = dynamoTable('orders');

    // Act
    const results = evaluate(dynamodbTableInBackupPlan, {
      'dynamodb.tables': [table],
      'dynamodb.tableTags': [],
      'backup.plans': [backupPlan('daily', [dailyTagSelection()])],
    });

    // Assess
    expect(results).toEqual([]);
  });
});

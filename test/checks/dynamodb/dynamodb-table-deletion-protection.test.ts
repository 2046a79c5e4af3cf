import { describe, expect, it } from 'vitest';
import { dynamodbTableDeletionProtection } from '../../../lambdas/core/checks/dynamodb/index.js';
import { dynamodbInventory, dynamoTable } from '../../fixtures/dynamodb.js';
import { runCheck } from '../../fixtures/lambda.js';

describe('Check: dynamodb-table-deletion-protection', () => {
  it('fails when deletion protection is disabled', () => {
    // Prepare
    const table = dynamoTable('sessions', { deletionProtectionEnabled: false, region: 'eu-west-1' });

    // Act
    const [result] = runCheck(dynamodbTableDeletionProtection, dynamodbInventory({ tables: [table] }));

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: table,
      message: 'DynamoDB table sessions has deletion protection disabled.',
    });
  });

  it('passes when deletion protection is enabled', () => {
    // Prepare
    const table = dynamoTable('orders', { deletionProtectionEnabled: true });

    // Act
    const [result] = runCheck(dynamodbTableDeletionProtection, dynamodbInventory({ tables: [table] }));

    // Assess
    expect(result?.status).toBe('PASS');
  });

  it('produces no result when there are no tables', () => {
    // Prepare
    const inventory = dynamodbInventory({ tables: [] });

    // Act
    const results = runCheck(dynamodbTableDeletionProtection, inventory);

    // Assess
    expect(results).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { dynamodbTablePitrEnabled } from '../../../lambdas/core/checks/dynamodb/index.js';
import { continuousBackups, dynamodbInventory, dynamoTable } from '../../fixtures/dynamodb.js';
import { runCheck } from '../../fixtures/lambda.js';

describe('Check: dynamodb-table-pitr-enabled', () => {
  it('fails when point-in-time recovery is disabled', () => {
    // Prepare
    const table = dynamoTable('sessions');

    // Act
    const [result] = runCheck(
      dynamodbTablePitrEnabled,
      dynamodbInventory({ tables: [table], continuousBackups: [continuousBackups(table, false)] }),
    );

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: table,
      message: 'DynamoDB table sessions has point-in-time recovery disabled.',
    });
  });

  it('passes when point-in-time recovery is enabled', () => {
    // Prepare
    const table = dynamoTable('orders');

    // Act
    const [result] = runCheck(
      dynamodbTablePitrEnabled,
      dynamodbInventory({ tables: [table], continuousBackups: [continuousBackups(table, true)] }),
    );

    // Assess
    expect(result?.status).toBe('PASS');
  });

  it('produces no result for a table whose backup settings could not be collected', () => {
    // Prepare
    const collected = dynamoTable('orders');
    const missing = dynamoTable('customers');

    // Act
    const results = runCheck(
      dynamodbTablePitrEnabled,
      dynamodbInventory({ tables: [collected, missing], continuousBackups: [continuousBackups(collected, true)] }),
    );

    // Assess
    expect(results.map((r) => r.resource.arn)).toEqual([collected.arn]);
  });
});

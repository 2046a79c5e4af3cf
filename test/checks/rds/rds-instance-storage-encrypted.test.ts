import { describe, expect, it } from 'vitest';
import { rdsInstanceStorageEncrypted } from '../../../lambdas/core/checks/rds/index.js';
import { auroraMember, dbCluster, dbInstance, evaluate } from '../../fixtures/rds.js';

describe('Check: rds-instance-storage-encrypted', () => {
  it('fails when the instance storage is not encrypted', () => {
    // Prepare
    const db = dbInstance('legacy-db', { engine: 'mysql', storageEncrypted: false, kmsKeyId: undefined });

    // Act
    const results = evaluate(rdsInstanceStorageEncrypted, { 'rds.instances': [db] });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: db,
        message: 'RDS DB instance legacy-db (mysql) does not encrypt its storage at rest.',
      },
    ]);
  });

  it('passes when the instance storage is encrypted, naming the key', () => {
    // Prepare
    const db = dbInstance('orders-db', { kmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/abcd' });

    // Act
    const [result] = evaluate(rdsInstanceStorageEncrypted, { 'rds.instances': [db] });

    // Assess
    expect(result).toEqual({
      status: 'PASS',
      resource: db,
      message:
        'RDS DB instance orders-db (postgres) encrypts its storage with KMS key arn:aws:kms:us-east-1:123456789012:key/abcd.',
    });
  });

  it('does not evaluate Aurora instances, whose encryption is the cluster’s', () => {
    // Prepare
    const member = auroraMember('ledger-1', dbCluster('ledger', { storageEncrypted: false }));

    // Act
    const results = evaluate(rdsInstanceStorageEncrypted, { 'rds.instances': [member] });

    // Assess
    expect(results).toEqual([]);
  });
});

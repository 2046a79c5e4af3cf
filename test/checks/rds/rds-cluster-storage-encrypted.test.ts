import { describe, expect, it } from 'vitest';
import { rdsClusterStorageEncrypted } from '../../../lambdas/core/checks/rds/index.js';
import { dbCluster, evaluate } from '../../fixtures/rds.js';

describe('Check: rds-cluster-storage-encrypted', () => {
  it('fails when the cluster storage is not encrypted', () => {
    // Prepare
    const cluster = dbCluster('events', { engine: 'aurora-mysql', storageEncrypted: false, kmsKeyId: undefined });

    // Act
    const results = evaluate(rdsClusterStorageEncrypted, { 'rds.clusters': [cluster] });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: cluster,
        message: 'RDS DB cluster events (aurora-mysql) does not encrypt its storage at rest.',
      },
    ]);
  });

  it('passes when the cluster storage is encrypted', () => {
    // Prepare
    const cluster = dbCluster('ledger', { kmsKeyId: 'alias/aws/rds' });

    // Act
    const [result] = evaluate(rdsClusterStorageEncrypted, { 'rds.clusters': [cluster] });

    // Assess
    expect(result).toEqual({
      status: 'PASS',
      resource: cluster,
      message: 'RDS DB cluster ledger (aurora-postgresql) encrypts its storage with KMS key alias/aws/rds.',
    });
  });

  it('produces no result when there are no clusters', () => {
    // Act
    const results = evaluate(rdsClusterStorageEncrypted, { 'rds.clusters': [] });

    // Assess
    expect(results).toEqual([]);
  });
});

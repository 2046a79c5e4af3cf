import { describe, expect, it } from 'vitest';
import { rdsSnapshotNotPublic } from '../../../lambdas/core/checks/rds/index.js';
import { dbClusterSnapshot, dbSnapshot, evaluate } from '../../fixtures/rds.js';

describe('Check: rds-snapshot-not-public', () => {
  it('fails when a manual DB snapshot is restorable by all accounts', () => {
    // Prepare
    const snapshot = dbSnapshot('legacy-migration', { public: true });

    // Act
    const results = evaluate(rdsSnapshotNotPublic, { 'rds.snapshots': [snapshot], 'rds.clusterSnapshots': [] });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: snapshot,
        message:
          'RDS DB snapshot legacy-migration is public: its restore attribute includes all, so any AWS account can restore it.',
      },
    ]);
  });

  it('fails when a manual cluster snapshot is public', () => {
    // Prepare
    const snapshot = dbClusterSnapshot('ledger-audit', { public: true, sharedWithAccounts: ['210987654321'] });

    // Act
    const [result] = evaluate(rdsSnapshotNotPublic, { 'rds.snapshots': [], 'rds.clusterSnapshots': [snapshot] });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(
      'RDS DB cluster snapshot ledger-audit is public: its restore attribute includes all, so any AWS account can restore it. It is shared with account(s) 210987654321.',
    );
  });

  it('passes when a snapshot is shared with a named account only', () => {
    // Prepare
    const snapshot = dbSnapshot('orders-pre-upgrade', { sharedWithAccounts: ['210987654321'] });

    // Act
    const [result] = evaluate(rdsSnapshotNotPublic, { 'rds.snapshots': [snapshot], 'rds.clusterSnapshots': [] });

    // Assess
    expect(result).toEqual({
      status: 'PASS',
      resource: snapshot,
      message: 'RDS DB snapshot orders-pre-upgrade is not public. It is shared with account(s) 210987654321.',
    });
  });

  it('does not evaluate automated snapshots, which cannot be shared', () => {
    // Prepare
    const automated = dbSnapshot('rds:orders-db-2026-11-20-03-10', { snapshotType: 'automated' });
    const clusterAutomated = dbClusterSnapshot('rds:ledger-2026-11-20-03-10', { snapshotType: 'automated' });

    // Act
    const results = evaluate(rdsSnapshotNotPublic, {
      'rds.snapshots': [automated],
      'rds.clusterSnapshots': [clusterAutomated],
    });

    // Assess
    expect(results).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { rdsSnapshotEncrypted } from '../../../lambdas/core/checks/rds/index.js';
import { dbClusterSnapshot, dbSnapshot, evaluate } from '../../fixtures/rds.js';

describe('Check: rds-snapshot-encrypted', () => {
  it('fails when manual DB and cluster snapshots are not encrypted', () => {
    // Prepare
    const snapshot = dbSnapshot('legacy-migration', { encrypted: false });
    const clusterSnapshot = dbClusterSnapshot('events-export', { encrypted: false });

    // Act
    const results = evaluate(rdsSnapshotEncrypted, {
      'rds.snapshots': [snapshot],
      'rds.clusterSnapshots': [clusterSnapshot],
    });

    // Assess
    expect(results).toEqual([
      { status: 'FAIL', resource: snapshot, message: 'RDS DB snapshot legacy-migration (manual) is not encrypted.' },
      {
        status: 'FAIL',
        resource: clusterSnapshot,
        message: 'RDS DB cluster snapshot events-export (manual) is not encrypted.',
      },
    ]);
  });

  it('passes when a snapshot is encrypted, AWS Backup snapshots included', () => {
    // Prepare
    const snapshot = dbSnapshot('awsbackup:job-1234', { snapshotType: 'awsbackup' });

    // Act
    const results = evaluate(rdsSnapshotEncrypted, { 'rds.snapshots': [snapshot], 'rds.clusterSnapshots': [] });

    // Assess
    expect(results).toEqual([
      { status: 'PASS', resource: snapshot, message: 'RDS DB snapshot awsbackup:job-1234 (awsbackup) is encrypted.' },
    ]);
  });

  it('does not evaluate automated snapshots, which follow their source’s encryption', () => {
    // Prepare
    const automated = dbSnapshot('rds:legacy-db-2026-11-20-03-10', { snapshotType: 'automated', encrypted: false });

    // Act
    const results = evaluate(rdsSnapshotEncrypted, { 'rds.snapshots': [automated], 'rds.clusterSnapshots': [] });

    // Assess
    expect(results).toEqual([]);
  });
});

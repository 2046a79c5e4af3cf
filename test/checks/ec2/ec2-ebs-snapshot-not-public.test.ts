import { describe, expect, it } from 'vitest';
import { ec2EbsSnapshotNotPublic } from '../../../lambdas/core/checks/ec2/index.js';
import { evaluateEc2, snapshot, statuses } from '../../fixtures/ec2.js';

describe('Check: ec2-ebs-snapshot-not-public', () => {
  it('fails when a snapshot is restorable by all accounts', () => {
    // Prepare
    const shared = snapshot('snap-public', { public: true, encrypted: false, volumeId: 'vol-1' });

    // Act
    const results = evaluateEc2(ec2EbsSnapshotNotPublic, { snapshots: [shared] });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: shared,
        message:
          'EBS snapshot snap-public of vol-1 can be restored by every AWS account (createVolumePermission group all).',
      },
    ]);
  });

  it('passes when a snapshot is private', () => {
    // Prepare
    const own = snapshot('snap-private', { tags: { Name: 'db-nightly' } });

    // Act
    const results = evaluateEc2(ec2EbsSnapshotNotPublic, { snapshots: [own] });

    // Assess
    expect(results).toEqual([
      { status: 'PASS', resource: own, message: 'EBS snapshot snap-private (db-nightly) is not shared publicly.' },
    ]);
  });

  it('gives no verdict when the permission could not be read', () => {
    // Prepare
    const unknown = snapshot('snap-unknown', { public: undefined });
    const own = snapshot('snap-own');

    // Act
    const results = evaluateEc2(ec2EbsSnapshotNotPublic, { snapshots: [unknown, own] });

    // Assess
    expect(statuses(results)).toEqual({ 'snap-own': 'PASS' });
  });
});

import { describe, expect, it } from 'vitest';
import { ec2EbsSnapshotEncrypted } from '../../../lambdas/core/checks/ec2/index.js';
import { evaluateEc2, snapshot } from '../../fixtures/ec2.js';

describe('Check: ec2-ebs-snapshot-encrypted', () => {
  it('fails when a snapshot is not encrypted', () => {
    // Prepare
    const plain = snapshot('snap-plain', { encrypted: false, volumeId: 'vol-legacy' });

    // Act
    const results = evaluateEc2(ec2EbsSnapshotEncrypted, { snapshots: [plain] });

    // Assess
    expect(results).toEqual([
      { status: 'FAIL', resource: plain, message: 'EBS snapshot snap-plain of vol-legacy is not encrypted.' },
    ]);
  });

  it('passes when a snapshot is encrypted, whatever its sharing state', () => {
    // Prepare
    const encrypted = snapshot('snap-enc', { public: undefined });

    // Act
    const results = evaluateEc2(ec2EbsSnapshotEncrypted, { snapshots: [encrypted] });

    // Assess
    expect(results).toEqual([{ status: 'PASS', resource: encrypted, message: 'EBS snapshot snap-enc is encrypted.' }]);
  });

  it('reports nothing when there are no snapshots', () => {
    // Prepare / Act
    const results = evaluateEc2(ec2EbsSnapshotEncrypted, {});

    // Assess
    expect(results).toEqual([]);
  });
});

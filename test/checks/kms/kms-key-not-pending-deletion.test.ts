import { describe, expect, it } from 'vitest';
import { kmsKeyNotPendingDeletion } from '../../../lambdas/core/checks/kms/index.js';
import { kmsInventory, kmsKey } from '../../fixtures/kms.js';
import { runCheck } from '../../fixtures/lambda.js';

describe('Check: kms-key-not-pending-deletion', () => {
  it('fails when the key is scheduled for deletion, giving the date', () => {
    // Prepare
    const key = kmsKey('1234abcd', {
      keyState: 'PendingDeletion',
      deletionDate: new Date('2026-11-27T08:30:00Z'),
      aliases: ['alias/legacy-archive'],
    });

    // Act
    const [result] = runCheck(kmsKeyNotPendingDeletion, kmsInventory({ keys: [key] }));

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: key,
      message: 'KMS key 1234abcd (alias/legacy-archive) is scheduled for deletion (PendingDeletion) on 2026-11-27.',
    });
  });

  it('fails when a multi-Region primary waits for its replicas to be deleted', () => {
    // Prepare
    const key = kmsKey('mrk-5678', { keyState: 'PendingReplicaDeletion', multiRegion: true });

    // Act
    const [result] = runCheck(kmsKeyNotPendingDeletion, kmsInventory({ keys: [key] }));

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain('once its replica keys are deleted');
  });

  it('passes for enabled and disabled keys', () => {
    // Prepare
    const keys = [kmsKey('enabled'), kmsKey('disabled', { keyState: 'Disabled' })];

    // Act
    const results = runCheck(kmsKeyNotPendingDeletion, kmsInventory({ keys }));

    // Assess
    expect(results.map((r) => r.status)).toEqual(['PASS', 'PASS']);
  });

  it('produces no result when there are no customer managed keys', () => {
    // Prepare
    const inventory = kmsInventory({ keys: [] });

    // Act
    const results = runCheck(kmsKeyNotPendingDeletion, inventory);

    // Assess
    expect(results).toEqual([]);
  });
});

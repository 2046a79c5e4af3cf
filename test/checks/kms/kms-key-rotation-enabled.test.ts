import { describe, expect, it } from 'vitest';
import { kmsKeyRotationEnabled } from '../../../lambdas/core/checks/kms/index.js';
import { keyRotation, kmsInventory, kmsKey } from '../../fixtures/kms.js';
import { runCheck } from '../../fixtures/lambda.js';

describe('Check: kms-key-rotation-enabled', () => {
  it('fails when automatic rotation is disabled on a symmetric key', () => {
    // Prepare
    const key = kmsKey('1234abcd-12ab-34cd-56ef-1234567890ab', { aliases: ['alias/orders'] });

    // Act
    const [result] = runCheck(
      kmsKeyRotationEnabled,
      kmsInventory({ keys: [key], keyRotation: [keyRotation(key, false)] }),
    );

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: key,
      message:
        'KMS key 1234abcd-12ab-34cd-56ef-1234567890ab (alias/orders) does not have automatic key rotation enabled.',
    });
  });

  it('points at the primary key when a multi-Region replica does not rotate', () => {
    // Prepare
    const key = kmsKey('mrk-1234abcd', {
      region: 'eu-west-1',
      multiRegion: true,
      multiRegionKeyType: 'REPLICA',
      primaryRegion: 'us-east-1',
    });

    // Act
    const [result] = runCheck(
      kmsKeyRotationEnabled,
      kmsInventory({ keys: [key], keyRotation: [keyRotation(key, false)] }),
    );

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain('set it on the primary key in us-east-1');
  });

  it('passes when rotation is enabled', () => {
    // Prepare
    const key = kmsKey('5678efgh');

    // Act
    const [result] = runCheck(
      kmsKeyRotationEnabled,
      kmsInventory({ keys: [key], keyRotation: [keyRotation(key, true, 365)] }),
    );

    // Assess
    expect(result).toEqual({
      status: 'PASS',
      resource: key,
      message: 'KMS key 5678efgh rotates its key material automatically every 365 days.',
    });
  });

  it('produces no result for keys that cannot rotate automatically', () => {
    // Prepare
    const keys = [
      kmsKey('asymmetric', { keySpec: 'RSA_2048', keyUsage: 'SIGN_VERIFY' }),
      kmsKey('hmac', { keySpec: 'HMAC_256', keyUsage: 'GENERATE_VERIFY_MAC' }),
      kmsKey('imported', { origin: 'EXTERNAL' }),
      kmsKey('cloudhsm', { origin: 'AWS_CLOUDHSM' }),
      kmsKey('disabled', { keyState: 'Disabled' }),
      kmsKey('doomed', { keyState: 'PendingDeletion', deletionDate: new Date('2026-12-01T00:00:00Z') }),
    ];

    // Act
    const results = runCheck(
      kmsKeyRotationEnabled,
      kmsInventory({ keys, keyRotation: keys.map((k) => keyRotation(k, false)) }),
    );

    // Assess
    expect(results).toEqual([]);
  });

  it('produces no result for a key whose rotation status could not be collected', () => {
    // Prepare
    const key = kmsKey('1234abcd');

    // Act
    const results = runCheck(kmsKeyRotationEnabled, kmsInventory({ keys: [key] }));

    // Assess
    expect(results).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { ec2EbsVolumeEncrypted } from '../../../lambdas/core/checks/ec2/index.js';
import { evaluateEc2, statuses, volume } from '../../fixtures/ec2.js';

describe('Check: ec2-ebs-volume-encrypted', () => {
  it('fails when a volume is not encrypted, naming its attachment', () => {
    // Prepare
    const scratch = volume('vol-scratch', {
      encrypted: false,
      attachedInstanceIds: ['i-app'],
      tags: { Name: 'scratch' },
    });

    // Act
    const results = evaluateEc2(ec2EbsVolumeEncrypted, { volumes: [scratch] });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: scratch,
        message: 'EBS volume vol-scratch (scratch), attached to i-app, is not encrypted.',
      },
    ]);
  });

  it('evaluates detached volumes too', () => {
    // Prepare
    const detached = volume('vol-detached', { encrypted: false, state: 'available' });
    const encrypted = volume('vol-enc', { kmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/k1' });

    // Act
    const results = evaluateEc2(ec2EbsVolumeEncrypted, { volumes: [detached, encrypted] });

    // Assess
    expect(statuses(results)).toEqual({ 'vol-detached': 'FAIL', 'vol-enc': 'PASS' });
    expect(results[0]?.message).toBe('EBS volume vol-detached, not attached, is not encrypted.');
    expect(results[1]?.message).toBe('EBS volume vol-enc is encrypted with arn:aws:kms:us-east-1:123456789012:key/k1.');
  });

  it('reports nothing when there are no volumes', () => {
    // Prepare / Act
    const results = evaluateEc2(ec2EbsVolumeEncrypted, {});

    // Assess
    expect(results).toEqual([]);
  });
});

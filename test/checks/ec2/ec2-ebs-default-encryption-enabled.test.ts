import { describe, expect, it } from 'vitest';
import { ec2EbsDefaultEncryptionEnabled } from '../../../lambdas/core/checks/ec2/index.js';
import { ebsDefault, evaluateEc2 } from '../../fixtures/ec2.js';

describe('Check: ec2-ebs-default-encryption-enabled', () => {
  it('fails in a region where encryption by default is off, on the regional account resource', () => {
    // Prepare / Act
    const results = evaluateEc2(ec2EbsDefaultEncryptionEnabled, {
      ebsEncryptionByDefault: [ebsDefault('eu-west-1', false)],
    });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: {
          arn: 'arn:aws:ec2:eu-west-1:123456789012:account',
          id: '123456789012/eu-west-1',
          region: 'eu-west-1',
          accountId: '123456789012',
        },
        message: 'EBS encryption by default is disabled in eu-west-1.',
      },
    ]);
  });

  it('passes per region where it is on', () => {
    // Prepare / Act
    const results = evaluateEc2(ec2EbsDefaultEncryptionEnabled, {
      ebsEncryptionByDefault: [ebsDefault('us-east-1', true), ebsDefault('eu-west-1', false)],
    });

    // Assess
    expect(results.map((r) => [r.resource.region, r.status])).toEqual([
      ['us-east-1', 'PASS'],
      ['eu-west-1', 'FAIL'],
    ]);
    expect(results[0]?.message).toBe('EBS encryption by default is enabled in us-east-1.');
  });

  it('reports nothing when no region was collected', () => {
    // Prepare / Act
    const results = evaluateEc2(ec2EbsDefaultEncryptionEnabled, {});

    // Assess
    expect(results).toEqual([]);
  });
});

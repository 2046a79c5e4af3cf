import { describe, expect, it } from 'vitest';
import { ec2AmiNotPublic } from '../../../lambdas/core/checks/ec2/index.js';
import { evaluateEc2, image } from '../../fixtures/ec2.js';

describe('Check: ec2-ami-not-public', () => {
  it('fails when an owned AMI is public', () => {
    // Prepare
    const appliance = image('ami-public', { public: true, name: 'demo-appliance' });

    // Act
    const results = evaluateEc2(ec2AmiNotPublic, { images: [appliance] });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: appliance,
        message: 'AMI ami-public (demo-appliance) is public: every AWS account can launch it.',
      },
    ]);
  });

  it('passes when an owned AMI is private', () => {
    // Prepare
    const golden = image('ami-golden');

    // Act
    const results = evaluateEc2(ec2AmiNotPublic, { images: [golden] });

    // Assess
    expect(results).toEqual([{ status: 'PASS', resource: golden, message: 'AMI ami-golden is private.' }]);
  });

  it('reports nothing when the account owns no AMI', () => {
    // Prepare / Act
    const results = evaluateEc2(ec2AmiNotPublic, {});

    // Assess
    expect(results).toEqual([]);
  });
});

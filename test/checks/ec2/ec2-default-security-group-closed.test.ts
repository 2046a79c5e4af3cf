import { describe, expect, it } from 'vitest';
import { ec2DefaultSecurityGroupClosed } from '../../../lambdas/core/checks/ec2/index.js';
import { evaluateEc2, rule, securityGroup, statuses, tcp } from '../../fixtures/ec2.js';

describe('Check: ec2-default-security-group-closed', () => {
  it('fails when the default group keeps its out-of-the-box rules', () => {
    // Prepare
    const defaultGroup = securityGroup('sg-default', {
      name: 'default',
      vpcId: 'vpc-main',
      ingress: [rule({ protocol: '-1', fromPort: undefined, toPort: undefined, referencedGroupIds: ['sg-default'] })],
    });

    // Act
    const results = evaluateEc2(ec2DefaultSecurityGroupClosed, { securityGroups: [defaultGroup] });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: defaultGroup,
        message:
          'Default security group sg-default of vpc-main has 2 rules: inbound all traffic from sg-default; outbound all traffic to 0.0.0.0/0.',
      },
    ]);
  });

  it('fails when only an inbound rule is left', () => {
    // Prepare
    const defaultGroup = securityGroup('sg-default', {
      name: 'default',
      egress: [],
      ingress: [tcp(22, ['10.0.0.0/8'])],
    });

    // Act
    const results = evaluateEc2(ec2DefaultSecurityGroupClosed, { securityGroups: [defaultGroup] });

    // Assess
    expect(results[0]?.message).toBe(
      'Default security group sg-default of vpc-1 has 1 rule: inbound TCP 22 from 10.0.0.0/8.',
    );
  });

  it('passes when the default group has no rules', () => {
    // Prepare
    const closed = securityGroup('sg-default', { name: 'default', egress: [] });

    // Act
    const results = evaluateEc2(ec2DefaultSecurityGroupClosed, { securityGroups: [closed] });

    // Assess
    expect(results).toEqual([
      { status: 'PASS', resource: closed, message: 'Default security group sg-default of vpc-1 has no rules.' },
    ]);
  });

  it('does not evaluate groups other than the default ones', () => {
    // Prepare
    const web = securityGroup('sg-web', { name: 'web', ingress: [tcp(443, ['0.0.0.0/0'])] });
    const closed = securityGroup('sg-default', { name: 'default', egress: [] });

    // Act
    const results = evaluateEc2(ec2DefaultSecurityGroupClosed, { securityGroups: [web, closed] });

    // Assess
    expect(statuses(results)).toEqual({ 'sg-default': 'PASS' });
  });
});

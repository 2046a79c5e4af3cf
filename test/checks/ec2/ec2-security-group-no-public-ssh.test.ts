import { describe, expect, it } from 'vitest';
import { ec2SecurityGroupNoPublicSsh } from '../../../lambdas/core/checks/ec2/index.js';
import { evaluateEc2, rule, securityGroup, statuses, tcp } from '../../fixtures/ec2.js';

describe('Check: ec2-security-group-no-public-ssh', () => {
  it('fails when TCP 22 is open to 0.0.0.0/0 and ::/0, naming both', () => {
    // Prepare
    const bastion = securityGroup('sg-bastion', { name: 'bastion', ingress: [tcp(22, ['0.0.0.0/0', '::/0'])] });

    // Act
    const results = evaluateEc2(ec2SecurityGroupNoPublicSsh, { securityGroups: [bastion] });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: bastion,
        message:
          'Security group sg-bastion (bastion) allows SSH (TCP or UDP port 22) from the internet: TCP 22 from 0.0.0.0/0; TCP 22 from ::/0.',
      },
    ]);
  });

  it('fails when a port range or an all-traffic rule covers 22', () => {
    // Prepare
    const range = securityGroup('sg-range', { ingress: [tcp(0, ['0.0.0.0/0'], 1024)] });
    const all = securityGroup('sg-all', {
      ingress: [rule({ protocol: '-1', fromPort: undefined, toPort: undefined, ipv6Ranges: ['::/0'] })],
    });

    // Act
    const results = evaluateEc2(ec2SecurityGroupNoPublicSsh, { securityGroups: [range, all] });

    // Assess
    expect(statuses(results)).toEqual({ 'sg-range': 'FAIL', 'sg-all': 'FAIL' });
    expect(results[1]?.message).toContain('all traffic from ::/0');
  });

  it('passes when SSH is allowed only from a corporate range', () => {
    // Prepare
    const corp = securityGroup('sg-corp', { name: 'corp-ssh', ingress: [tcp(22, ['198.51.100.0/24'])] });

    // Act
    const results = evaluateEc2(ec2SecurityGroupNoPublicSsh, { securityGroups: [corp] });

    // Assess
    expect(results).toEqual([
      {
        status: 'PASS',
        resource: corp,
        message: 'Security group sg-corp (corp-ssh) does not allow SSH (TCP or UDP port 22) from the internet.',
      },
    ]);
  });

  it('fails when UDP 22 is open to the internet, as EC2.53 and CIS 5.2 count UDP too', () => {
    // Prepare
    const udp = securityGroup('sg-udp', {
      ingress: [rule({ protocol: 'udp', fromPort: 0, toPort: 65535, ipv4Ranges: ['0.0.0.0/0'] })],
    });

    // Act
    const results = evaluateEc2(ec2SecurityGroupNoPublicSsh, { securityGroups: [udp] });

    // Assess
    expect(results[0]?.status).toBe('FAIL');
    expect(results[0]?.message).toContain('UDP 0-65535 from 0.0.0.0/0');
  });

  it('passes when only other ports, ICMP or referenced groups are open', () => {
    // Prepare
    const web = securityGroup('sg-web', {
      ingress: [
        tcp(443, ['0.0.0.0/0']),
        rule({ protocol: 'udp', fromPort: 53, toPort: 53, ipv4Ranges: ['0.0.0.0/0'] }),
        rule({ protocol: 'icmp', fromPort: -1, toPort: -1, ipv4Ranges: ['0.0.0.0/0'] }),
        rule({ protocol: '-1', fromPort: undefined, toPort: undefined, referencedGroupIds: ['sg-lb'] }),
      ],
    });

    // Act
    const results = evaluateEc2(ec2SecurityGroupNoPublicSsh, { securityGroups: [web] });

    // Assess
    expect(results[0]?.status).toBe('PASS');
  });

  it('reports nothing when there are no security groups', () => {
    // Prepare / Act
    const results = evaluateEc2(ec2SecurityGroupNoPublicSsh, {});

    // Assess
    expect(results).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { ec2SecurityGroupNoPublicRdp } from '../../../lambdas/core/checks/ec2/index.js';
import { evaluateEc2, rule, securityGroup, statuses, tcp } from '../../fixtures/ec2.js';

describe('Check: ec2-security-group-no-public-rdp', () => {
  it('fails when TCP 3389 is open to the internet', () => {
    // Prepare
    const rdp = securityGroup('sg-rdp', { name: 'legacy-rdp', ingress: [tcp(3389, ['0.0.0.0/0'])] });

    // Act
    const results = evaluateEc2(ec2SecurityGroupNoPublicRdp, { securityGroups: [rdp] });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: rdp,
        message:
          'Security group sg-rdp (legacy-rdp) allows RDP (TCP or UDP port 3389) from the internet: TCP 3389 from 0.0.0.0/0.',
      },
    ]);
  });

  it('fails when numbered protocol 6 covers 3389 in a range', () => {
    // Prepare
    const wide = securityGroup('sg-wide', {
      ingress: [rule({ protocol: '6', fromPort: 3000, toPort: 4000, ipv6Ranges: ['::/0'] })],
    });

    // Act
    const results = evaluateEc2(ec2SecurityGroupNoPublicRdp, { securityGroups: [wide] });

    // Assess
    expect(results[0]?.status).toBe('FAIL');
    expect(results[0]?.message).toContain('TCP 3000-4000 from ::/0');
  });

  it('fails when only UDP 3389, the UDP transport of RDP, is open to the internet', () => {
    // Prepare
    const udp = securityGroup('sg-rdp-udp', {
      name: 'rdp-udp',
      ingress: [rule({ protocol: 'udp', fromPort: 3389, toPort: 3389, ipv6Ranges: ['::/0'] })],
    });

    // Act
    const results = evaluateEc2(ec2SecurityGroupNoPublicRdp, { securityGroups: [udp] });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: udp,
        message:
          'Security group sg-rdp-udp (rdp-udp) allows RDP (TCP or UDP port 3389) from the internet: UDP 3389 from ::/0.',
      },
    ]);
  });

  it('passes when RDP is open only to a private range and SSH is open publicly', () => {
    // Prepare
    const vpn = securityGroup('sg-vpn', { ingress: [tcp(3389, ['10.0.0.0/8']), tcp(22, ['0.0.0.0/0'])] });

    // Act
    const results = evaluateEc2(ec2SecurityGroupNoPublicRdp, { securityGroups: [vpn] });

    // Assess
    expect(statuses(results)).toEqual({ 'sg-vpn': 'PASS' });
    expect(results[0]?.message).toBe(
      'Security group sg-vpn (app) does not allow RDP (TCP or UDP port 3389) from the internet.',
    );
  });

  it('fails a group that opens RDP to ::/1 and 8000::/1 in two rules', () => {
    // Prepare
    const split = securityGroup('sg-split-v6', { ingress: [tcp(3389, ['::/1']), tcp(3389, ['8000::/1'])] });

    // Act
    const results = evaluateEc2(ec2SecurityGroupNoPublicRdp, { securityGroups: [split] });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: split,
        message:
          'Security group sg-split-v6 (app) allows RDP (TCP or UDP port 3389) from the internet: TCP 3389 from ::/1, which covers the whole public IPv6 space.',
      },
    ]);
  });

  it('fails a group whose UDP rules only together cover the public IPv6 space', () => {
    // Prepare
    const split = securityGroup('sg-split-v6', {
      ingress: [
        rule({ protocol: 'udp', fromPort: 3389, toPort: 3389, ipv6Ranges: ['2000::/4'] }),
        rule({ protocol: 'udp', fromPort: 3389, toPort: 3389, ipv6Ranges: ['3000::/4'] }),
      ],
    });

    // Act
    const [result] = evaluateEc2(ec2SecurityGroupNoPublicRdp, { securityGroups: [split] });

    // Assess
    expect(result?.message).toContain(
      'UDP 3389 from 2000::/4 and UDP 3389 from 3000::/4, which together cover the public IPv6 space',
    );
  });
});

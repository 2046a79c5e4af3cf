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

  it('fails a group that opens SSH to 0.0.0.0/1 and 128.0.0.0/1 in one rule', () => {
    // Prepare
    const split = securityGroup('sg-split', { name: 'split', ingress: [tcp(22, ['0.0.0.0/1', '128.0.0.0/1'])] });

    // Act
    const results = evaluateEc2(ec2SecurityGroupNoPublicSsh, { securityGroups: [split] });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: split,
        message:
          'Security group sg-split (split) allows SSH (TCP or UDP port 22) from the internet: TCP 22 from 0.0.0.0/1 and TCP 22 from 128.0.0.0/1, which together cover the public IPv4 space.',
      },
    ]);
  });

  it('fails a group that opens SSH to 0.0.0.0/1 and 128.0.0.0/1 in two rules, one of them a port range', () => {
    // Prepare
    const split = securityGroup('sg-split', { ingress: [tcp(22, ['0.0.0.0/1']), tcp(0, ['128.0.0.0/1'], 1023)] });

    // Act
    const [result] = evaluateEc2(ec2SecurityGroupNoPublicSsh, { securityGroups: [split] });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(
      'Security group sg-split (app) allows SSH (TCP or UDP port 22) from the internet: TCP 22 (TCP 22 from 0.0.0.0/1 and TCP 0-1023 from 128.0.0.0/1, which together cover the public IPv4 space).',
    );
  });

  it('fails a group whose two /9 rules merge into a public /8, and one open to a single range wider than /8', () => {
    // Prepare
    const merged = securityGroup('sg-merged', { ingress: [tcp(22, ['11.0.0.0/9']), tcp(22, ['11.128.0.0/9'])] });
    const wide = securityGroup('sg-wide', { ingress: [tcp(22, ['128.0.0.0/1'])] });

    // Act
    const results = evaluateEc2(ec2SecurityGroupNoPublicSsh, { securityGroups: [merged, wide] });

    // Assess
    expect(statuses(results)).toEqual({ 'sg-merged': 'FAIL', 'sg-wide': 'FAIL' });
    expect(results[0]?.message).toContain(
      'TCP 22 from 11.0.0.0/9 and TCP 22 from 11.128.0.0/9, which together form 11.0.0.0/8, as wide as /8',
    );
    expect(results[1]?.message).toContain('TCP 22 from 128.0.0.0/1, which is wider than /8');
  });

  it('passes a group that allows SSH from 10.0.0.0/8 and from an office /24', () => {
    // Prepare
    const internal = securityGroup('sg-internal', {
      ingress: [
        tcp(22, ['10.0.0.0/8']),
        rule({ protocol: '-1', fromPort: undefined, toPort: undefined, ipv4Ranges: ['198.51.100.0/24'] }),
      ],
    });

    // Act
    const results = evaluateEc2(ec2SecurityGroupNoPublicSsh, { securityGroups: [internal] });

    // Assess
    expect(results[0]?.status).toBe('PASS');
  });

  it('follows the internetExposurePrefix setting for wide public ranges', () => {
    // Prepare
    const partner = securityGroup('sg-partner', { ingress: [tcp(22, ['52.94.0.0/16'])] });

    // Act
    const byDefault = evaluateEc2(ec2SecurityGroupNoPublicSsh, { securityGroups: [partner] });
    const strict = evaluateEc2(
      ec2SecurityGroupNoPublicSsh,
      { securityGroups: [partner] },
      { internetExposurePrefix: { ipv4: 16, ipv6: 32 } },
    );

    // Assess
    expect([byDefault[0]?.status, strict[0]?.status]).toEqual(['PASS', 'FAIL']);
    expect(strict[0]?.message).toContain('TCP 22 from 52.94.0.0/16, which is as wide as /16');
  });
});

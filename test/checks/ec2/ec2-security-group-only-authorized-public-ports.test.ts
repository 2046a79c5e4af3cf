import { describe, expect, it } from 'vitest';
import { ec2SecurityGroupOnlyAuthorizedPublicPorts } from '../../../lambdas/core/checks/ec2/index.js';
import { evaluateEc2, rule, securityGroup, statuses, tcp } from '../../fixtures/ec2.js';

describe('Check: ec2-security-group-only-authorized-public-ports', () => {
  it('fails when a port outside the authorized list is open to the internet', () => {
    // Prepare
    const partner = securityGroup('sg-partner', {
      name: 'partner-api',
      ingress: [tcp(443, ['0.0.0.0/0']), tcp(8443, ['0.0.0.0/0'])],
    });

    // Act
    const results = evaluateEc2(ec2SecurityGroupOnlyAuthorizedPublicPorts, { securityGroups: [partner] });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: partner,
        message:
          'Security group sg-partner (partner-api) opens unauthorized ports to the internet: TCP 8443 from 0.0.0.0/0 (authorized: 80, 443).',
      },
    ]);
  });

  it('fails on all-traffic rules, UDP ports and ranges that only partly match', () => {
    // Prepare
    const all = securityGroup('sg-all', {
      ingress: [rule({ protocol: '-1', fromPort: undefined, toPort: undefined, ipv4Ranges: ['0.0.0.0/0'] })],
    });
    const udp = securityGroup('sg-udp', {
      ingress: [rule({ protocol: 'udp', fromPort: 53, toPort: 53, ipv6Ranges: ['::/0'] })],
    });
    const range = securityGroup('sg-range', { ingress: [tcp(80, ['0.0.0.0/0'], 443)] });

    // Act
    const results = evaluateEc2(ec2SecurityGroupOnlyAuthorizedPublicPorts, { securityGroups: [all, udp, range] });

    // Assess
    expect(statuses(results)).toEqual({ 'sg-all': 'FAIL', 'sg-udp': 'FAIL', 'sg-range': 'FAIL' });
    expect(results[0]?.message).toContain('all traffic from 0.0.0.0/0');
    expect(results[1]?.message).toContain('UDP 53 from ::/0');
    expect(results[2]?.message).toContain('TCP 80-443 from 0.0.0.0/0');
  });

  it('passes when only authorized ports are public and others are restricted', () => {
    // Prepare
    const web = securityGroup('sg-web', {
      name: 'web-frontend',
      ingress: [tcp(443, ['0.0.0.0/0', '::/0']), tcp(80, ['0.0.0.0/0']), tcp(22, ['198.51.100.0/24'])],
    });

    // Act
    const results = evaluateEc2(ec2SecurityGroupOnlyAuthorizedPublicPorts, { securityGroups: [web] });

    // Assess
    expect(results).toEqual([
      {
        status: 'PASS',
        resource: web,
        message:
          'Security group sg-web (web-frontend) opens no port to the internet beyond the authorized ports (80, 443).',
      },
    ]);
  });

  it('passes a range made only of authorized ports and ignores ICMP', () => {
    // Prepare
    const web = securityGroup('sg-web', {
      ingress: [
        tcp(8080, ['0.0.0.0/0'], 8081),
        rule({ protocol: 'icmp', fromPort: 8, toPort: 0, ipv4Ranges: ['0.0.0.0/0'] }),
      ],
    });

    // Act
    const results = evaluateEc2(
      ec2SecurityGroupOnlyAuthorizedPublicPorts,
      { securityGroups: [web] },
      { authorizedPublicPorts: [8080, 8081] },
    );

    // Assess
    expect(results[0]?.status).toBe('PASS');
  });

  it('fails any public port when no port is authorized', () => {
    // Prepare
    const web = securityGroup('sg-web', { ingress: [tcp(443, ['0.0.0.0/0'])] });

    // Act
    const results = evaluateEc2(
      ec2SecurityGroupOnlyAuthorizedPublicPorts,
      { securityGroups: [web] },
      { authorizedPublicPorts: [] },
    );

    // Assess
    expect(results[0]?.message).toBe(
      'Security group sg-web (app) opens unauthorized ports to the internet: TCP 443 from 0.0.0.0/0 (authorized: none).',
    );
  });

  it('fails when two rules open an unauthorized port to 0.0.0.0/1 and 128.0.0.0/1', () => {
    // Prepare
    const partner = securityGroup('sg-partner', {
      ingress: [tcp(443, ['0.0.0.0/0']), tcp(8443, ['0.0.0.0/1']), tcp(8443, ['128.0.0.0/1'])],
    });

    // Act
    const results = evaluateEc2(ec2SecurityGroupOnlyAuthorizedPublicPorts, { securityGroups: [partner] });

    // Assess
    expect(results[0]?.message).toBe(
      'Security group sg-partner (app) opens unauthorized ports to the internet: TCP 8443 from 0.0.0.0/1 and TCP 8443 from 128.0.0.0/1, which together cover the public IPv4 space (authorized: 80, 443).',
    );
  });

  it('passes when unauthorized ports are open only to a private range and an office /24', () => {
    // Prepare
    const internal = securityGroup('sg-internal', {
      ingress: [tcp(443, ['0.0.0.0/0']), tcp(8443, ['10.0.0.0/8', '198.51.100.0/24'])],
    });

    // Act
    const results = evaluateEc2(ec2SecurityGroupOnlyAuthorizedPublicPorts, { securityGroups: [internal] });

    // Assess
    expect(results[0]?.status).toBe('PASS');
  });
});

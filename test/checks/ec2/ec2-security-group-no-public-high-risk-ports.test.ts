import { describe, expect, it } from 'vitest';
import { ec2SecurityGroupNoPublicHighRiskPorts } from '../../../lambdas/core/checks/ec2/index.js';
import { evaluateEc2, securityGroup, statuses, tcp } from '../../fixtures/ec2.js';

describe('Check: ec2-security-group-no-public-high-risk-ports', () => {
  it('fails when a database port is open to the internet', () => {
    // Prepare
    const db = securityGroup('sg-db', {
      name: 'analytics-db',
      ingress: [tcp(5432, ['0.0.0.0/0']), tcp(443, ['0.0.0.0/0'])],
    });

    // Act
    const results = evaluateEc2(ec2SecurityGroupNoPublicHighRiskPorts, { securityGroups: [db] });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: db,
        message:
          'Security group sg-db (analytics-db) allows high-risk TCP port 5432 from the internet: TCP 5432 from 0.0.0.0/0.',
      },
    ]);
  });

  it('lists every high-risk port a wide range exposes', () => {
    // Prepare
    const wide = securityGroup('sg-wide', { ingress: [tcp(3300, ['::/0'], 3400)] });

    // Act
    const results = evaluateEc2(ec2SecurityGroupNoPublicHighRiskPorts, { securityGroups: [wide] });

    // Assess
    expect(results[0]?.message).toBe(
      'Security group sg-wide (app) allows high-risk TCP ports 3306, 3389 from the internet: TCP 3300-3400 from ::/0.',
    );
  });

  it('uses the highRiskPorts setting', () => {
    // Prepare
    const grafana = securityGroup('sg-grafana', { ingress: [tcp(3000, ['0.0.0.0/0'])] });
    const db = securityGroup('sg-db', { ingress: [tcp(5432, ['0.0.0.0/0'])] });

    // Act
    const results = evaluateEc2(
      ec2SecurityGroupNoPublicHighRiskPorts,
      { securityGroups: [grafana, db] },
      { highRiskPorts: [5432] },
    );

    // Assess
    expect(statuses(results)).toEqual({ 'sg-grafana': 'PASS', 'sg-db': 'FAIL' });
    expect(results[0]?.message).toBe(
      'Security group sg-grafana (app) does not allow any of the 1 high-risk TCP ports (setting highRiskPorts) from the internet.',
    );
  });

  it('passes when high-risk ports are open only inside the network', () => {
    // Prepare
    const internal = securityGroup('sg-internal', { ingress: [tcp(5432, ['10.20.0.0/16']), tcp(443, ['0.0.0.0/0'])] });

    // Act
    const results = evaluateEc2(ec2SecurityGroupNoPublicHighRiskPorts, { securityGroups: [internal] });

    // Assess
    expect(results[0]?.status).toBe('PASS');
  });

  it('fails when two port-range rules open high-risk ports to two /9 halves of a public /8', () => {
    // Prepare
    const ranges = securityGroup('sg-ranges', {
      ingress: [tcp(1000, ['11.0.0.0/9'], 6000), tcp(3000, ['11.128.0.0/9'], 9000)],
    });

    // Act
    const results = evaluateEc2(ec2SecurityGroupNoPublicHighRiskPorts, { securityGroups: [ranges] });

    // Assess
    expect(results[0]?.message).toBe(
      'Security group sg-ranges (app) allows high-risk TCP ports 3000, 3306, 3389, 4333, 5000, 5432, 5500, 5601 from the internet: TCP 3000-6000 (TCP 1000-6000 from 11.0.0.0/9 and TCP 3000-9000 from 11.128.0.0/9, which together form 11.0.0.0/8, as wide as /8).',
    );
  });

  it('passes when a port range is open only to a private range and an office /24', () => {
    // Prepare
    const internal = securityGroup('sg-internal', {
      ingress: [tcp(0, ['10.0.0.0/8'], 65535), tcp(0, ['198.51.100.0/24'], 65535)],
    });

    // Act
    const results = evaluateEc2(ec2SecurityGroupNoPublicHighRiskPorts, { securityGroups: [internal] });

    // Assess
    expect(results[0]?.status).toBe('PASS');
  });
});

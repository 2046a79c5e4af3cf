import { describe, expect, it } from 'vitest';
import { rdsInstanceNotPublic } from '../../../lambdas/core/checks/rds/index.js';
import { rule, securityGroup, tcp } from '../../fixtures/ec2.js';
import { auroraMember, dbCluster, dbInstance, evaluate } from '../../fixtures/rds.js';

describe('Check: rds-instance-not-public', () => {
  it('fails when the instance is publicly accessible and a security group admits the internet on its port', () => {
    // Prepare
    const db = dbInstance('legacy-db', { engine: 'mysql', port: 3306, publiclyAccessible: true });
    const group = securityGroup('sg-0db0000000000001', { name: 'legacy-db', ingress: [tcp(3306, ['0.0.0.0/0'])] });

    // Act
    const results = evaluate(rdsInstanceNotPublic, { 'rds.instances': [db], 'ec2.securityGroups': [group] });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: db,
        message:
          'RDS DB instance legacy-db (mysql) is publicly accessible, and security group sg-0db0000000000001 (legacy-db) allows TCP 3306 from 0.0.0.0/0: it is reachable from the internet now.',
      },
    ]);
  });

  it('fails when the instance is publicly accessible even though no security group admits the internet today', () => {
    // Prepare
    const db = dbInstance('reports-db', { publiclyAccessible: true });
    const group = securityGroup('sg-0db0000000000001', {
      ingress: [
        tcp(5432, ['10.0.0.0/16']),
        tcp(443, ['0.0.0.0/0']),
        rule({ protocol: 'udp', fromPort: 0, toPort: 65535, ipv4Ranges: ['0.0.0.0/0'] }),
      ],
    });

    // Act
    const [result] = evaluate(rdsInstanceNotPublic, { 'rds.instances': [db], 'ec2.securityGroups': [group] });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(
      'RDS DB instance reports-db (postgres) is publicly accessible; its security groups (sg-0db0000000000001) do not admit the internet on port 5432 today, so a single rule change would expose it.',
    );
  });

  it('names an all-traffic IPv6 rule as reaching the instance', () => {
    // Prepare
    const db = dbInstance('reports-db', { publiclyAccessible: true });
    const group = securityGroup('sg-0db0000000000001', {
      ingress: [rule({ protocol: '-1', fromPort: undefined, toPort: undefined, ipv6Ranges: ['::/0'] })],
    });

    // Act
    const [result] = evaluate(rdsInstanceNotPublic, { 'rds.instances': [db], 'ec2.securityGroups': [group] });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain('allows all traffic from ::/0');
  });

  it('says when the security groups are not in the inventory, and ignores a same-named group of another region', () => {
    // Prepare
    const db = dbInstance('reports-db', { publiclyAccessible: true });
    const elsewhere = securityGroup('sg-0db0000000000001', {
      region: 'eu-west-1',
      ingress: [tcp(5432, ['0.0.0.0/0'])],
    });

    // Act
    const [result] = evaluate(rdsInstanceNotPublic, { 'rds.instances': [db], 'ec2.securityGroups': [elsewhere] });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain('its security groups (sg-0db0000000000001) were not found in the inventory');
  });

  it('fails for a publicly accessible Aurora instance: accessibility is set per instance', () => {
    // Prepare
    const cluster = dbCluster('ledger');
    const member = auroraMember('ledger-1', cluster, { publiclyAccessible: true, vpcSecurityGroupIds: [] });

    // Act
    const [result] = evaluate(rdsInstanceNotPublic, { 'rds.instances': [member], 'ec2.securityGroups': [] });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain('it has no VPC security group to inspect');
  });

  it('passes when the instance is not publicly accessible, even with a security group open to the internet', () => {
    // Prepare
    const db = dbInstance('orders-db');
    const group = securityGroup('sg-0db0000000000001', { ingress: [tcp(5432, ['0.0.0.0/0'])] });

    // Act
    const results = evaluate(rdsInstanceNotPublic, { 'rds.instances': [db], 'ec2.securityGroups': [group] });

    // Assess
    expect(results).toEqual([
      { status: 'PASS', resource: db, message: 'RDS DB instance orders-db (postgres) is not publicly accessible.' },
    ]);
  });

  it('produces no result when there are no instances', () => {
    // Prepare
    const group = securityGroup('sg-0db0000000000001', { ingress: [tcp(5432, ['0.0.0.0/0'])] });

    // Act
    const results = evaluate(rdsInstanceNotPublic, { 'rds.instances': [], 'ec2.securityGroups': [group] });

    // Assess
    expect(results).toEqual([]);
  });

  it('says the instance is reachable now when two rules open its port to 0.0.0.0/1 and 128.0.0.0/1', () => {
    // Prepare
    const db = dbInstance('legacy-db', { engine: 'mysql', port: 3306, publiclyAccessible: true });
    const group = securityGroup('sg-0db0000000000001', {
      name: 'legacy-db',
      ingress: [tcp(3306, ['0.0.0.0/1']), tcp(3306, ['128.0.0.0/1'])],
    });

    // Act
    const [result] = evaluate(rdsInstanceNotPublic, { 'rds.instances': [db], 'ec2.securityGroups': [group] });

    // Assess
    expect(result?.message).toBe(
      'RDS DB instance legacy-db (mysql) is publicly accessible, and security group sg-0db0000000000001 (legacy-db) allows TCP 3306 from 0.0.0.0/1 and TCP 3306 from 128.0.0.0/1, which together cover the public IPv4 space: it is reachable from the internet now.',
    );
  });

  it('does not call the instance reachable when its port is open only to 10.0.0.0/8 and an office /24', () => {
    // Prepare
    const db = dbInstance('reports-db', { publiclyAccessible: true });
    const group = securityGroup('sg-0db0000000000001', { ingress: [tcp(5432, ['10.0.0.0/8', '198.51.100.0/24'])] });

    // Act
    const [result] = evaluate(rdsInstanceNotPublic, { 'rds.instances': [db], 'ec2.securityGroups': [group] });

    // Assess
    expect(result?.message).toContain('do not admit the internet on port 5432 today');
  });
});

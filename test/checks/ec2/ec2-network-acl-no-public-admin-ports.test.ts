import { describe, expect, it } from 'vitest';
import { ec2NetworkAclNoPublicAdminPorts } from '../../../lambdas/core/checks/ec2/index.js';
import { aclEntry, evaluateEc2, networkAcl, statuses } from '../../fixtures/ec2.js';

const portEntry = (
  protocol: '6' | '17',
  ruleNumber: number,
  from: number,
  to: number,
  ruleAction: 'allow' | 'deny',
  cidr = '0.0.0.0/0',
) =>
  aclEntry({
    ruleNumber,
    protocol,
    ruleAction,
    portRange: { from, to },
    ...(cidr.includes(':') ? { cidrBlock: undefined, ipv6CidrBlock: cidr } : { cidrBlock: cidr }),
  });

const tcpEntry = (ruleNumber: number, from: number, to: number, ruleAction: 'allow' | 'deny', cidr = '0.0.0.0/0') =>
  portEntry('6', ruleNumber, from, to, ruleAction, cidr);

const udpEntry = (ruleNumber: number, from: number, to: number, ruleAction: 'allow' | 'deny', cidr = '0.0.0.0/0') =>
  portEntry('17', ruleNumber, from, to, ruleAction, cidr);

describe('Check: ec2-network-acl-no-public-admin-ports', () => {
  it('fails when the default allow-all rule lets SSH and RDP in', () => {
    // Prepare
    const acl = networkAcl(
      'acl-default',
      [aclEntry({ ruleNumber: 100 }), aclEntry({ ruleNumber: 100, egress: true })],
      {
        isDefault: true,
      },
    );

    // Act
    const results = evaluateEc2(ec2NetworkAclNoPublicAdminPorts, { networkAcls: [acl] });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: acl,
        message:
          'Default network ACL acl-default allows remote administration from the internet: TCP 22 from 0.0.0.0/0 by rule 100 (all traffic); UDP 22 from 0.0.0.0/0 by rule 100 (all traffic); TCP 3389 from 0.0.0.0/0 by rule 100 (all traffic); UDP 3389 from 0.0.0.0/0 by rule 100 (all traffic).',
      },
    ]);
  });

  it('fails when TCP 22 is allowed from ::/0', () => {
    // Prepare
    const acl = networkAcl('acl-v6', [tcpEntry(120, 22, 22, 'allow', '::/0')], { tags: { Name: 'public-v6' } });

    // Act
    const results = evaluateEc2(ec2NetworkAclNoPublicAdminPorts, { networkAcls: [acl] });

    // Assess
    expect(results[0]?.message).toBe(
      'Network ACL acl-v6 (public-v6) allows remote administration from the internet: TCP 22 from ::/0 by rule 120 (TCP 22).',
    );
  });

  it('passes when lower-numbered TCP and UDP denies come before an allow-all', () => {
    // Prepare
    const acl = networkAcl('acl-private', [
      tcpEntry(80, 22, 22, 'deny'),
      tcpEntry(90, 3389, 3389, 'deny'),
      udpEntry(91, 22, 22, 'deny'),
      udpEntry(92, 3389, 3389, 'deny'),
      aclEntry({ ruleNumber: 100 }),
    ]);

    // Act
    const results = evaluateEc2(ec2NetworkAclNoPublicAdminPorts, { networkAcls: [acl] });

    // Assess
    expect(results).toEqual([
      {
        status: 'PASS',
        resource: acl,
        message: 'Network ACL acl-private does not allow TCP or UDP 22 or 3389 from the internet.',
      },
    ]);
  });

  it('fails when the deny comes after the allow, or covers only part of the internet', () => {
    // Prepare
    const lateDeny = networkAcl('acl-late', [aclEntry({ ruleNumber: 100 }), tcpEntry(200, 0, 65535, 'deny')]);
    const narrowDeny = networkAcl('acl-narrow', [
      tcpEntry(50, 22, 3389, 'deny', '203.0.113.0/24'),
      aclEntry({ ruleNumber: 100 }),
    ]);

    // Act
    const results = evaluateEc2(ec2NetworkAclNoPublicAdminPorts, { networkAcls: [lateDeny, narrowDeny] });

    // Assess
    expect(statuses(results)).toEqual({ 'acl-late': 'FAIL', 'acl-narrow': 'FAIL' });
  });

  it('fails when TCP denies come before an allow-all that still admits UDP 22 and 3389, as EC2.21 counts UDP', () => {
    // Prepare
    const acl = networkAcl('acl-tcp-only', [
      tcpEntry(80, 22, 22, 'deny'),
      tcpEntry(90, 3389, 3389, 'deny'),
      aclEntry({ ruleNumber: 100 }),
    ]);

    // Act
    const results = evaluateEc2(ec2NetworkAclNoPublicAdminPorts, { networkAcls: [acl] });

    // Assess
    expect(results[0]?.message).toBe(
      'Network ACL acl-tcp-only allows remote administration from the internet: UDP 22 from 0.0.0.0/0 by rule 100 (all traffic); UDP 3389 from 0.0.0.0/0 by rule 100 (all traffic).',
    );
  });

  it('fails when a UDP range covering 3389 is allowed from ::/0', () => {
    // Prepare
    const acl = networkAcl('acl-udp', [udpEntry(130, 1024, 65535, 'allow', '::/0')]);

    // Act
    const results = evaluateEc2(ec2NetworkAclNoPublicAdminPorts, { networkAcls: [acl] });

    // Assess
    expect(results[0]?.message).toBe(
      'Network ACL acl-udp allows remote administration from the internet: UDP 3389 from ::/0 by rule 130 (UDP 1024-65535).',
    );
  });

  it('passes when admin ports are allowed only from a corporate range, and web ports and ICMP from anywhere', () => {
    // Prepare
    const acl = networkAcl('acl-web', [
      tcpEntry(100, 22, 22, 'allow', '198.51.100.0/24'),
      udpEntry(105, 3389, 3389, 'allow', '198.51.100.0/24'),
      tcpEntry(110, 443, 443, 'allow'),
      tcpEntry(120, 1024, 3388, 'allow'),
      aclEntry({ ruleNumber: 130, protocol: '1' }),
      aclEntry({ ruleNumber: 140, egress: true }),
    ]);

    // Act
    const results = evaluateEc2(ec2NetworkAclNoPublicAdminPorts, { networkAcls: [acl] });

    // Assess
    expect(results[0]?.status).toBe('PASS');
  });

  it('reports nothing when there are no network ACLs', () => {
    // Prepare / Act
    const results = evaluateEc2(ec2NetworkAclNoPublicAdminPorts, {});

    // Assess
    expect(results).toEqual([]);
  });

  it('fails when two allow rules split the internet into 0.0.0.0/1 and 128.0.0.0/1', () => {
    // Prepare
    const acl = networkAcl('acl-split', [
      tcpEntry(100, 22, 22, 'allow', '0.0.0.0/1'),
      tcpEntry(110, 22, 22, 'allow', '128.0.0.0/1'),
    ]);

    // Act
    const results = evaluateEc2(ec2NetworkAclNoPublicAdminPorts, { networkAcls: [acl] });

    // Assess
    expect(results[0]?.message).toBe(
      'Network ACL acl-split allows remote administration from the internet: TCP 22 from 0.0.0.0/1 by rule 100 (TCP 22) and 128.0.0.0/1 by rule 110 (TCP 22), which together cover the public IPv4 space.',
    );
  });

  it('passes when a deny of the whole internet comes before the allow-all', () => {
    // Prepare
    const acl = networkAcl('acl-closed', [
      aclEntry({ ruleNumber: 90, ruleAction: 'deny' }),
      aclEntry({ ruleNumber: 100 }),
    ]);

    // Act
    const results = evaluateEc2(ec2NetworkAclNoPublicAdminPorts, { networkAcls: [acl] });

    // Assess
    expect(results[0]?.status).toBe('PASS');
  });

  it('fails when the deny before the allow-all covers only 1.2.3.0/24, naming the public blocks left open', () => {
    // Prepare
    const acl = networkAcl('acl-narrow', [
      tcpEntry(90, 0, 65535, 'deny', '1.2.3.0/24'),
      tcpEntry(100, 22, 22, 'allow'),
    ]);

    // Act
    const results = evaluateEc2(ec2NetworkAclNoPublicAdminPorts, { networkAcls: [acl] });

    // Assess
    expect(results[0]?.message).toBe(
      'Network ACL acl-narrow allows remote administration from the internet: TCP 22 from 0.0.0.0/0 by rule 100 (TCP 22), which admits public blocks at least as wide as /8: 128.0.0.0/1, 64.0.0.0/2, 32.0.0.0/3 and 4 more.',
    );
  });

  it('fails when the deny before the allow-all covers only 0.0.0.0/1, as 128.0.0.0/1 stays allowed', () => {
    // Prepare
    const acl = networkAcl('acl-half', [
      aclEntry({ ruleNumber: 90, ruleAction: 'deny', cidrBlock: '0.0.0.0/1' }),
      aclEntry({ ruleNumber: 100 }),
    ]);

    // Act
    const results = evaluateEc2(ec2NetworkAclNoPublicAdminPorts, { networkAcls: [acl] });

    // Assess
    expect(results[0]?.status).toBe('FAIL');
    expect(results[0]?.message).toContain(
      'TCP 22 from 0.0.0.0/0 by rule 100 (all traffic), which admits 128.0.0.0/1 (wider than /8)',
    );
  });

  it('passes when ::/1 is denied before ::/0 is allowed, as ::/1 holds all of global unicast', () => {
    // Prepare
    const acl = networkAcl('acl-v6', [
      aclEntry({ ruleNumber: 90, ruleAction: 'deny', cidrBlock: undefined, ipv6CidrBlock: '::/1' }),
      aclEntry({ ruleNumber: 100, cidrBlock: undefined, ipv6CidrBlock: '::/0' }),
    ]);

    // Act
    const results = evaluateEc2(ec2NetworkAclNoPublicAdminPorts, { networkAcls: [acl] });

    // Assess
    expect(results[0]?.status).toBe('PASS');
  });

  it('lets IPv6 entries decide only IPv6 sources', () => {
    // Prepare
    const acl = networkAcl('acl-mixed', [
      aclEntry({ ruleNumber: 80, ruleAction: 'deny', cidrBlock: undefined, ipv6CidrBlock: '::/0' }),
      tcpEntry(100, 22, 22, 'allow', '0.0.0.0/0'),
      tcpEntry(110, 22, 22, 'allow', '::/0'),
    ]);

    // Act
    const results = evaluateEc2(ec2NetworkAclNoPublicAdminPorts, { networkAcls: [acl] });

    // Assess
    expect(results[0]?.message).toBe(
      'Network ACL acl-mixed allows remote administration from the internet: TCP 22 from 0.0.0.0/0 by rule 100 (TCP 22).',
    );
  });

  it('passes when admin ports are allowed only from 10.0.0.0/8 and an office /24', () => {
    // Prepare
    const acl = networkAcl('acl-internal', [
      aclEntry({ ruleNumber: 100, cidrBlock: '10.0.0.0/8' }),
      udpEntry(110, 3389, 3389, 'allow', '198.51.100.0/24'),
      tcpEntry(120, 22, 22, 'allow', '198.51.100.0/24'),
    ]);

    // Act
    const results = evaluateEc2(ec2NetworkAclNoPublicAdminPorts, { networkAcls: [acl] });

    // Assess
    expect(results[0]?.status).toBe('PASS');
  });
});

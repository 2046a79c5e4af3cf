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
});

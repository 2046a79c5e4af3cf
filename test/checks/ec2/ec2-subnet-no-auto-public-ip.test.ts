import { describe, expect, it } from 'vitest';
import { ec2SubnetNoAutoPublicIp } from '../../../lambdas/core/checks/ec2/index.js';
import { evaluateEc2, subnet } from '../../fixtures/ec2.js';

describe('Check: ec2-subnet-no-auto-public-ip', () => {
  it('fails when a default subnet auto-assigns public addresses', () => {
    // Prepare
    const defaultSubnet = subnet('subnet-default', {
      mapPublicIpOnLaunch: true,
      defaultForAz: true,
      vpcId: 'vpc-default',
    });

    // Act
    const results = evaluateEc2(ec2SubnetNoAutoPublicIp, { subnets: [defaultSubnet] });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: defaultSubnet,
        message:
          'Default subnet subnet-default in vpc-default assigns a public IPv4 address to every instance launched in it (MapPublicIpOnLaunch is true).',
      },
    ]);
  });

  it('passes when the subnet does not assign public addresses', () => {
    // Prepare
    const privateSubnet = subnet('subnet-private', { tags: { Name: 'prod-private-a' } });

    // Act
    const results = evaluateEc2(ec2SubnetNoAutoPublicIp, { subnets: [privateSubnet] });

    // Assess
    expect(results).toEqual([
      {
        status: 'PASS',
        resource: privateSubnet,
        message: 'Subnet subnet-private (prod-private-a) in vpc-1 does not assign public IPv4 addresses on launch.',
      },
    ]);
  });

  it('reports nothing when there are no subnets', () => {
    // Prepare / Act
    const results = evaluateEc2(ec2SubnetNoAutoPublicIp, {});

    // Assess
    expect(results).toEqual([]);
  });
});

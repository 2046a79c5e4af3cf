import { describe, expect, it } from 'vitest';
import { ec2VpcFlowLogsEnabled } from '../../../lambdas/core/checks/ec2/index.js';
import { evaluateEc2, flowLog, statuses, vpc } from '../../fixtures/ec2.js';

describe('Check: ec2-vpc-flow-logs-enabled', () => {
  it('fails when a VPC has no flow log', () => {
    // Prepare
    const defaultVpc = vpc('vpc-default', { isDefault: true });

    // Act
    const results = evaluateEc2(ec2VpcFlowLogsEnabled, { vpcs: [defaultVpc], flowLogs: [] });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: defaultVpc,
        message:
          'Default VPC vpc-default has no active flow log of rejected traffic (REJECT or ALL) attached to the VPC.',
      },
    ]);
  });

  it('fails when the only flow logs are on a subnet, inactive, or in another region', () => {
    // Prepare
    const prod = vpc('vpc-prod');

    // Act
    const results = evaluateEc2(ec2VpcFlowLogsEnabled, {
      vpcs: [prod],
      flowLogs: [
        flowLog('fl-subnet', 'subnet-1'),
        flowLog('fl-inactive', 'vpc-prod', { status: 'INACTIVE' }),
        flowLog('fl-elsewhere', 'vpc-prod', { region: 'eu-west-1' }),
      ],
    });

    // Assess
    expect(results[0]?.status).toBe('FAIL');
  });

  it("fails when the VPC's only flow log records accepted traffic alone, as EC2.6 wants rejects", () => {
    // Prepare
    const prod = vpc('vpc-prod');

    // Act
    const results = evaluateEc2(ec2VpcFlowLogsEnabled, {
      vpcs: [prod],
      flowLogs: [flowLog('fl-accept', 'vpc-prod', { trafficType: 'ACCEPT' })],
    });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: prod,
        message: 'VPC vpc-prod has no active flow log of rejected traffic (REJECT or ALL) attached to the VPC.',
      },
    ]);
  });

  it('passes when an active flow log is attached to the VPC', () => {
    // Prepare
    const prod = vpc('vpc-prod', { tags: { Name: 'prod' } });
    const staging = vpc('vpc-staging');

    // Act
    const results = evaluateEc2(ec2VpcFlowLogsEnabled, {
      vpcs: [prod, staging],
      flowLogs: [flowLog('fl-1', 'vpc-prod', { trafficType: 'REJECT' })],
    });

    // Assess
    expect(statuses(results)).toEqual({ 'vpc-prod': 'PASS', 'vpc-staging': 'FAIL' });
    expect(results[0]?.message).toBe('VPC vpc-prod (prod) has an active flow log (fl-1, REJECT traffic).');
  });
});

import { describe, expect, it } from 'vitest';
import { cloudwatchAlarmVpcChanges } from '../../../lambdas/core/checks/cloudwatch/index.js';
import { chainPassMessage, globalAccount, monitoringInventory, noFilterMessage } from '../../fixtures/detection.js';
import { runCheckOn } from '../../fixtures/scan.js';

const SUBJECT = 'VPC changes';

describe('Check: cloudwatch-alarm-vpc-changes', () => {
  it('passes with wildcards covering ClassicLink and peering', () => {
    // Prepare
    const inventory = monitoringInventory(
      '{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) || ($.eventName = *VpcPeeringConnection) || ($.eventName = *ClassicLink*) }',
    );

    // Act
    const results = runCheckOn(cloudwatchAlarmVpcChanges, inventory);

    // Assess
    expect(results).toEqual([{ status: 'PASS', resource: globalAccount, message: chainPassMessage(SUBJECT) }]);
  });

  it('fails when the filter leaves out the ClassicLink calls', () => {
    // Prepare
    const inventory = monitoringInventory(
      '{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) || ($.eventName = ModifyVpcAttribute) || ($.eventName = AcceptVpcPeeringConnection) || ($.eventName = CreateVpcPeeringConnection) || ($.eventName = DeleteVpcPeeringConnection) || ($.eventName = RejectVpcPeeringConnection) }',
    );

    // Act
    const results = runCheckOn(cloudwatchAlarmVpcChanges, inventory);

    // Assess
    expect(results).toEqual([{ status: 'FAIL', resource: globalAccount, message: noFilterMessage(SUBJECT) }]);
  });
});

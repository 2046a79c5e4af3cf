import { describe, expect, it } from 'vitest';
import { cloudwatchAlarmRouteTableChanges } from '../../../lambdas/core/checks/cloudwatch/index.js';
import { chainPassMessage, globalAccount, monitoringInventory, noFilterMessage } from '../../fixtures/detection.js';
import { runCheckOn } from '../../fixtures/scan.js';

const SUBJECT = 'route table changes';

describe('Check: cloudwatch-alarm-route-table-changes', () => {
  it('passes with prefix wildcards', () => {
    // Prepare
    const inventory = monitoringInventory(
      '{ ($.eventName = CreateRoute*) || ($.eventName = ReplaceRoute*) || ($.eventName = DeleteRoute*) || ($.eventName = DisassociateRouteTable) }',
    );

    // Act
    const results = runCheckOn(cloudwatchAlarmRouteTableChanges, inventory);

    // Assess
    expect(results).toEqual([{ status: 'PASS', resource: globalAccount, message: chainPassMessage(SUBJECT) }]);
  });

  it('fails when the filter leaves out DisassociateRouteTable', () => {
    // Prepare
    const inventory = monitoringInventory(
      '{ ($.eventName = CreateRoute*) || ($.eventName = ReplaceRoute*) || ($.eventName = DeleteRoute*) }',
    );

    // Act
    const results = runCheckOn(cloudwatchAlarmRouteTableChanges, inventory);

    // Assess
    expect(results).toEqual([{ status: 'FAIL', resource: globalAccount, message: noFilterMessage(SUBJECT) }]);
  });
});

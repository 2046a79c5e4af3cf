import { describe, expect, it } from 'vitest';
import { cloudwatchAlarmNetworkGatewayChanges } from '../../../lambdas/core/checks/cloudwatch/index.js';
import { chainPassMessage, globalAccount, monitoringInventory, noFilterMessage } from '../../fixtures/detection.js';
import { runCheckOn } from '../../fixtures/scan.js';

const SUBJECT = 'network gateway changes';

describe('Check: cloudwatch-alarm-network-gateway-changes', () => {
  it('passes with the terms in another order, quoted', () => {
    // Prepare
    const inventory = monitoringInventory(
      '{ ($.eventName = "CreateInternetGateway") || ($.eventName = "AttachInternetGateway") || ($.eventName = "DetachInternetGateway") || ($.eventName = "DeleteInternetGateway") || ($.eventName = "CreateCustomerGateway") || ($.eventName = "DeleteCustomerGateway") }',
    );

    // Act
    const results = runCheckOn(cloudwatchAlarmNetworkGatewayChanges, inventory);

    // Assess
    expect(results).toEqual([{ status: 'PASS', resource: globalAccount, message: chainPassMessage(SUBJECT) }]);
  });

  it('fails when the filter leaves out customer gateways', () => {
    // Prepare
    const inventory = monitoringInventory(
      '{ ($.eventName = CreateInternetGateway) || ($.eventName = AttachInternetGateway) || ($.eventName = DetachInternetGateway) || ($.eventName = DeleteInternetGateway) }',
    );

    // Act
    const results = runCheckOn(cloudwatchAlarmNetworkGatewayChanges, inventory);

    // Assess
    expect(results).toEqual([{ status: 'FAIL', resource: globalAccount, message: noFilterMessage(SUBJECT) }]);
  });
});

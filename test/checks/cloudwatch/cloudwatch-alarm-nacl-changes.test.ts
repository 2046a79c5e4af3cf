import { describe, expect, it } from 'vitest';
import { cloudwatchAlarmNaclChanges } from '../../../lambdas/core/checks/cloudwatch/index.js';
import { chainPassMessage, globalAccount, monitoringInventory, noFilterMessage } from '../../fixtures/detection.js';
import { runCheckOn } from '../../fixtures/scan.js';

const SUBJECT = 'network ACL changes';

describe('Check: cloudwatch-alarm-nacl-changes', () => {
  it('passes with prefix wildcards', () => {
    // Prepare
    const inventory = monitoringInventory(
      '{ ($.eventName = CreateNetworkAcl*) || ($.eventName = DeleteNetworkAcl*) || ($.eventName = ReplaceNetworkAcl*) }',
    );

    // Act
    const results = runCheckOn(cloudwatchAlarmNaclChanges, inventory);

    // Assess
    expect(results).toEqual([{ status: 'PASS', resource: globalAccount, message: chainPassMessage(SUBJECT) }]);
  });

  it('fails when the filter leaves out ReplaceNetworkAclAssociation', () => {
    // Prepare
    const inventory = monitoringInventory(
      '{ ($.eventName = CreateNetworkAcl*) || ($.eventName = DeleteNetworkAcl*) || ($.eventName = ReplaceNetworkAclEntry) }',
    );

    // Act
    const results = runCheckOn(cloudwatchAlarmNaclChanges, inventory);

    // Assess
    expect(results).toEqual([{ status: 'FAIL', resource: globalAccount, message: noFilterMessage(SUBJECT) }]);
  });
});

import { describe, expect, it } from 'vitest';
import { cloudwatchAlarmSecurityGroupChanges } from '../../../lambdas/core/checks/cloudwatch/index.js';
import { chainPassMessage, globalAccount, monitoringInventory, noFilterMessage } from '../../fixtures/detection.js';
import { runCheckOn } from '../../fixtures/scan.js';

const SUBJECT = 'security group changes';

describe('Check: cloudwatch-alarm-security-group-changes', () => {
  it('passes with wildcards for the rule changes', () => {
    // Prepare
    const inventory = monitoringInventory(
      '{ ($.eventName = AuthorizeSecurityGroup*) || ($.eventName = RevokeSecurityGroup*) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }',
    );

    // Act
    const results = runCheckOn(cloudwatchAlarmSecurityGroupChanges, inventory);

    // Assess
    expect(results).toEqual([{ status: 'PASS', resource: globalAccount, message: chainPassMessage(SUBJECT) }]);
  });

  it('fails when the filter leaves out egress rules', () => {
    // Prepare
    const inventory = monitoringInventory(
      '{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }',
    );

    // Act
    const results = runCheckOn(cloudwatchAlarmSecurityGroupChanges, inventory);

    // Assess
    expect(results).toEqual([{ status: 'FAIL', resource: globalAccount, message: noFilterMessage(SUBJECT) }]);
  });
});

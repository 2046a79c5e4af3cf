import { describe, expect, it } from 'vitest';
import { cloudwatchAlarmOrganizationsChanges } from '../../../lambdas/core/checks/cloudwatch/index.js';
import { chainPassMessage, globalAccount, monitoringInventory, noFilterMessage } from '../../fixtures/detection.js';
import { runCheckOn } from '../../fixtures/scan.js';

const SUBJECT = 'AWS Organizations changes';

describe('Check: cloudwatch-alarm-organizations-changes', () => {
  it('passes with every Organizations call except reads', () => {
    // Prepare
    const inventory = monitoringInventory(
      '{ $.eventSource = "organizations.amazonaws.com" && $.eventName != "Describe*" && $.eventName != "List*" }',
    );

    // Act
    const results = runCheckOn(cloudwatchAlarmOrganizationsChanges, inventory);

    // Assess
    expect(results).toEqual([{ status: 'PASS', resource: globalAccount, message: chainPassMessage(SUBJECT) }]);
  });

  it('fails when the filter only catches CreateAccount', () => {
    // Prepare
    const inventory = monitoringInventory(
      '{ $.eventSource = organizations.amazonaws.com && $.eventName = CreateAccount }',
    );

    // Act
    const results = runCheckOn(cloudwatchAlarmOrganizationsChanges, inventory);

    // Assess
    expect(results).toEqual([{ status: 'FAIL', resource: globalAccount, message: noFilterMessage(SUBJECT) }]);
  });
});

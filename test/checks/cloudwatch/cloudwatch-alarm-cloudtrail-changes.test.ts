import { describe, expect, it } from 'vitest';
import { cloudwatchAlarmCloudtrailChanges } from '../../../lambdas/core/checks/cloudwatch/index.js';
import { chainPassMessage, globalAccount, monitoringInventory, noFilterMessage } from '../../fixtures/detection.js';
import { runCheckOn } from '../../fixtures/scan.js';

const SUBJECT = 'CloudTrail configuration changes';

describe('Check: cloudwatch-alarm-cloudtrail-changes', () => {
  it('passes with quoted names scoped to CloudTrail', () => {
    // Prepare
    const inventory = monitoringInventory(
      '{ $.eventSource = "cloudtrail.amazonaws.com" && ($.eventName = "CreateTrail" || $.eventName = "UpdateTrail" || $.eventName = "DeleteTrail" || $.eventName = "StartLogging" || $.eventName = "StopLogging") }',
    );

    // Act
    const results = runCheckOn(cloudwatchAlarmCloudtrailChanges, inventory);

    // Assess
    expect(results).toEqual([{ status: 'PASS', resource: globalAccount, message: chainPassMessage(SUBJECT) }]);
  });

  it('fails when the filter leaves out StopLogging', () => {
    // Prepare
    const inventory = monitoringInventory(
      '{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) }',
    );

    // Act
    const results = runCheckOn(cloudwatchAlarmCloudtrailChanges, inventory);

    // Assess
    expect(results).toEqual([{ status: 'FAIL', resource: globalAccount, message: noFilterMessage(SUBJECT) }]);
  });
});

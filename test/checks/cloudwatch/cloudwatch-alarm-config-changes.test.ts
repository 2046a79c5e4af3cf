import { describe, expect, it } from 'vitest';
import { cloudwatchAlarmConfigChanges } from '../../../lambdas/core/checks/cloudwatch/index.js';
import { chainPassMessage, globalAccount, monitoringInventory, noFilterMessage } from '../../fixtures/detection.js';
import { runCheckOn } from '../../fixtures/scan.js';

const SUBJECT = 'AWS Config configuration changes';

describe('Check: cloudwatch-alarm-config-changes', () => {
  it('passes with no parentheses around the terms', () => {
    // Prepare
    const inventory = monitoringInventory(
      '{ $.eventSource = config.amazonaws.com && ($.eventName = StopConfigurationRecorder || $.eventName = DeleteDeliveryChannel || $.eventName = PutDeliveryChannel || $.eventName = PutConfigurationRecorder) }',
    );

    // Act
    const results = runCheckOn(cloudwatchAlarmConfigChanges, inventory);

    // Assess
    expect(results).toEqual([{ status: 'PASS', resource: globalAccount, message: chainPassMessage(SUBJECT) }]);
  });

  it('fails when the filter only catches StopConfigurationRecorder', () => {
    // Prepare
    const inventory = monitoringInventory(
      '{ $.eventSource = config.amazonaws.com && $.eventName = StopConfigurationRecorder }',
    );

    // Act
    const results = runCheckOn(cloudwatchAlarmConfigChanges, inventory);

    // Assess
    expect(results).toEqual([{ status: 'FAIL', resource: globalAccount, message: noFilterMessage(SUBJECT) }]);
  });
});

import { describe, expect, it } from 'vitest';
import { cloudwatchAlarmKmsKeyDisableOrDeletion } from '../../../lambdas/core/checks/cloudwatch/index.js';
import { chainPassMessage, globalAccount, monitoringInventory, noFilterMessage } from '../../fixtures/detection.js';
import { runCheckOn } from '../../fixtures/scan.js';

const SUBJECT = 'disabling or scheduled deletion of customer managed KMS keys';

describe('Check: cloudwatch-alarm-kms-key-disable-or-deletion', () => {
  it('passes with quoted values and fewer parentheses', () => {
    // Prepare
    const inventory = monitoringInventory(
      '{ $.eventSource = "kms.amazonaws.com" && ($.eventName = "DisableKey" || $.eventName = "ScheduleKeyDeletion") }',
    );

    // Act
    const results = runCheckOn(cloudwatchAlarmKmsKeyDisableOrDeletion, inventory);

    // Assess
    expect(results).toEqual([{ status: 'PASS', resource: globalAccount, message: chainPassMessage(SUBJECT) }]);
  });

  it('fails when the filter only catches DisableKey', () => {
    // Prepare
    const inventory = monitoringInventory('{ $.eventSource = kms.amazonaws.com && $.eventName = DisableKey }');

    // Act
    const results = runCheckOn(cloudwatchAlarmKmsKeyDisableOrDeletion, inventory);

    // Assess
    expect(results).toEqual([{ status: 'FAIL', resource: globalAccount, message: noFilterMessage(SUBJECT) }]);
  });
});

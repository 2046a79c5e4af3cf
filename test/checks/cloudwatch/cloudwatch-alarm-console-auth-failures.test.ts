import { describe, expect, it } from 'vitest';
import { cloudwatchAlarmConsoleAuthFailures } from '../../../lambdas/core/checks/cloudwatch/index.js';
import { chainPassMessage, globalAccount, monitoringInventory, noFilterMessage } from '../../fixtures/detection.js';
import { runCheckOn } from '../../fixtures/scan.js';

const SUBJECT = 'console authentication failures';

describe('Check: cloudwatch-alarm-console-auth-failures', () => {
  it('passes with quoted values without spaces', () => {
    // Prepare
    const inventory = monitoringInventory('{($.eventName="ConsoleLogin")&&($.errorMessage="Failed authentication")}');

    // Act
    const results = runCheckOn(cloudwatchAlarmConsoleAuthFailures, inventory);

    // Assess
    expect(results).toEqual([{ status: 'PASS', resource: globalAccount, message: chainPassMessage(SUBJECT) }]);
  });

  it('fails when the error message is compared with a different text', () => {
    // Prepare
    const inventory = monitoringInventory('{ ($.eventName = ConsoleLogin) && ($.errorMessage = "Failed") }');

    // Act
    const results = runCheckOn(cloudwatchAlarmConsoleAuthFailures, inventory);

    // Assess
    expect(results).toEqual([{ status: 'FAIL', resource: globalAccount, message: noFilterMessage(SUBJECT) }]);
  });
});

import { describe, expect, it } from 'vitest';
import { cloudwatchAlarmConsoleSignInWithoutMfa } from '../../../lambdas/core/checks/cloudwatch/index.js';
import { chainPassMessage, globalAccount, monitoringInventory, noFilterMessage } from '../../fixtures/detection.js';
import { runCheckOn } from '../../fixtures/scan.js';

const SUBJECT = 'console sign-in without MFA';

describe('Check: cloudwatch-alarm-console-sign-in-without-mfa', () => {
  it('passes with the longer CIS 3.0 pattern without parentheses', () => {
    // Prepare
    const inventory = monitoringInventory(
      '{ $.eventName = "ConsoleLogin" && $.additionalEventData.MFAUsed != "Yes" && $.userIdentity.type = "IAMUser" && $.responseElements.ConsoleLogin = "Success" }',
    );

    // Act
    const results = runCheckOn(cloudwatchAlarmConsoleSignInWithoutMfa, inventory);

    // Assess
    expect(results).toEqual([{ status: 'PASS', resource: globalAccount, message: chainPassMessage(SUBJECT) }]);
  });

  it('fails when the filter catches sign-ins with MFA instead', () => {
    // Prepare
    const inventory = monitoringInventory('{ ($.eventName = ConsoleLogin) && ($.additionalEventData.MFAUsed = Yes) }');

    // Act
    const results = runCheckOn(cloudwatchAlarmConsoleSignInWithoutMfa, inventory);

    // Assess
    expect(results).toEqual([{ status: 'FAIL', resource: globalAccount, message: noFilterMessage(SUBJECT) }]);
  });
});

import { describe, expect, it } from 'vitest';
import { cloudwatchAlarmUnauthorizedApiCalls } from '../../../lambdas/core/checks/cloudwatch/index.js';
import { chainPassMessage, globalAccount, monitoringInventory, noFilterMessage } from '../../fixtures/detection.js';
import { runCheckOn } from '../../fixtures/scan.js';

const SUBJECT = 'unauthorized API calls';

describe('Check: cloudwatch-alarm-unauthorized-api-calls', () => {
  it('passes with the CIS 1.x pattern without the 4.0 exclusions', () => {
    // Prepare
    const inventory = monitoringInventory('{($.errorCode="*UnauthorizedOperation")||($.errorCode="AccessDenied*")}');

    // Act
    const results = runCheckOn(cloudwatchAlarmUnauthorizedApiCalls, inventory);

    // Assess
    expect(results).toEqual([{ status: 'PASS', resource: globalAccount, message: chainPassMessage(SUBJECT) }]);
  });

  it('fails when the filter only catches AccessDenied errors', () => {
    // Prepare
    const inventory = monitoringInventory('{ $.errorCode = "AccessDenied*" }');

    // Act
    const results = runCheckOn(cloudwatchAlarmUnauthorizedApiCalls, inventory);

    // Assess
    expect(results).toEqual([{ status: 'FAIL', resource: globalAccount, message: noFilterMessage(SUBJECT) }]);
  });
});

import { describe, expect, it } from 'vitest';
import { cloudwatchAlarmRootUsage } from '../../../lambdas/core/checks/cloudwatch/index.js';
import { chainPassMessage, globalAccount, monitoringInventory, noFilterMessage } from '../../fixtures/detection.js';
import { runCheckOn } from '../../fixtures/scan.js';

const SUBJECT = 'usage of the root user';

describe('Check: cloudwatch-alarm-root-usage', () => {
  it('passes with the CIS pattern without spaces', () => {
    // Prepare
    const inventory = monitoringInventory(
      '{$.userIdentity.type="Root"&&$.userIdentity.invokedBy NOT EXISTS&&$.eventType!="AwsServiceEvent"}',
    );

    // Act
    const results = runCheckOn(cloudwatchAlarmRootUsage, inventory);

    // Assess
    expect(results).toEqual([{ status: 'PASS', resource: globalAccount, message: chainPassMessage(SUBJECT) }]);
  });

  it('fails when the filter only catches root console sign-ins', () => {
    // Prepare
    const inventory = monitoringInventory('{ $.userIdentity.type = "Root" && $.eventName = "ConsoleLogin" }');

    // Act
    const results = runCheckOn(cloudwatchAlarmRootUsage, inventory);

    // Assess
    expect(results).toEqual([{ status: 'FAIL', resource: globalAccount, message: noFilterMessage(SUBJECT) }]);
  });
});

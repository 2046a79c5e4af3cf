import { describe, expect, it } from 'vitest';
import { logsLogGroupRetentionSet } from '../../../lambdas/core/checks/logs/index.js';
import { detectionInventory, logGroup } from '../../fixtures/detection.js';
import { runCheckOn } from '../../fixtures/scan.js';

describe('Check: logs-log-group-retention-set', () => {
  it('passes a year’s retention and no limit, and fails a shorter retention', () => {
    // Prepare
    const audit = logGroup('harbor-cloudtrail', 400);
    const forever = logGroup('/harbor/payments-audit');
    const api = logGroup('/aws/lambda/harbor-orders-api', 14, 'eu-west-1');
    const inventory = detectionInventory({ 'logs.logGroups': [audit, forever, api] });

    // Act
    const results = runCheckOn(logsLogGroupRetentionSet, inventory);

    // Assess
    expect(results).toEqual([
      {
        status: 'PASS',
        resource: audit,
        message: 'Log group harbor-cloudtrail keeps events for 400 days (minimum 365).',
      },
      {
        status: 'PASS',
        resource: forever,
        message: 'Log group /harbor/payments-audit keeps events indefinitely (no retention limit).',
      },
      {
        status: 'FAIL',
        resource: api,
        message: 'Log group /aws/lambda/harbor-orders-api keeps events for only 14 days, less than the minimum of 365.',
      },
    ]);
  });

  it('takes the minimum from the minLogRetentionDays setting', () => {
    // Prepare
    const inventory = detectionInventory({ 'logs.logGroups': [logGroup('/aws/lambda/harbor-orders-api', 90)] });

    // Act
    const [result] = runCheckOn(logsLogGroupRetentionSet, inventory, { settings: { minLogRetentionDays: 90 } });

    // Assess
    expect(result?.status).toBe('PASS');
  });
});

import { describe, expect, it } from 'vitest';
import { cloudtrailTrailCloudwatchIntegrated } from '../../../lambdas/core/checks/cloudtrail/index.js';
import { cloudtrailInventory, compliantTrail, trail, trailStatus } from '../../fixtures/cloudtrail.js';
import { runCheck } from '../../fixtures/s3.js';

// The fixtures scan at 2026-11-20T12:00:00Z.
const audit = compliantTrail('harbor-org-audit');
const LOG_GROUP = 'arn:aws:logs:us-east-1:123456789012:log-group:harbor-cloudtrail:*';
const label = 'CloudTrail trail harbor-org-audit (multi-region, home us-east-1)';

describe('Check: cloudtrail-trail-cloudwatch-integrated', () => {
  it('fails when the trail has no log group', () => {
    // Prepare
    const payments = trail('harbor-eu-payments-trail', { homeRegion: 'eu-west-1' });
    const inventory = cloudtrailInventory({ trails: [payments], trailStatus: [trailStatus(payments)] });

    // Act
    const results = runCheck(cloudtrailTrailCloudwatchIntegrated, inventory);

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: payments,
        message:
          'CloudTrail trail harbor-eu-payments-trail (single-region, home eu-west-1) does not send events to CloudWatch Logs.',
      },
    ]);
  });

  it('fails when the last delivery is more than a day old', () => {
    // Prepare
    const inventory = cloudtrailInventory({
      trails: [audit],
      trailStatus: [
        trailStatus(audit, {
          startLoggingTime: new Date('2026-01-01T00:00:00Z'),
          latestCloudWatchLogsDeliveryTime: new Date('2026-11-18T08:00:00Z'),
          latestCloudWatchLogsDeliveryError: 'AccessDeniedException',
        }),
      ],
    });

    // Act
    const [result] = runCheck(cloudtrailTrailCloudwatchIntegrated, inventory);

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: audit,
      message: `${label} sends to ${LOG_GROUP} but last delivered at 2026-11-18T08:00:00.000Z, more than a day before the scan (latest error: AccessDeniedException).`,
    });
  });

  it('fails when a long-running trail has never delivered', () => {
    // Prepare
    const inventory = cloudtrailInventory({
      trails: [audit],
      trailStatus: [trailStatus(audit, { startLoggingTime: new Date('2026-10-01T00:00:00Z') })],
    });

    // Act
    const [result] = runCheck(cloudtrailTrailCloudwatchIntegrated, inventory);

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(`${label} sends to ${LOG_GROUP} but has never delivered.`);
  });

  it('fails when a new trail already reports a delivery error', () => {
    // Prepare
    const inventory = cloudtrailInventory({
      trails: [audit],
      trailStatus: [
        trailStatus(audit, {
          startLoggingTime: new Date('2026-11-20T11:50:00Z'),
          latestCloudWatchLogsDeliveryError: 'LogGroupNotFound',
        }),
      ],
    });

    // Act
    const [result] = runCheck(cloudtrailTrailCloudwatchIntegrated, inventory);

    // Assess
    expect(result?.status).toBe('FAIL');
  });

  it('fails when a stopped trail has not delivered recently', () => {
    // Prepare
    const inventory = cloudtrailInventory({
      trails: [audit],
      trailStatus: [
        trailStatus(audit, { isLogging: false, latestCloudWatchLogsDeliveryTime: new Date('2026-11-01T00:00:00Z') }),
      ],
    });

    // Act
    const [result] = runCheck(cloudtrailTrailCloudwatchIntegrated, inventory);

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain('; the trail is not logging.');
  });

  it('passes when the last delivery is within a day', () => {
    // Prepare
    const inventory = cloudtrailInventory({
      trails: [audit],
      trailStatus: [trailStatus(audit, { latestCloudWatchLogsDeliveryTime: new Date('2026-11-20T11:58:00Z') })],
    });

    // Act
    const results = runCheck(cloudtrailTrailCloudwatchIntegrated, inventory);

    // Assess
    expect(results).toEqual([
      {
        status: 'PASS',
        resource: audit,
        message: `${label} last delivered to ${LOG_GROUP} at 2026-11-20T11:58:00.000Z.`,
      },
    ]);
  });

  it('passes a trail that started logging less than a day ago and has no delivery yet', () => {
    // Prepare
    const inventory = cloudtrailInventory({
      trails: [audit],
      trailStatus: [trailStatus(audit, { startLoggingTime: new Date('2026-11-20T11:55:00Z') })],
    });

    // Act
    const [result] = runCheck(cloudtrailTrailCloudwatchIntegrated, inventory);

    // Assess
    expect(result?.status).toBe('PASS');
    expect(result?.message).toContain('started logging at 2026-11-20T11:55:00.000Z, less than a day before the scan');
  });

  it('produces no result for a trail whose status could not be collected', () => {
    // Prepare
    const inventory = cloudtrailInventory({ trails: [audit], trailStatus: [] });

    // Act
    const results = runCheck(cloudtrailTrailCloudwatchIntegrated, inventory);

    // Assess
    expect(results).toEqual([]);
  });
});

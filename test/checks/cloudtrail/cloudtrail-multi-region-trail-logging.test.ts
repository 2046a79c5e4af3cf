import { describe, expect, it } from 'vitest';
import { cloudtrailMultiRegionTrailLogging } from '../../../lambdas/core/checks/cloudtrail/index.js';
import { cloudtrailInventory, compliantTrail, eventSelectors, trail, trailStatus } from '../../fixtures/cloudtrail.js';
import { runCheck } from '../../fixtures/s3.js';

const account = {
  arn: 'arn:aws:iam::123456789012:root',
  id: '123456789012',
  region: 'global',
  accountId: '123456789012',
};
const audit = compliantTrail('harbor-org-audit');
const payments = trail('harbor-eu-payments-trail', { homeRegion: 'eu-west-1' });

describe('Check: cloudtrail-multi-region-trail-logging', () => {
  it('fails when the account has no trail', () => {
    // Prepare
    const inventory = cloudtrailInventory({ trails: [] });

    // Act
    const results = runCheck(cloudtrailMultiRegionTrailLogging, inventory);

    // Assess
    expect(results).toEqual([{ status: 'FAIL', resource: account, message: 'The account has no CloudTrail trail.' }]);
  });

  it('fails when only single-region trails exist', () => {
    // Prepare
    const inventory = cloudtrailInventory({
      trails: [payments],
      trailStatus: [trailStatus(payments)],
      eventSelectors: [eventSelectors(payments)],
    });

    // Act
    const [result] = runCheck(cloudtrailMultiRegionTrailLogging, inventory);

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: account,
      message: 'The account has no multi-region CloudTrail trail, only harbor-eu-payments-trail (eu-west-1).',
    });
  });

  it('fails naming what each multi-region trail lacks', () => {
    // Prepare
    const stopped = compliantTrail('harbor-stopped');
    const readOnly = compliantTrail('harbor-read-only');
    const noKms = compliantTrail('harbor-no-kms-events');
    const inventory = cloudtrailInventory({
      trails: [stopped, readOnly, noKms],
      trailStatus: [trailStatus(stopped, { isLogging: false }), trailStatus(readOnly), trailStatus(noKms)],
      eventSelectors: [
        eventSelectors(stopped),
        eventSelectors(readOnly, { managementEvents: 'ReadOnly' }),
        eventSelectors(noKms, { excludedManagementEventSources: ['kms.amazonaws.com'] }),
      ],
    });

    // Act
    const [result] = runCheck(cloudtrailMultiRegionTrailLogging, inventory);

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: account,
      message:
        'No multi-region trail logs all read and write management events: harbor-stopped is not logging; harbor-read-only records only read management events; harbor-no-kms-events excludes management events from kms.amazonaws.com.',
    });
  });

  it('fails for a multi-region trail that records no management events', () => {
    // Prepare
    const inventory = cloudtrailInventory({
      trails: [audit],
      trailStatus: [trailStatus(audit)],
      eventSelectors: [eventSelectors(audit, { managementEvents: 'None', advanced: true })],
    });

    // Act
    const [result] = runCheck(cloudtrailMultiRegionTrailLogging, inventory);

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain('harbor-org-audit records no management events');
  });

  it('passes when one multi-region trail logs everything, whatever the others do', () => {
    // Prepare
    const writeOnly = compliantTrail('harbor-write-only');
    const inventory = cloudtrailInventory({
      trails: [writeOnly, audit, payments],
      trailStatus: [trailStatus(writeOnly), trailStatus(audit), trailStatus(payments, { isLogging: false })],
      eventSelectors: [
        eventSelectors(writeOnly, { managementEvents: 'WriteOnly' }),
        eventSelectors(audit),
        eventSelectors(payments),
      ],
    });

    // Act
    const results = runCheck(cloudtrailMultiRegionTrailLogging, inventory);

    // Assess
    expect(results).toEqual([
      {
        status: 'PASS',
        resource: account,
        message: 'Multi-region trail harbor-org-audit is logging all read and write management events.',
      },
    ]);
  });

  it('counts an organization trail owned by the management account', () => {
    // Prepare
    const orgTrail = compliantTrail('org-wide', { accountId: '999988887777', organizationTrail: true });
    const inventory = cloudtrailInventory({
      trails: [orgTrail],
      trailStatus: [trailStatus(orgTrail)],
      eventSelectors: [eventSelectors(orgTrail)],
    });

    // Act
    const [result] = runCheck(cloudtrailMultiRegionTrailLogging, inventory);

    // Assess
    expect(result?.status).toBe('PASS');
  });

  it('reports ERROR rather than FAIL when a candidate trail could not be read', () => {
    // Prepare
    const unreadable = compliantTrail('harbor-unreadable');
    const inventory = cloudtrailInventory({
      trails: [audit, unreadable],
      trailStatus: [trailStatus(audit, { isLogging: false })],
      eventSelectors: [eventSelectors(audit), eventSelectors(unreadable)],
    });

    // Act
    const [result] = runCheck(cloudtrailMultiRegionTrailLogging, inventory);

    // Assess
    expect(result).toEqual({
      status: 'ERROR',
      resource: account,
      message:
        'No multi-region trail is known to log all management events, and the status or event selectors of harbor-unreadable could not be read.',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { cloudtrailTrailLogValidationEnabled } from '../../../lambdas/core/checks/cloudtrail/index.js';
import { cloudtrailInventory, compliantTrail, trail } from '../../fixtures/cloudtrail.js';
import { runCheck } from '../../fixtures/s3.js';

describe('Check: cloudtrail-trail-log-validation-enabled', () => {
  it('fails when log file validation is off', () => {
    // Prepare
    const payments = trail('harbor-eu-payments-trail', { homeRegion: 'eu-west-1' });

    // Act
    const results = runCheck(cloudtrailTrailLogValidationEnabled, cloudtrailInventory({ trails: [payments] }));

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: payments,
        message:
          'CloudTrail trail harbor-eu-payments-trail (single-region, home eu-west-1) has log file validation disabled.',
      },
    ]);
  });

  it('passes when log file validation is on', () => {
    // Prepare
    const audit = compliantTrail('harbor-org-audit');

    // Act
    const results = runCheck(cloudtrailTrailLogValidationEnabled, cloudtrailInventory({ trails: [audit] }));

    // Assess
    expect(results).toEqual([
      {
        status: 'PASS',
        resource: audit,
        message: 'CloudTrail trail harbor-org-audit (multi-region, home us-east-1) has log file validation enabled.',
      },
    ]);
  });

  it('does not evaluate an organization trail owned by another account', () => {
    // Prepare
    const orgTrail = trail('org-wide', { accountId: '999988887777', organizationTrail: true, multiRegion: true });

    // Act
    const results = runCheck(cloudtrailTrailLogValidationEnabled, cloudtrailInventory({ trails: [orgTrail] }));

    // Assess
    expect(results).toEqual([]);
  });
});

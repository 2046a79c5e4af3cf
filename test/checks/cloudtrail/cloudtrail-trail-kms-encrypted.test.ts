import { describe, expect, it } from 'vitest';
import { cloudtrailTrailKmsEncrypted } from '../../../lambdas/core/checks/cloudtrail/index.js';
import { cloudtrailInventory, compliantTrail, trail } from '../../fixtures/cloudtrail.js';
import { runCheck } from '../../fixtures/s3.js';

describe('Check: cloudtrail-trail-kms-encrypted', () => {
  it('fails when the trail has no KMS key', () => {
    // Prepare
    const payments = trail('harbor-eu-payments-trail', { homeRegion: 'eu-west-1' });

    // Act
    const results = runCheck(cloudtrailTrailKmsEncrypted, cloudtrailInventory({ trails: [payments] }));

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: payments,
        message:
          'CloudTrail trail harbor-eu-payments-trail (single-region, home eu-west-1) does not encrypt log files with a KMS key (SSE-S3 only).',
      },
    ]);
  });

  it('passes when the trail encrypts with a KMS key', () => {
    // Prepare
    const audit = compliantTrail('harbor-org-audit');

    // Act
    const [result] = runCheck(cloudtrailTrailKmsEncrypted, cloudtrailInventory({ trails: [audit] }));

    // Assess
    expect(result).toEqual({
      status: 'PASS',
      resource: audit,
      message:
        'CloudTrail trail harbor-org-audit (multi-region, home us-east-1) encrypts log files with KMS key arn:aws:kms:us-east-1:123456789012:key/trail-key.',
    });
  });

  it('produces no result without trails', () => {
    // Prepare
    const inventory = cloudtrailInventory({ trails: [] });

    // Act
    const results = runCheck(cloudtrailTrailKmsEncrypted, inventory);

    // Assess
    expect(results).toEqual([]);
  });
});

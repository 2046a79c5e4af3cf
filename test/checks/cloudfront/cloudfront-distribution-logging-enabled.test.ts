import { describe, expect, it } from 'vitest';
import { cloudfrontDistributionLoggingEnabled } from '../../../lambdas/core/checks/cloudfront/index.js';
import { distribution } from '../../fixtures/cloudfront.js';
import { inventoryWith, runCheckOn } from '../../fixtures/scan.js';

describe('Check: cloudfront-distribution-logging-enabled', () => {
  it('fails when standard logging is disabled', () => {
    // Prepare
    const d = distribution('E1HARBORWEB', { loggingEnabled: false });

    // Act
    const [result] = runCheckOn(
      cloudfrontDistributionLoggingEnabled,
      inventoryWith({ 'cloudfront.distributions': [d] }),
    );

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: d,
      message:
        'CloudFront distribution E1HARBORWEB (e1harborweb.cloudfront.net) has standard access logging (to S3) disabled.',
    });
  });

  it('passes when standard logging is enabled', () => {
    // Prepare
    const d = distribution('E1HARBORWEB', { loggingEnabled: true });

    // Act
    const [result] = runCheckOn(
      cloudfrontDistributionLoggingEnabled,
      inventoryWith({ 'cloudfront.distributions': [d] }),
    );

    // Assess
    expect(result?.status).toBe('PASS');
  });
});

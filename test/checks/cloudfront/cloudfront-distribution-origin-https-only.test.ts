import { describe, expect, it } from 'vitest';
import { cloudfrontDistributionOriginHttpsOnly } from '../../../lambdas/core/checks/cloudfront/index.js';
import { customOrigin, distribution, s3Origin } from '../../fixtures/cloudfront.js';
import { inventoryWith, runCheckOn } from '../../fixtures/scan.js';

describe('Check: cloudfront-distribution-origin-https-only', () => {
  it('fails when a custom origin uses match-viewer', () => {
    // Prepare
    const d = distribution('E1HARBORWEB', {
      origins: [s3Origin(), customOrigin({ originProtocolPolicy: 'match-viewer' })],
    });

    // Act
    const [result] = runCheckOn(
      cloudfrontDistributionOriginHttpsOnly,
      inventoryWith({ 'cloudfront.distributions': [d] }),
    );

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: d,
      message:
        'CloudFront distribution E1HARBORWEB (e1harborweb.cloudfront.net) may reach custom origin api.harbor.example (match-viewer) over plain HTTP.',
    });
  });

  it('passes when every custom origin is https-only', () => {
    // Prepare
    const d = distribution('E1HARBORWEB', { origins: [customOrigin()] });

    // Act
    const [result] = runCheckOn(
      cloudfrontDistributionOriginHttpsOnly,
      inventoryWith({ 'cloudfront.distributions': [d] }),
    );

    // Assess
    expect(result?.status).toBe('PASS');
  });

  it('produces no result for S3 and VPC origins only', () => {
    // Prepare
    const d = distribution('E1HARBORWEB', {
      origins: [s3Origin(), customOrigin({ id: 'vpc', originProtocolPolicy: 'vpc-origin' })],
    });

    // Act
    const results = runCheckOn(
      cloudfrontDistributionOriginHttpsOnly,
      inventoryWith({ 'cloudfront.distributions': [d] }),
    );

    // Assess
    expect(results).toEqual([]);
  });
});

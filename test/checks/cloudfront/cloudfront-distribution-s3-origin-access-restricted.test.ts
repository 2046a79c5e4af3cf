import { describe, expect, it } from 'vitest';
import { cloudfrontDistributionS3OriginAccessRestricted } from '../../../lambdas/core/checks/cloudfront/index.js';
import { customOrigin, distribution, s3Origin } from '../../fixtures/cloudfront.js';
import { inventoryWith, runCheckOn } from '../../fixtures/scan.js';

describe('Check: cloudfront-distribution-s3-origin-access-restricted', () => {
  it('fails when an S3 origin has neither origin access control nor an identity', () => {
    // Prepare
    const d = distribution('E1HARBORWEB', { origins: [s3Origin({ originAccessControlId: undefined })] });

    // Act
    const [result] = runCheckOn(
      cloudfrontDistributionS3OriginAccessRestricted,
      inventoryWith({ 'cloudfront.distributions': [d] }),
    );

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: d,
      message:
        'CloudFront distribution E1HARBORWEB (e1harborweb.cloudfront.net) reads S3 origin harbor-assets.s3.us-east-1.amazonaws.com without origin access control or an origin access identity.',
    });
  });

  it('passes with origin access control', () => {
    // Prepare
    const d = distribution('E1HARBORWEB', { origins: [s3Origin()] });

    // Act
    const [result] = runCheckOn(
      cloudfrontDistributionS3OriginAccessRestricted,
      inventoryWith({ 'cloudfront.distributions': [d] }),
    );

    // Assess
    expect(result).toMatchObject({ status: 'PASS', message: expect.stringContaining('through origin access control') });
  });

  it('passes with a legacy origin access identity and says so', () => {
    // Prepare
    const d = distribution('E1HARBORWEB', {
      origins: [
        s3Origin({ originAccessControlId: undefined, originAccessIdentity: 'origin-access-identity/cloudfront/E1OAI' }),
      ],
    });

    // Act
    const [result] = runCheckOn(
      cloudfrontDistributionS3OriginAccessRestricted,
      inventoryWith({ 'cloudfront.distributions': [d] }),
    );

    // Assess
    expect(result).toMatchObject({ status: 'PASS', message: expect.stringContaining('legacy origin access identity') });
  });

  it('produces no result for a distribution with custom origins only', () => {
    // Prepare
    const d = distribution('E1HARBORWEB', { origins: [customOrigin()] });

    // Act
    const results = runCheckOn(
      cloudfrontDistributionS3OriginAccessRestricted,
      inventoryWith({ 'cloudfront.distributions': [d] }),
    );

    // Assess
    expect(results).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { cloudfrontDistributionDefaultRootObject } from '../../../lambdas/core/checks/cloudfront/index.js';
import { customOrigin, distribution } from '../../fixtures/cloudfront.js';
import { inventoryWith, runCheckOn } from '../../fixtures/scan.js';

describe('Check: cloudfront-distribution-default-root-object', () => {
  it('fails when a distribution with an S3 origin has no default root object', () => {
    // Prepare
    const d = distribution('E1HARBORWEB', { defaultRootObject: undefined });

    // Act
    const [result] = runCheckOn(
      cloudfrontDistributionDefaultRootObject,
      inventoryWith({ 'cloudfront.distributions': [d] }),
    );

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: d,
      message:
        'CloudFront distribution E1HARBORWEB (e1harborweb.cloudfront.net) has S3 origins and no default root object.',
    });
  });

  it('passes when a default root object is set', () => {
    // Prepare
    const d = distribution('E1HARBORWEB');

    // Act
    const [result] = runCheckOn(
      cloudfrontDistributionDefaultRootObject,
      inventoryWith({ 'cloudfront.distributions': [d] }),
    );

    // Assess
    expect(result).toMatchObject({
      status: 'PASS',
      message:
        'CloudFront distribution E1HARBORWEB (e1harborweb.cloudfront.net) serves index.html as its default root object.',
    });
  });

  it('produces no result for a distribution with custom origins only', () => {
    // Prepare
    const d = distribution('E1HARBORAPI', { origins: [customOrigin()], defaultRootObject: undefined });

    // Act
    const results = runCheckOn(
      cloudfrontDistributionDefaultRootObject,
      inventoryWith({ 'cloudfront.distributions': [d] }),
    );

    // Assess
    expect(results).toEqual([]);
  });
});

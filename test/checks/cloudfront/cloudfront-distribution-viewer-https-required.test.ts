import { describe, expect, it } from 'vitest';
import { cloudfrontDistributionViewerHttpsRequired } from '../../../lambdas/core/checks/cloudfront/index.js';
import { distribution } from '../../fixtures/cloudfront.js';
import { inventoryWith, runCheckOn } from '../../fixtures/scan.js';

describe('Check: cloudfront-distribution-viewer-https-required', () => {
  it('fails when one cache behaviour allows plain HTTP', () => {
    // Prepare
    const d = distribution('E1HARBORWEB', {
      aliases: ['www.harbor.example'],
      cacheBehaviors: [
        { pathPattern: '*', targetOriginId: 'assets', viewerProtocolPolicy: 'redirect-to-https' },
        { pathPattern: '/api/*', targetOriginId: 'api', viewerProtocolPolicy: 'allow-all' },
      ],
    });

    // Act
    const [result] = runCheckOn(
      cloudfrontDistributionViewerHttpsRequired,
      inventoryWith({ 'cloudfront.distributions': [d] }),
    );

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: d,
      message:
        'CloudFront distribution E1HARBORWEB (www.harbor.example) allows plain HTTP from viewers on cache behaviour "/api/*".',
    });
  });

  it('passes when every behaviour redirects to or requires HTTPS', () => {
    // Prepare
    const d = distribution('E1HARBORWEB', {
      cacheBehaviors: [
        { pathPattern: '*', targetOriginId: 'assets', viewerProtocolPolicy: 'redirect-to-https' },
        { pathPattern: '/api/*', targetOriginId: 'api', viewerProtocolPolicy: 'https-only' },
      ],
    });

    // Act
    const [result] = runCheckOn(
      cloudfrontDistributionViewerHttpsRequired,
      inventoryWith({ 'cloudfront.distributions': [d] }),
    );

    // Assess
    expect(result).toMatchObject({
      status: 'PASS',
      message:
        'CloudFront distribution E1HARBORWEB (e1harborweb.cloudfront.net) requires HTTPS from viewers on all 2 cache behaviours.',
    });
  });

  it('produces no result without distributions', () => {
    // Act
    const results = runCheckOn(
      cloudfrontDistributionViewerHttpsRequired,
      inventoryWith({ 'cloudfront.distributions': [] }),
    );

    // Assess
    expect(results).toEqual([]);
  });
});

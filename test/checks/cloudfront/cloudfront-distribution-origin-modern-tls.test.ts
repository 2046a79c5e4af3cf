import { describe, expect, it } from 'vitest';
import { cloudfrontDistributionOriginModernTls } from '../../../lambdas/core/checks/cloudfront/index.js';
import { customOrigin, distribution } from '../../fixtures/cloudfront.js';
import { inventoryWith, runCheckOn } from '../../fixtures/scan.js';

describe('Check: cloudfront-distribution-origin-modern-tls', () => {
  it('fails when a custom origin may be reached with SSLv3 or TLS 1.0', () => {
    // Prepare
    const d = distribution('E1HARBORWEB', {
      origins: [customOrigin({ originSslProtocols: ['SSLv3', 'TLSv1', 'TLSv1.2'] })],
    });

    // Act
    const [result] = runCheckOn(
      cloudfrontDistributionOriginModernTls,
      inventoryWith({ 'cloudfront.distributions': [d] }),
    );

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: d,
      message:
        'CloudFront distribution E1HARBORWEB (e1harborweb.cloudfront.net) offers deprecated protocols to custom origin api.harbor.example (SSLv3, TLSv1).',
    });
  });

  it('passes when custom origins are offered TLSv1.2 only', () => {
    // Prepare
    const d = distribution('E1HARBORWEB', { origins: [customOrigin({ originSslProtocols: ['TLSv1.2'] })] });

    // Act
    const [result] = runCheckOn(
      cloudfrontDistributionOriginModernTls,
      inventoryWith({ 'cloudfront.distributions': [d] }),
    );

    // Assess
    expect(result).toMatchObject({
      status: 'PASS',
      message:
        'CloudFront distribution E1HARBORWEB (e1harborweb.cloudfront.net) offers only TLS 1.2 to its 1 custom origin.',
    });
  });

  it('produces no result for an http-only origin, which negotiates no TLS', () => {
    // Prepare
    const d = distribution('E1HARBORWEB', {
      origins: [customOrigin({ originProtocolPolicy: 'http-only', originSslProtocols: ['TLSv1'] })],
    });

    // Act
    const results = runCheckOn(
      cloudfrontDistributionOriginModernTls,
      inventoryWith({ 'cloudfront.distributions': [d] }),
    );

    // Assess
    expect(results).toEqual([]);
  });
});

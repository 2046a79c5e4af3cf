import { describe, expect, it } from 'vitest';
import { cloudfrontDistributionRecommendedTlsPolicy } from '../../../lambdas/core/checks/cloudfront/index.js';
import { distribution } from '../../fixtures/cloudfront.js';
import { inventoryWith, runCheckOn } from '../../fixtures/scan.js';

const withPolicy = (id: string, minimumProtocolVersion: string) =>
  distribution(id, {
    viewerCertificate: {
      cloudFrontDefaultCertificate: false,
      acmCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/2222',
      sslSupportMethod: 'sni-only',
      minimumProtocolVersion,
    },
  });

describe('Check: cloudfront-distribution-recommended-tls-policy', () => {
  it('fails a custom-certificate distribution on TLSv1.1_2016', () => {
    // Prepare
    const d = withPolicy('E1HARBORWEB', 'TLSv1.1_2016');

    // Act
    const [result] = runCheckOn(
      cloudfrontDistributionRecommendedTlsPolicy,
      inventoryWith({ 'cloudfront.distributions': [d] }),
    );

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: d,
      message:
        'CloudFront distribution E1HARBORWEB (e1harborweb.cloudfront.net) uses the viewer security policy TLSv1.1_2016, which is not among the recommended policies (TLSv1.2_2021, TLSv1.2_2025, TLSv1.3_2025).',
    });
  });

  it('passes TLSv1.2_2021 and TLSv1.3_2025', () => {
    // Prepare
    const inventory = inventoryWith({
      'cloudfront.distributions': [withPolicy('E1', 'TLSv1.2_2021'), withPolicy('E2', 'TLSv1.3_2025')],
    });

    // Act
    const results = runCheckOn(cloudfrontDistributionRecommendedTlsPolicy, inventory);

    // Assess
    expect(results.map((r) => r.status)).toEqual(['PASS', 'PASS']);
  });

  it('produces no result for a distribution on the default *.cloudfront.net certificate', () => {
    // Prepare
    const d = distribution('E1HARBORWEB', {
      viewerCertificate: { cloudFrontDefaultCertificate: true, minimumProtocolVersion: 'TLSv1' },
    });

    // Act
    const results = runCheckOn(
      cloudfrontDistributionRecommendedTlsPolicy,
      inventoryWith({ 'cloudfront.distributions': [d] }),
    );

    // Assess
    expect(results).toEqual([]);
  });
});

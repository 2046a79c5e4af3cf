import { describe, expect, it } from 'vitest';
import { cloudfrontDistributionWafEnabled } from '../../../lambdas/core/checks/cloudfront/index.js';
import { distribution } from '../../fixtures/cloudfront.js';
import { inventoryWith, runCheckOn } from '../../fixtures/scan.js';

describe('Check: cloudfront-distribution-waf-enabled', () => {
  it('fails when no web ACL is associated', () => {
    // Prepare
    const d = distribution('E1HARBORWEB', { webAclId: undefined });

    // Act
    const [result] = runCheckOn(cloudfrontDistributionWafEnabled, inventoryWith({ 'cloudfront.distributions': [d] }));

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: d,
      message: 'CloudFront distribution E1HARBORWEB (e1harborweb.cloudfront.net) has no AWS WAF web ACL.',
    });
  });

  it('passes when a web ACL is associated', () => {
    // Prepare
    const d = distribution('E1HARBORWEB');

    // Act
    const [result] = runCheckOn(cloudfrontDistributionWafEnabled, inventoryWith({ 'cloudfront.distributions': [d] }));

    // Assess
    expect(result).toMatchObject({ status: 'PASS', message: expect.stringContaining('global/webacl/harbor-edge') });
  });
});

import { describe, expect, it } from 'vitest';
import { wafv2WebAclLoggingEnabled } from '../../../lambdas/core/checks/wafv2/index.js';
import { inventoryWith, runCheckOn } from '../../fixtures/scan.js';
import { webAcl } from '../../fixtures/wafv2.js';

describe('Check: wafv2-web-acl-logging-enabled', () => {
  it('fails a web ACL without logging', () => {
    // Prepare
    const acl = webAcl('harbor-edge', { scope: 'CLOUDFRONT', loggingEnabled: false });

    // Act
    const [result] = runCheckOn(
      wafv2WebAclLoggingEnabled,
      inventoryWith({ 'wafv2.webAcls': [], 'wafv2.cloudfrontWebAcls': [acl] }),
    );

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: acl,
      message: 'WAF web ACL harbor-edge (CLOUDFRONT scope) has logging disabled.',
    });
  });

  it('passes a web ACL with logging', () => {
    // Prepare
    const acl = webAcl('harbor-api');

    // Act
    const [result] = runCheckOn(
      wafv2WebAclLoggingEnabled,
      inventoryWith({ 'wafv2.webAcls': [acl], 'wafv2.cloudfrontWebAcls': [] }),
    );

    // Assess
    expect(result?.status).toBe('PASS');
  });
});

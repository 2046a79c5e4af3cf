import { describe, expect, it } from 'vitest';
import { wafv2WebAclHasRules } from '../../../lambdas/core/checks/wafv2/index.js';
import { inventoryWith, runCheckOn } from '../../fixtures/scan.js';
import { webAcl } from '../../fixtures/wafv2.js';

describe('Check: wafv2-web-acl-has-rules', () => {
  it('fails an empty web ACL', () => {
    // Prepare
    const acl = webAcl('harbor-api', { ruleCount: 0 });

    // Act
    const [result] = runCheckOn(
      wafv2WebAclHasRules,
      inventoryWith({ 'wafv2.webAcls': [acl], 'wafv2.cloudfrontWebAcls': [] }),
    );

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: acl,
      message: 'WAF web ACL harbor-api (REGIONAL scope) has no rules: every request gets its default action (ALLOW).',
    });
  });

  it('passes web ACLs with rules in both scopes', () => {
    // Prepare
    const inventory = inventoryWith({
      'wafv2.webAcls': [webAcl('harbor-api')],
      'wafv2.cloudfrontWebAcls': [webAcl('harbor-edge', { scope: 'CLOUDFRONT', ruleCount: 3 })],
    });

    // Act
    const results = runCheckOn(wafv2WebAclHasRules, inventory);

    // Assess
    expect(results.map((r) => [r.status, r.message])).toEqual([
      ['PASS', 'WAF web ACL harbor-api (REGIONAL scope) evaluates 2 rules or rule groups.'],
      ['PASS', 'WAF web ACL harbor-edge (CLOUDFRONT scope) evaluates 3 rules or rule groups.'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { elbv2AlbWafAssociated } from '../../../lambdas/core/checks/elbv2/index.js';
import { loadBalancer } from '../../fixtures/elb.js';
import { inventoryWith, runCheckOn } from '../../fixtures/scan.js';

const ACL = 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/harbor-web/5555';

describe('Check: elbv2-alb-waf-associated', () => {
  it('fails an ALB without a web ACL', () => {
    // Prepare
    const lb = loadBalancer('harbor-web');
    const inventory = inventoryWith({
      'elbv2.loadBalancers': [lb],
      'elbv2.webAcls': [{ arn: lb.arn, region: lb.region, webAclArn: null }],
    });

    // Act
    const [result] = runCheckOn(elbv2AlbWafAssociated, inventory);

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: lb,
      message: 'Application Load Balancer harbor-web has no AWS WAF web ACL.',
    });
  });

  it('passes an ALB with a web ACL', () => {
    // Prepare
    const lb = loadBalancer('harbor-web');
    const inventory = inventoryWith({
      'elbv2.loadBalancers': [lb],
      'elbv2.webAcls': [{ arn: lb.arn, region: lb.region, webAclArn: ACL }],
    });

    // Act
    const [result] = runCheckOn(elbv2AlbWafAssociated, inventory);

    // Assess
    expect(result).toMatchObject({
      status: 'PASS',
      message: `Application Load Balancer harbor-web is protected by web ACL ${ACL}.`,
    });
  });

  it('produces no result for Network Load Balancers or an ALB whose association could not be read', () => {
    // Prepare
    const nlb = loadBalancer('harbor-tcp', { type: 'network' });
    const inventory = inventoryWith({
      'elbv2.loadBalancers': [nlb, loadBalancer('harbor-web')],
      'elbv2.webAcls': [{ arn: nlb.arn, region: nlb.region, webAclArn: null }],
    });

    // Act
    const results = runCheckOn(elbv2AlbWafAssociated, inventory);

    // Assess
    expect(results).toEqual([]);
  });
});

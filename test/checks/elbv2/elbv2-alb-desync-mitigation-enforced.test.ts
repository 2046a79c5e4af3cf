import { describe, expect, it } from 'vitest';
import { elbv2AlbDesyncMitigationEnforced } from '../../../lambdas/core/checks/elbv2/index.js';
import { attributesOf, loadBalancer } from '../../fixtures/elb.js';
import { inventoryWith, runCheckOn } from '../../fixtures/scan.js';

describe('Check: elbv2-alb-desync-mitigation-enforced', () => {
  it('fails when the attribute is off', () => {
    // Prepare
    const lb = loadBalancer('harbor-web');
    const inventory = inventoryWith({
      'elbv2.loadBalancers': [lb],
      'elbv2.loadBalancerAttributes': [attributesOf(lb, { 'routing.http.desync_mitigation_mode': 'monitor' })],
    });

    // Act
    const [result] = runCheckOn(elbv2AlbDesyncMitigationEnforced, inventory);

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: lb,
      message:
        'Application Load Balancer harbor-web uses the monitor desync mitigation mode, which forwards ambiguous requests.',
    });
  });

  it('passes when the attribute is on', () => {
    // Prepare
    const lb = loadBalancer('harbor-web');
    const inventory = inventoryWith({
      'elbv2.loadBalancers': [lb],
      'elbv2.loadBalancerAttributes': [attributesOf(lb, { 'routing.http.desync_mitigation_mode': 'strictest' })],
    });

    // Act
    const [result] = runCheckOn(elbv2AlbDesyncMitigationEnforced, inventory);

    // Assess
    expect(result).toMatchObject({
      status: 'PASS',
      message: 'Application Load Balancer harbor-web uses the strictest desync mitigation mode.',
    });
  });

  it('ignores Network and Gateway Load Balancers', () => {
    // Prepare
    const nlb = loadBalancer('harbor-tcp', { type: 'network' });
    const inventory = inventoryWith({
      'elbv2.loadBalancers': [nlb],
      'elbv2.loadBalancerAttributes': [attributesOf(nlb, { 'routing.http.desync_mitigation_mode': 'monitor' })],
    });

    // Act
    const results = runCheckOn(elbv2AlbDesyncMitigationEnforced, inventory);

    // Assess
    expect(results).toEqual([]);
  });

  it('treats a missing attribute as the defensive default', () => {
    // Prepare
    const lb = loadBalancer('harbor-web');
    const inventory = inventoryWith({
      'elbv2.loadBalancers': [lb],
      'elbv2.loadBalancerAttributes': [{ arn: lb.arn, region: lb.region, attributes: {} }],
    });

    // Act
    const [result] = runCheckOn(elbv2AlbDesyncMitigationEnforced, inventory);

    // Assess
    expect(result).toMatchObject({
      status: 'PASS',
      message: 'Application Load Balancer harbor-web uses the defensive desync mitigation mode.',
    });
  });

  it('produces no result for a load balancer whose attributes could not be collected', () => {
    // Prepare
    const inventory = inventoryWith({
      'elbv2.loadBalancers': [loadBalancer('harbor-web')],
      'elbv2.loadBalancerAttributes': [],
    });

    // Act
    const results = runCheckOn(elbv2AlbDesyncMitigationEnforced, inventory);

    // Assess
    expect(results).toEqual([]);
  });
});

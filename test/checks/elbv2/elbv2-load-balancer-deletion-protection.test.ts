import { describe, expect, it } from 'vitest';
import { elbv2LoadBalancerDeletionProtection } from '../../../lambdas/core/checks/elbv2/index.js';
import { attributesOf, loadBalancer } from '../../fixtures/elb.js';
import { inventoryWith, runCheckOn } from '../../fixtures/scan.js';

describe('Check: elbv2-load-balancer-deletion-protection', () => {
  it('fails when the attribute is off', () => {
    // Prepare
    const lb = loadBalancer('harbor-web');
    const inventory = inventoryWith({
      'elbv2.loadBalancers': [lb],
      'elbv2.loadBalancerAttributes': [attributesOf(lb, { 'deletion_protection.enabled': 'false' })],
    });

    // Act
    const [result] = runCheckOn(elbv2LoadBalancerDeletionProtection, inventory);

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: lb,
      message: 'Application Load Balancer harbor-web has deletion protection disabled.',
    });
  });

  it('passes when the attribute is on', () => {
    // Prepare
    const lb = loadBalancer('harbor-web');
    const inventory = inventoryWith({
      'elbv2.loadBalancers': [lb],
      'elbv2.loadBalancerAttributes': [attributesOf(lb, { 'deletion_protection.enabled': 'true' })],
    });

    // Act
    const [result] = runCheckOn(elbv2LoadBalancerDeletionProtection, inventory);

    // Assess
    expect(result).toMatchObject({
      status: 'PASS',
      message: 'Application Load Balancer harbor-web has deletion protection enabled.',
    });
  });

  it('names the load balancer type for Network Load Balancers', () => {
    // Prepare
    const nlb = loadBalancer('harbor-tcp', { type: 'network' });
    const inventory = inventoryWith({
      'elbv2.loadBalancers': [nlb],
      'elbv2.loadBalancerAttributes': [attributesOf(nlb, { 'deletion_protection.enabled': 'false' })],
    });

    // Act
    const [result] = runCheckOn(elbv2LoadBalancerDeletionProtection, inventory);

    // Assess
    expect(result?.message).toBe('Network Load Balancer harbor-tcp has deletion protection disabled.');
  });

  it('produces no result for a load balancer whose attributes could not be collected', () => {
    // Prepare
    const inventory = inventoryWith({
      'elbv2.loadBalancers': [loadBalancer('harbor-web')],
      'elbv2.loadBalancerAttributes': [],
    });

    // Act
    const results = runCheckOn(elbv2LoadBalancerDeletionProtection, inventory);

    // Assess
    expect(results).toEqual([]);
  });
});

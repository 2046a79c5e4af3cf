import { describe, expect, it } from 'vitest';
import { elbLoadBalancerAccessLoggingEnabled } from '../../../lambdas/core/checks/elb/index.js';
import { classicAttributes, classicListener, classicLoadBalancer } from '../../fixtures/elb.js';
import { inventoryWith, runCheckOn } from '../../fixtures/scan.js';

describe('Check: elb-load-balancer-access-logging-enabled', () => {
  it('fails when access logging is disabled', () => {
    // Prepare
    const lb = classicLoadBalancer('harbor-legacy', [classicListener('HTTPS', 443)]);
    const inventory = inventoryWith({
      'elb.loadBalancers': [lb],
      'elb.loadBalancerAttributes': [classicAttributes(lb, { accessLogEnabled: false })],
    });

    // Act
    const [result] = runCheckOn(elbLoadBalancerAccessLoggingEnabled, inventory);

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: lb,
      message: 'Classic Load Balancer harbor-legacy has access logging disabled.',
    });
  });

  it('passes when access logging is enabled', () => {
    // Prepare
    const lb = classicLoadBalancer('harbor-legacy', [classicListener('HTTPS', 443)]);
    const inventory = inventoryWith({
      'elb.loadBalancers': [lb],
      'elb.loadBalancerAttributes': [classicAttributes(lb, { accessLogEnabled: true })],
    });

    // Act
    const [result] = runCheckOn(elbLoadBalancerAccessLoggingEnabled, inventory);

    // Assess
    expect(result?.status).toBe('PASS');
  });

  it('produces no result when the attributes could not be collected', () => {
    // Prepare
    const lb = classicLoadBalancer('harbor-legacy', [classicListener('HTTPS', 443)]);

    // Act
    const results = runCheckOn(
      elbLoadBalancerAccessLoggingEnabled,
      inventoryWith({ 'elb.loadBalancers': [lb], 'elb.loadBalancerAttributes': [] }),
    );

    // Assess
    expect(results).toEqual([]);
  });
});

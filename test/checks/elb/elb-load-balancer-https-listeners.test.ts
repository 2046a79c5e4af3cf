import { describe, expect, it } from 'vitest';
import { elbLoadBalancerHttpsListeners } from '../../../lambdas/core/checks/elb/index.js';
import { classicListener, classicLoadBalancer } from '../../fixtures/elb.js';
import { inventoryWith, runCheckOn } from '../../fixtures/scan.js';

describe('Check: elb-load-balancer-https-listeners', () => {
  it('fails when a listener accepts plain HTTP or TCP', () => {
    // Prepare
    const lb = classicLoadBalancer('harbor-legacy', [
      classicListener('HTTPS', 443),
      classicListener('HTTP', 80),
      classicListener('TCP', 8080),
    ]);

    // Act
    const [result] = runCheckOn(elbLoadBalancerHttpsListeners, inventoryWith({ 'elb.loadBalancers': [lb] }));

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: lb,
      message: 'Classic Load Balancer harbor-legacy has listeners without TLS termination: HTTP:80, TCP:8080.',
    });
  });

  it('passes when every listener is HTTPS or SSL', () => {
    // Prepare
    const lb = classicLoadBalancer('harbor-legacy', [classicListener('HTTPS', 443), classicListener('SSL', 8443)]);

    // Act
    const [result] = runCheckOn(elbLoadBalancerHttpsListeners, inventoryWith({ 'elb.loadBalancers': [lb] }));

    // Assess
    expect(result).toMatchObject({
      status: 'PASS',
      message: 'Classic Load Balancer harbor-legacy terminates TLS on every listener (HTTPS:443, SSL:8443).',
    });
  });

  it('produces no result for a load balancer without listeners', () => {
    // Prepare
    const lb = classicLoadBalancer('harbor-empty', []);

    // Act
    const results = runCheckOn(elbLoadBalancerHttpsListeners, inventoryWith({ 'elb.loadBalancers': [lb] }));

    // Assess
    expect(results).toEqual([]);
  });
});

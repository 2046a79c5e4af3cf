import { describe, expect, it } from 'vitest';
import { elbLoadBalancerDesyncMitigationEnforced } from '../../../lambdas/core/checks/elb/index.js';
import { classicAttributes, classicListener, classicLoadBalancer } from '../../fixtures/elb.js';
import { inventoryWith, runCheckOn } from '../../fixtures/scan.js';

describe('Check: elb-load-balancer-desync-mitigation-enforced', () => {
  it('fails in monitor mode', () => {
    // Prepare
    const lb = classicLoadBalancer('harbor-legacy', [classicListener('HTTPS', 443)]);
    const inventory = inventoryWith({
      'elb.loadBalancers': [lb],
      'elb.loadBalancerAttributes': [classicAttributes(lb, { desyncMitigationMode: 'monitor' })],
    });

    // Act
    const [result] = runCheckOn(elbLoadBalancerDesyncMitigationEnforced, inventory);

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: lb,
      message:
        'Classic Load Balancer harbor-legacy uses the monitor desync mitigation mode, which forwards ambiguous requests.',
    });
  });

  it('passes in strictest mode', () => {
    // Prepare
    const lb = classicLoadBalancer('harbor-legacy', [classicListener('HTTPS', 443)]);
    const inventory = inventoryWith({
      'elb.loadBalancers': [lb],
      'elb.loadBalancerAttributes': [classicAttributes(lb, { desyncMitigationMode: 'strictest' })],
    });

    // Act
    const [result] = runCheckOn(elbLoadBalancerDesyncMitigationEnforced, inventory);

    // Assess
    expect(result).toMatchObject({
      status: 'PASS',
      message: 'Classic Load Balancer harbor-legacy uses the strictest desync mitigation mode.',
    });
  });

  it('treats a missing attribute as the defensive default', () => {
    // Prepare
    const lb = classicLoadBalancer('harbor-legacy', [classicListener('HTTPS', 443)]);
    const inventory = inventoryWith({
      'elb.loadBalancers': [lb],
      'elb.loadBalancerAttributes': [classicAttributes(lb)],
    });

    // Act
    const [result] = runCheckOn(elbLoadBalancerDesyncMitigationEnforced, inventory);

    // Assess
    expect(result).toMatchObject({ status: 'PASS', message: expect.stringContaining('defensive') });
  });
});

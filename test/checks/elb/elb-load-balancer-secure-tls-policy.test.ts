import { describe, expect, it } from 'vitest';
import { elbLoadBalancerSecureTlsPolicy } from '../../../lambdas/core/checks/elb/index.js';
import { classicListener, classicLoadBalancer, classicPolicies } from '../../fixtures/elb.js';
import { inventoryWith, runCheckOn } from '../../fixtures/scan.js';

const negotiation = (name: string, reference?: string) => ({
  name,
  type: 'SSLNegotiationPolicyType',
  ...(reference && { referenceSecurityPolicy: reference }),
});

describe('Check: elb-load-balancer-secure-tls-policy', () => {
  it('fails when a listener negotiates with an older predefined policy', () => {
    // Prepare
    const lb = classicLoadBalancer('harbor-legacy', [classicListener('HTTPS', 443, ['tls-policy'])]);
    const inventory = inventoryWith({
      'elb.loadBalancers': [lb],
      'elb.loadBalancerPolicies': [classicPolicies(lb, [negotiation('tls-policy', 'ELBSecurityPolicy-2016-08')])],
    });

    // Act
    const [result] = runCheckOn(elbLoadBalancerSecureTlsPolicy, inventory);

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: lb,
      message:
        'Classic Load Balancer harbor-legacy uses a security policy outside the accepted list on HTTPS:443 (ELBSecurityPolicy-2016-08).',
    });
  });

  it('fails a custom negotiation policy that references no predefined policy', () => {
    // Prepare
    const lb = classicLoadBalancer('harbor-legacy', [classicListener('SSL', 443, ['hand-picked'])]);
    const inventory = inventoryWith({
      'elb.loadBalancers': [lb],
      'elb.loadBalancerPolicies': [classicPolicies(lb, [negotiation('hand-picked')])],
    });

    // Act
    const [result] = runCheckOn(elbLoadBalancerSecureTlsPolicy, inventory);

    // Assess
    expect(result?.message).toContain('SSL:443 (custom policy hand-picked)');
  });

  it('passes a listener whose policy references ELBSecurityPolicy-TLS-1-2-2017-01', () => {
    // Prepare
    const lb = classicLoadBalancer('harbor-legacy', [
      classicListener('HTTPS', 443, ['stickiness', 'tls-policy']),
      classicListener('HTTP', 80),
    ]);
    const inventory = inventoryWith({
      'elb.loadBalancers': [lb],
      'elb.loadBalancerPolicies': [
        classicPolicies(lb, [
          { name: 'stickiness', type: 'LBCookieStickinessPolicyType' },
          negotiation('tls-policy', 'ELBSecurityPolicy-TLS-1-2-2017-01'),
        ]),
      ],
    });

    // Act
    const [result] = runCheckOn(elbLoadBalancerSecureTlsPolicy, inventory);

    // Assess
    expect(result).toMatchObject({
      status: 'PASS',
      message:
        'Classic Load Balancer harbor-legacy uses an accepted security policy on HTTPS:443 (ELBSecurityPolicy-TLS-1-2-2017-01).',
    });
  });

  it('produces no result without TLS listeners or when the policies could not be collected', () => {
    // Prepare
    const plain = classicLoadBalancer('harbor-plain', [classicListener('HTTP', 80)]);
    const uncollected = classicLoadBalancer('harbor-legacy', [classicListener('HTTPS', 443, ['tls-policy'])]);
    const inventory = inventoryWith({
      'elb.loadBalancers': [plain, uncollected],
      'elb.loadBalancerPolicies': [classicPolicies(plain, [])],
    });

    // Act
    const results = runCheckOn(elbLoadBalancerSecureTlsPolicy, inventory);

    // Assess
    expect(results).toEqual([]);
  });
});

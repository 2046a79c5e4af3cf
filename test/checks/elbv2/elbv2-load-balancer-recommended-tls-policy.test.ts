import { describe, expect, it } from 'vitest';
import { elbv2LoadBalancerRecommendedTlsPolicy } from '../../../lambdas/core/checks/elbv2/index.js';
import { defaultSettings } from '../../../lambdas/core/config/settings.js';
import { httpRedirectListener, httpsListener, listenersOf, loadBalancer } from '../../fixtures/elb.js';
import { inventoryWith, runCheckOn } from '../../fixtures/scan.js';

describe('Check: elbv2-load-balancer-recommended-tls-policy', () => {
  it('fails when an HTTPS listener uses the API default ELBSecurityPolicy-2016-08', () => {
    // Prepare
    const lb = loadBalancer('harbor-web');
    const inventory = inventoryWith({
      'elbv2.loadBalancers': [lb],
      'elbv2.listeners': [listenersOf(lb, httpsListener(443, 'ELBSecurityPolicy-2016-08'), httpsListener(8443))],
    });

    // Act
    const [result] = runCheckOn(elbv2LoadBalancerRecommendedTlsPolicy, inventory);

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: lb,
      message:
        'Application Load Balancer harbor-web uses a security policy outside the recommended list on HTTPS:443 (ELBSecurityPolicy-2016-08).',
    });
  });

  it('passes a Network Load Balancer whose TLS listener uses a recommended policy', () => {
    // Prepare
    const lb = loadBalancer('harbor-tls', { type: 'network' });
    const listener = { ...httpsListener(443, 'ELBSecurityPolicy-TLS13-1-3-2021-06'), protocol: 'TLS' };
    const inventory = inventoryWith({ 'elbv2.loadBalancers': [lb], 'elbv2.listeners': [listenersOf(lb, listener)] });

    // Act
    const [result] = runCheckOn(elbv2LoadBalancerRecommendedTlsPolicy, inventory);

    // Assess
    expect(result).toMatchObject({
      status: 'PASS',
      message:
        'Network Load Balancer harbor-tls uses recommended security policies on TLS:443 (ELBSecurityPolicy-TLS13-1-3-2021-06).',
    });
  });

  it('accepts a policy the elbSslPolicies setting adds', () => {
    // Prepare
    const lb = loadBalancer('harbor-web');
    const inventory = inventoryWith({
      'elbv2.loadBalancers': [lb],
      'elbv2.listeners': [listenersOf(lb, httpsListener(443, 'ELBSecurityPolicy-TLS13-1-2-2021-06'))],
    });
    const settings = {
      ...defaultSettings(),
      elbSslPolicies: [...defaultSettings().elbSslPolicies, 'ELBSecurityPolicy-TLS13-1-2-2021-06'],
    };

    // Act
    const [withDefaults] = runCheckOn(elbv2LoadBalancerRecommendedTlsPolicy, inventory);
    const [withSetting] = runCheckOn(elbv2LoadBalancerRecommendedTlsPolicy, inventory, { settings });

    // Assess
    expect([withDefaults?.status, withSetting?.status]).toEqual(['FAIL', 'PASS']);
  });

  it('produces no result for a load balancer without HTTPS or TLS listeners', () => {
    // Prepare
    const lb = loadBalancer('harbor-web');
    const inventory = inventoryWith({
      'elbv2.loadBalancers': [lb],
      'elbv2.listeners': [listenersOf(lb, httpRedirectListener())],
    });

    // Act
    const results = runCheckOn(elbv2LoadBalancerRecommendedTlsPolicy, inventory);

    // Assess
    expect(results).toEqual([]);
  });
});

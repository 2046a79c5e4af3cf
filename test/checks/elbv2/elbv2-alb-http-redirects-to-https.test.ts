import { describe, expect, it } from 'vitest';
import { elbv2AlbHttpRedirectsToHttps } from '../../../lambdas/core/checks/elbv2/index.js';
import {
  httpForwardListener,
  httpRedirectListener,
  httpsListener,
  listenersOf,
  loadBalancer,
} from '../../fixtures/elb.js';
import { inventoryWith, runCheckOn } from '../../fixtures/scan.js';

describe('Check: elbv2-alb-http-redirects-to-https', () => {
  it('fails when an HTTP listener forwards instead of redirecting', () => {
    // Prepare
    const lb = loadBalancer('harbor-web');
    const inventory = inventoryWith({
      'elbv2.loadBalancers': [lb],
      'elbv2.listeners': [listenersOf(lb, httpForwardListener(80), httpsListener())],
    });

    // Act
    const [result] = runCheckOn(elbv2AlbHttpRedirectsToHttps, inventory);

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: lb,
      message: 'Application Load Balancer harbor-web serves plain HTTP on HTTP:80 instead of redirecting to HTTPS.',
    });
  });

  it('passes when every HTTP listener redirects to HTTPS', () => {
    // Prepare
    const lb = loadBalancer('harbor-web');
    const inventory = inventoryWith({
      'elbv2.loadBalancers': [lb],
      'elbv2.listeners': [listenersOf(lb, httpRedirectListener(80), httpsListener())],
    });

    // Act
    const [result] = runCheckOn(elbv2AlbHttpRedirectsToHttps, inventory);

    // Assess
    expect(result).toMatchObject({
      status: 'PASS',
      message: 'Application Load Balancer harbor-web redirects HTTP:80 to HTTPS.',
    });
  });

  it('passes an ALB with no HTTP listener and ignores Network Load Balancers', () => {
    // Prepare
    const alb = loadBalancer('harbor-api');
    const nlb = loadBalancer('harbor-tcp', { type: 'network' });
    const inventory = inventoryWith({
      'elbv2.loadBalancers': [alb, nlb],
      'elbv2.listeners': [
        listenersOf(alb, httpsListener()),
        listenersOf(nlb, { ...httpForwardListener(80), protocol: 'TCP' }),
      ],
    });

    // Act
    const results = runCheckOn(elbv2AlbHttpRedirectsToHttps, inventory);

    // Assess
    expect(results.map((r) => [r.resource.id, r.status])).toEqual([['harbor-api', 'PASS']]);
  });

  it('produces no result for a load balancer whose listeners could not be collected', () => {
    // Prepare
    const inventory = inventoryWith({ 'elbv2.loadBalancers': [loadBalancer('harbor-web')], 'elbv2.listeners': [] });

    // Act
    const results = runCheckOn(elbv2AlbHttpRedirectsToHttps, inventory);

    // Assess
    expect(results).toEqual([]);
  });
});

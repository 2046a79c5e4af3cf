import { describe, expect, it } from 'vitest';
import { elbv2AlbDropsInvalidHeaders } from '../../../lambdas/core/checks/elbv2/index.js';
import { attributesOf, loadBalancer } from '../../fixtures/elb.js';
import { inventoryWith, runCheckOn } from '../../fixtures/scan.js';

describe('Check: elbv2-alb-drops-invalid-headers', () => {
  it('fails when the attribute is off', () => {
    // Prepare
    const lb = loadBalancer('harbor-web');
    const inventory = inventoryWith({
      'elbv2.loadBalancers': [lb],
      'elbv2.loadBalancerAttributes': [
        attributesOf(lb, { 'routing.http.drop_invalid_header_fields.enabled': 'false' }),
      ],
    });

    // Act
    const [result] = runCheckOn(elbv2AlbDropsInvalidHeaders, inventory);

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: lb,
      message: 'Application Load Balancer harbor-web forwards HTTP headers with invalid names to its targets.',
    });
  });

  it('passes when the attribute is on', () => {
    // Prepare
    const lb = loadBalancer('harbor-web');
    const inventory = inventoryWith({
      'elbv2.loadBalancers': [lb],
      'elbv2.loadBalancerAttributes': [attributesOf(lb, { 'routing.http.drop_invalid_header_fields.enabled': 'true' })],
    });

    // Act
    const [result] = runCheckOn(elbv2AlbDropsInvalidHeaders, inventory);

    // Assess
    expect(result).toMatchObject({
      status: 'PASS',
      message: 'Application Load Balancer harbor-web drops HTTP headers with invalid names.',
    });
  });

  it('ignores Network and Gateway Load Balancers', () => {
    // Prepare
    const nlb = loadBalancer('harbor-tcp', { type: 'network' });
    const inventory = inventoryWith({
      'elbv2.loadBalancers': [nlb],
      'elbv2.loadBalancerAttributes': [
        attributesOf(nlb, { 'routing.http.drop_invalid_header_fields.enabled': 'false' }),
      ],
    });

    // Act
    const results = runCheckOn(elbv2AlbDropsInvalidHeaders, inventory);

    // Assess
    expect(results).toEqual([]);
  });

  it('produces no result for a load balancer whose attributes could not be collected', () => {
    // Prepare
    const inventory = inventoryWith({
      'elbv2.loadBalancers': [loadBalancer('harbor-web')],
      'elbv2.loadBalancerAttributes': [],
    });

    // Act
    const results = runCheckOn(elbv2AlbDropsInvalidHeaders, inventory);

    // Assess
    expect(results).toEqual([]);
  });
});

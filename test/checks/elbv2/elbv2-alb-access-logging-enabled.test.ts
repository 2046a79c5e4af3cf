import { describe, expect, it } from 'vitest';
import { elbv2AlbAccessLoggingEnabled } from '../../../lambdas/core/checks/elbv2/index.js';
import { attributesOf, loadBalancer } from '../../fixtures/elb.js';
import { inventoryWith, runCheckOn } from '../../fixtures/scan.js';

describe('Check: elbv2-alb-access-logging-enabled', () => {
  it('fails when the attribute is off', () => {
    // Prepare
    const lb = loadBalancer('harbor-web');
    const inventory = inventoryWith({
      'elbv2.loadBalancers': [lb],
      'elbv2.loadBalancerAttributes': [attributesOf(lb, { 'access_logs.s3.enabled': 'false' })],
    });

    // Act
    const [result] = runCheckOn(elbv2AlbAccessLoggingEnabled, inventory);

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: lb,
      message: 'Application Load Balancer harbor-web has access logging disabled.',
    });
  });

  it('passes when the attribute is on', () => {
    // Prepare
    const lb = loadBalancer('harbor-web');
    const inventory = inventoryWith({
      'elbv2.loadBalancers': [lb],
      'elbv2.loadBalancerAttributes': [
        attributesOf(lb, { 'access_logs.s3.enabled': 'true', 'access_logs.s3.bucket': 'harbor-lb-logs' }),
      ],
    });

    // Act
    const [result] = runCheckOn(elbv2AlbAccessLoggingEnabled, inventory);

    // Assess
    expect(result).toMatchObject({
      status: 'PASS',
      message: 'Application Load Balancer harbor-web writes access logs to S3 bucket harbor-lb-logs.',
    });
  });

  it('ignores Network and Gateway Load Balancers', () => {
    // Prepare
    const nlb = loadBalancer('harbor-tcp', { type: 'network' });
    const inventory = inventoryWith({
      'elbv2.loadBalancers': [nlb],
      'elbv2.loadBalancerAttributes': [attributesOf(nlb, { 'access_logs.s3.enabled': 'false' })],
    });

    // Act
    const results = runCheckOn(elbv2AlbAccessLoggingEnabled, inventory);

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
    const results = runCheckOn(elbv2AlbAccessLoggingEnabled, inventory);

    // Assess
    expect(results).toEqual([]);
  });
});

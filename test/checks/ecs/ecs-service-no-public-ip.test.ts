import { describe, expect, it } from 'vitest';
import { ecsServiceNoPublicIp } from '../../../lambdas/core/checks/ecs/index.js';
import { ecsService, runEcsCheck } from '../../fixtures/ecs.js';

describe('Check: ecs-service-no-public-ip', () => {
  it('fails a service that assigns public IP addresses, naming cluster and capacity', () => {
    // Prepare
    const service = ecsService('harbor-storefront', { assignPublicIp: 'ENABLED' });

    // Act
    const [result] = runEcsCheck(ecsServiceNoPublicIp, { 'ecs.services': [service] });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(
      'ECS service harbor-storefront in cluster harbor-prod (Fargate) assigns a public IP address to every task (assignPublicIp ENABLED).',
    );
    expect(result?.srmClass).toBeUndefined();
  });

  it('passes disabled assignment and services without awsvpc networking', () => {
    // Prepare
    const privateService = ecsService('harbor-orders');
    const bridge = ecsService('harbor-agent', { launchType: 'EC2', assignPublicIp: undefined });

    // Act
    const results = runEcsCheck(ecsServiceNoPublicIp, { 'ecs.services': [privateService, bridge] });

    // Assess
    expect(results.map((r) => [r.status, r.srmClass])).toEqual([
      ['PASS', undefined],
      ['PASS', 'infrastructure'],
    ]);
    expect(results[0]?.message).toBe(
      'ECS service harbor-orders in cluster harbor-prod (Fargate) does not assign public IP addresses to its tasks (assignPublicIp DISABLED).',
    );
    expect(results[1]?.message).toBe(
      'ECS service harbor-agent in cluster harbor-prod (EC2) has no awsvpc network configuration, so it assigns no public IP addresses to its tasks.',
    );
  });

  it('reads the capacity of a service from its capacity provider strategy', () => {
    // Prepare
    const mixed = ecsService('harbor-batch', {
      launchType: undefined,
      capacityProviders: ['FARGATE_SPOT', 'harbor-asg'],
      assignPublicIp: 'ENABLED',
    });

    // Act
    const [result] = runEcsCheck(ecsServiceNoPublicIp, { 'ecs.services': [mixed] });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain('(Fargate and EC2 capacity provider harbor-asg)');
    expect(result?.srmClass).toBe('infrastructure');
  });
});

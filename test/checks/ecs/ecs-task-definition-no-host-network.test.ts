import { describe, expect, it } from 'vitest';
import { ecsTaskDefinitionNoHostNetwork } from '../../../lambdas/core/checks/ecs/index.js';
import { runEcsCheck, taskDefinition } from '../../fixtures/ecs.js';

describe('Check: ecs-task-definition-no-host-network', () => {
  it('fails the host network mode, in the infrastructure class on EC2', () => {
    // Prepare
    const definition = taskDefinition('harbor-agent', { requiresCompatibilities: ['EC2'], networkMode: 'host' });

    // Act
    const [result] = runEcsCheck(ecsTaskDefinitionNoHostNetwork, { 'ecs.taskDefinitions': [definition] });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(
      "ECS task definition harbor-agent:3 (EC2) uses the host network mode, sharing the host's network stack with its containers.",
    );
    expect(result?.srmClass).toBe('infrastructure');
  });

  it('passes awsvpc and an unset mode, naming the default', () => {
    // Prepare
    const awsvpc = taskDefinition('harbor-web');
    const unset = taskDefinition('harbor-legacy', { requiresCompatibilities: ['EC2'], networkMode: undefined });

    // Act
    const results = runEcsCheck(ecsTaskDefinitionNoHostNetwork, { 'ecs.taskDefinitions': [awsvpc, unset] });

    // Assess
    expect(results.map((r) => r.status)).toEqual(['PASS', 'PASS']);
    expect(results[0]?.message).toBe('ECS task definition harbor-web:3 (Fargate) uses the awsvpc network mode.');
    expect(results[1]?.message).toBe(
      'ECS task definition harbor-legacy:3 (EC2) uses the default (bridge) network mode.',
    );
  });
});

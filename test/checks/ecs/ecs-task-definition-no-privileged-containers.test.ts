import { describe, expect, it } from 'vitest';
import { ecsTaskDefinitionNoPrivilegedContainers } from '../../../lambdas/core/checks/ecs/index.js';
import { container, runEcsCheck, taskDefinition } from '../../fixtures/ecs.js';

describe('Check: ecs-task-definition-no-privileged-containers', () => {
  it('fails a Fargate-compatible task definition with a privileged container, in the container class', () => {
    // Prepare
    const definition = taskDefinition('harbor-orders', {
      containers: [container('app'), container('sidecar', { privileged: true })],
    });

    // Act
    const [result] = runEcsCheck(ecsTaskDefinitionNoPrivilegedContainers, { 'ecs.taskDefinitions': [definition] });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(
      'ECS task definition harbor-orders:3 (Fargate) runs containers in privileged mode: sidecar.',
    );
    expect(result?.srmClass).toBeUndefined();
  });

  it('puts a result for EC2 capacity in the infrastructure class and says so', () => {
    // Prepare
    const definition = taskDefinition('harbor-agent', {
      requiresCompatibilities: ['EC2'],
      containers: [container('agent', { privileged: true })],
    });

    // Act
    const [result] = runEcsCheck(ecsTaskDefinitionNoPrivilegedContainers, { 'ecs.taskDefinitions': [definition] });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain('harbor-agent:3 (EC2)');
    expect(result?.srmClass).toBe('infrastructure');
  });

  it('counts a task definition without requiresCompatibilities as EC2, and external capacity as the customer’s hosts', () => {
    // Prepare
    const unset = taskDefinition('harbor-legacy', { requiresCompatibilities: [] });
    const external = taskDefinition('harbor-edge', { requiresCompatibilities: ['EXTERNAL'] });

    // Act
    const results = runEcsCheck(ecsTaskDefinitionNoPrivilegedContainers, {
      'ecs.taskDefinitions': [unset, external],
    });

    // Assess
    expect(results.map((r) => [r.status, r.srmClass])).toEqual([
      ['PASS', 'infrastructure'],
      ['PASS', 'infrastructure'],
    ]);
    expect(results[1]?.message).toBe(
      'ECS task definition harbor-edge:3 (external (ECS Anywhere)) runs no container in privileged mode.',
    );
  });

  it('passes when no container is privileged, Fargate and EC2 compatibility counting as the customer’s hosts', () => {
    // Prepare
    const definition = taskDefinition('harbor-web', {
      requiresCompatibilities: ['FARGATE', 'EC2'],
      containers: [container('web', { privileged: false })],
    });

    // Act
    const [result] = runEcsCheck(ecsTaskDefinitionNoPrivilegedContainers, { 'ecs.taskDefinitions': [definition] });

    // Assess
    expect(result?.status).toBe('PASS');
    expect(result?.message).toBe(
      'ECS task definition harbor-web:3 (Fargate and EC2) runs no container in privileged mode.',
    );
    expect(result?.srmClass).toBe('infrastructure');
  });

  it('returns nothing without task definitions', () => {
    // Act
    const results = runEcsCheck(ecsTaskDefinitionNoPrivilegedContainers, { 'ecs.taskDefinitions': [] });

    // Assess
    expect(results).toEqual([]);
  });
});

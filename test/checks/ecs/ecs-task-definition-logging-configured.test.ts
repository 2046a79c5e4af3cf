import { describe, expect, it } from 'vitest';
import { ecsTaskDefinitionLoggingConfigured } from '../../../lambdas/core/checks/ecs/index.js';
import { container, runEcsCheck, taskDefinition } from '../../fixtures/ecs.js';

describe('Check: ecs-task-definition-logging-configured', () => {
  it('fails when a container has no log configuration', () => {
    // Prepare
    const definition = taskDefinition('harbor-orders', {
      containers: [container('app'), container('sidecar', { logDriver: undefined })],
    });

    // Act
    const [result] = runEcsCheck(ecsTaskDefinitionLoggingConfigured, { 'ecs.taskDefinitions': [definition] });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(
      'ECS task definition harbor-orders:3 (Fargate) has containers without a log configuration: sidecar.',
    );
  });

  it('passes when every container has a log driver', () => {
    // Prepare
    const definition = taskDefinition('harbor-web', {
      containers: [container('web'), container('router', { logDriver: 'awsfirelens' })],
    });

    // Act
    const [result] = runEcsCheck(ecsTaskDefinitionLoggingConfigured, { 'ecs.taskDefinitions': [definition] });

    // Assess
    expect(result?.status).toBe('PASS');
    expect(result?.message).toBe(
      'ECS task definition harbor-web:3 (Fargate) configures a log driver for every container.',
    );
  });
});

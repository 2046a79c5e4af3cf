import { describe, expect, it } from 'vitest';
import { ecsTaskDefinitionReadOnlyRootFilesystem } from '../../../lambdas/core/checks/ecs/index.js';
import { container, runEcsCheck, taskDefinition } from '../../fixtures/ecs.js';

describe('Check: ecs-task-definition-read-only-root-filesystem', () => {
  it('fails containers whose root file system is writable or unset', () => {
    // Prepare
    const definition = taskDefinition('harbor-orders', {
      containers: [
        container('app', { readonlyRootFilesystem: false }),
        container('sidecar', { readonlyRootFilesystem: undefined }),
        container('proxy'),
      ],
    });

    // Act
    const [result] = runEcsCheck(ecsTaskDefinitionReadOnlyRootFilesystem, { 'ecs.taskDefinitions': [definition] });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(
      'ECS task definition harbor-orders:3 (Fargate) lets containers write to their root file system: app and sidecar.',
    );
  });

  it('passes read-only root file systems and leaves Windows task definitions out', () => {
    // Prepare
    const linux = taskDefinition('harbor-web');
    const windows = taskDefinition('harbor-win', {
      operatingSystemFamily: 'WINDOWS_SERVER_2019_FULL',
      containers: [container('iis', { readonlyRootFilesystem: undefined })],
    });

    // Act
    const results = runEcsCheck(ecsTaskDefinitionReadOnlyRootFilesystem, { 'ecs.taskDefinitions': [linux, windows] });

    // Assess
    expect(results).toHaveLength(1);
    expect(results[0]?.status).toBe('PASS');
    expect(results[0]?.message).toBe(
      'ECS task definition harbor-web:3 (Fargate) gives every container a read-only root file system.',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { ecsTaskDefinitionContainersNonRoot } from '../../../lambdas/core/checks/ecs/index.js';
import { container, runEcsCheck, taskDefinition } from '../../fixtures/ecs.js';

describe('Check: ecs-task-definition-containers-non-root', () => {
  it('fails containers without a user or with root given by name or UID, in any user:group form', () => {
    // Prepare
    const definition = taskDefinition('harbor-orders', {
      containers: [
        container('app', { user: undefined }),
        container('proxy', { user: 'root' }),
        container('metrics', { user: '0:0' }),
        container('worker', { user: 'app:root' }),
      ],
    });

    // Act
    const [result] = runEcsCheck(ecsTaskDefinitionContainersNonRoot, { 'ecs.taskDefinitions': [definition] });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(
      'ECS task definition harbor-orders:3 (Fargate) runs containers as root: app (no user set, so the image default, usually root), proxy (user root) and metrics (user 0:0).',
    );
  });

  it('passes when every container names a non-root user or UID', () => {
    // Prepare
    const definition = taskDefinition('harbor-web', {
      containers: [container('web', { user: 'nginx' }), container('log-router', { user: '1000:1000' })],
    });

    // Act
    const [result] = runEcsCheck(ecsTaskDefinitionContainersNonRoot, { 'ecs.taskDefinitions': [definition] });

    // Assess
    expect(result?.status).toBe('PASS');
    expect(result?.message).toBe('ECS task definition harbor-web:3 (Fargate) runs every container as a non-root user.');
  });

  it('leaves Windows task definitions out and treats an unset platform as Linux', () => {
    // Prepare
    const windows = taskDefinition('harbor-billing-win', {
      operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE',
      containers: [container('billing', { user: undefined })],
    });
    const linux = taskDefinition('harbor-billing', {
      operatingSystemFamily: 'LINUX',
      requiresCompatibilities: ['EC2'],
      containers: [container('billing', { user: undefined })],
    });

    // Act
    const results = runEcsCheck(ecsTaskDefinitionContainersNonRoot, { 'ecs.taskDefinitions': [windows, linux] });

    // Assess
    expect(results.map((r) => [r.resource.id, r.status, r.srmClass])).toEqual([
      ['harbor-billing:3', 'FAIL', 'infrastructure'],
    ]);
  });
});

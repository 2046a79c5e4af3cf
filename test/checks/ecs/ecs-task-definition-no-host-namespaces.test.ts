import { describe, expect, it } from 'vitest';
import { ecsTaskDefinitionNoHostNamespaces } from '../../../lambdas/core/checks/ecs/index.js';
import { runEcsCheck, taskDefinition } from '../../fixtures/ecs.js';

describe('Check: ecs-task-definition-no-host-namespaces', () => {
  it('fails when the host PID and IPC namespaces are shared, naming both', () => {
    // Prepare
    const definition = taskDefinition('harbor-agent', {
      requiresCompatibilities: ['EC2'],
      pidMode: 'host',
      ipcMode: 'host',
    });

    // Act
    const [result] = runEcsCheck(ecsTaskDefinitionNoHostNamespaces, { 'ecs.taskDefinitions': [definition] });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(
      "ECS task definition harbor-agent:3 (EC2) shares the host's process (pidMode host) and IPC (ipcMode host) namespaces with its containers.",
    );
    expect(result?.srmClass).toBe('infrastructure');
  });

  it('fails the IPC namespace alone', () => {
    // Prepare
    const definition = taskDefinition('harbor-cache', { requiresCompatibilities: ['EC2'], ipcMode: 'host' });

    // Act
    const [result] = runEcsCheck(ecsTaskDefinitionNoHostNamespaces, { 'ecs.taskDefinitions': [definition] });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain("shares the host's IPC (ipcMode host) namespace with");
  });

  it('passes task-scoped and unset namespaces', () => {
    // Prepare
    const definition = taskDefinition('harbor-web', { pidMode: 'task', ipcMode: 'none' });

    // Act
    const [result] = runEcsCheck(ecsTaskDefinitionNoHostNamespaces, { 'ecs.taskDefinitions': [definition] });

    // Assess
    expect(result?.status).toBe('PASS');
    expect(result?.message).toBe(
      "ECS task definition harbor-web:3 (Fargate) shares neither the host's process nor its IPC namespace.",
    );
  });
});

import { describe, expect, it } from 'vitest';
import { ecsServiceFargateLatestPlatform } from '../../../lambdas/core/checks/ecs/index.js';
import { ecsService, runEcsCheck } from '../../fixtures/ecs.js';

describe('Check: ecs-service-fargate-latest-platform', () => {
  it('fails a Fargate service pinned to an older platform version', () => {
    // Prepare
    const service = ecsService('harbor-orders', { platformVersion: '1.3.0' });

    // Act
    const [result] = runEcsCheck(ecsServiceFargateLatestPlatform, { 'ecs.services': [service] });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(
      'ECS service harbor-orders in cluster harbor-prod (Fargate) is pinned to Fargate platform version 1.3.0; the current Linux version is 1.4.0.',
    );
  });

  it('passes LATEST, an unset version and the current version of the service’s OS family', () => {
    // Prepare
    const latest = ecsService('harbor-web');
    const unset = ecsService('harbor-api', { platformVersion: undefined });
    const windows = ecsService('harbor-billing', {
      platformVersion: '1.0.0',
      platformFamily: 'WINDOWS_SERVER_2022_CORE',
    });

    // Act
    const results = runEcsCheck(ecsServiceFargateLatestPlatform, { 'ecs.services': [latest, unset, windows] });

    // Assess
    expect(results.map((r) => r.status)).toEqual(['PASS', 'PASS', 'PASS']);
    expect(results[2]?.message).toBe(
      'ECS service harbor-billing in cluster harbor-prod (Fargate) runs on Fargate platform version 1.0.0, the current one.',
    );
  });

  it('follows the ecsFargatePlatformVersions setting and counts FARGATE_SPOT strategies as Fargate', () => {
    // Prepare
    const spot = ecsService('harbor-batch', {
      launchType: undefined,
      capacityProviders: ['FARGATE_SPOT'],
      platformVersion: '1.4.0',
    });

    // Act
    const [result] = runEcsCheck(
      ecsServiceFargateLatestPlatform,
      { 'ecs.services': [spot] },
      { ecsFargatePlatformVersions: { linux: '1.5.0', windows: '1.0.0' } },
    );

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain('the current Linux version is 1.5.0');
  });

  it('does not evaluate services on EC2 capacity', () => {
    // Prepare
    const ec2 = ecsService('harbor-agent', { launchType: 'EC2', platformVersion: undefined });
    const asg = ecsService('harbor-jobs', { launchType: undefined, capacityProviders: ['harbor-asg'] });

    // Act
    const results = runEcsCheck(ecsServiceFargateLatestPlatform, { 'ecs.services': [ec2, asg] });

    // Assess
    expect(results).toEqual([]);
  });
});

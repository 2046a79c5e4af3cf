import { describe, expect, it } from 'vitest';
import { ecsClusterContainerInsightsEnabled } from '../../../lambdas/core/checks/ecs/index.js';
import { ecsCluster, runEcsCheck } from '../../fixtures/ecs.js';

describe('Check: ecs-cluster-container-insights-enabled', () => {
  it('fails a cluster with Container Insights disabled or not configured', () => {
    // Prepare
    const disabled = ecsCluster('harbor-batch', { containerInsights: 'disabled' });
    const absent = ecsCluster('harbor-legacy', { containerInsights: undefined });

    // Act
    const results = runEcsCheck(ecsClusterContainerInsightsEnabled, { 'ecs.clusters': [disabled, absent] });

    // Assess
    expect(results.map((r) => r.status)).toEqual(['FAIL', 'FAIL']);
    expect(results[0]?.message).toBe('ECS cluster harbor-batch has Container Insights disabled.');
    expect(results[1]?.message).toBe('ECS cluster harbor-legacy has Container Insights not configured.');
  });

  it('passes enabled and enhanced Container Insights', () => {
    // Prepare
    const enabled = ecsCluster('harbor-prod');
    const enhanced = ecsCluster('harbor-platform', { containerInsights: 'enhanced' });

    // Act
    const results = runEcsCheck(ecsClusterContainerInsightsEnabled, { 'ecs.clusters': [enabled, enhanced] });

    // Assess
    expect(results.map((r) => r.status)).toEqual(['PASS', 'PASS']);
    expect(results[1]?.message).toBe('ECS cluster harbor-platform has Container Insights enhanced.');
  });
});

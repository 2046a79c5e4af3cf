import { describe, expect, it } from 'vitest';
import { ecrRepositoryLifecyclePolicy } from '../../../lambdas/core/checks/ecr/index.js';
import { ecrRepository, lifecyclePolicy, runEcrCheck } from '../../fixtures/ecr.js';

describe('Check: ecr-repository-lifecycle-policy', () => {
  it('fails a repository without a lifecycle policy', () => {
    // Prepare
    const repository = ecrRepository('harbor-orders');

    // Act
    const [result] = runEcrCheck(ecrRepositoryLifecyclePolicy, {
      'ecr.repositories': [repository],
      'ecr.lifecyclePolicies': [lifecyclePolicy(repository, false)],
    });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe('ECR repository harbor-orders has no lifecycle policy.');
  });

  it('passes a repository with a lifecycle policy and skips one whose policy was not collected', () => {
    // Prepare
    const withPolicy = ecrRepository('harbor-web');
    const unknown = ecrRepository('harbor-api');

    // Act
    const results = runEcrCheck(ecrRepositoryLifecyclePolicy, {
      'ecr.repositories': [withPolicy, unknown],
      'ecr.lifecyclePolicies': [lifecyclePolicy(withPolicy, true)],
    });

    // Assess
    expect(results.map((r) => [r.resource.id, r.status])).toEqual([['harbor-web', 'PASS']]);
    expect(results[0]?.message).toBe('ECR repository harbor-web has a lifecycle policy.');
  });
});

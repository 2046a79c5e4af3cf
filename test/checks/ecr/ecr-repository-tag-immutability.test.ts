import { describe, expect, it } from 'vitest';
import { ecrRepositoryTagImmutability } from '../../../lambdas/core/checks/ecr/index.js';
import { ecrRepository, runEcrCheck } from '../../fixtures/ecr.js';

describe('Check: ecr-repository-tag-immutability', () => {
  it('fails mutable tags', () => {
    // Prepare
    const repository = ecrRepository('harbor-orders', { imageTagMutability: 'MUTABLE' });

    // Act
    const [result] = runEcrCheck(ecrRepositoryTagImmutability, { 'ecr.repositories': [repository] });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe('ECR repository harbor-orders has mutable tags (MUTABLE).');
  });

  it('passes immutable tags, with or without exclusions', () => {
    // Prepare
    const strict = ecrRepository('harbor-web');
    const withExclusions = ecrRepository('harbor-api', { imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION' });

    // Act
    const results = runEcrCheck(ecrRepositoryTagImmutability, { 'ecr.repositories': [strict, withExclusions] });

    // Assess
    expect(results.map((r) => r.status)).toEqual(['PASS', 'PASS']);
    expect(results[0]?.message).toBe('ECR repository harbor-web has immutable tags (IMMUTABLE).');
  });
});

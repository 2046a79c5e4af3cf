import { describe, expect, it } from 'vitest';
import { ecrRepositoryInAllowedRegion } from '../../../lambdas/core/checks/ecr/index.js';
import type { EcrRegistryReplication } from '../../../lambdas/core/inventory/index.js';
import { ACCOUNT_ID, ecrRepository, runEcrCheck } from '../../fixtures/ecr.js';

const ALLOWED = { allowedRegions: ['us-east-1', 'eu-west-1'] };

const replication = (rules: EcrRegistryReplication['rules'], region = 'us-east-1'): EcrRegistryReplication => ({
  region,
  rules,
});

describe('Check: ecr-repository-in-allowed-region', () => {
  it('fails a repository whose images a replication rule copies outside the allowed regions', () => {
    // Prepare
    const repository = ecrRepository('base-images');
    const rules = [
      replication([{ prefixes: ['base-'], destinations: [{ region: 'ap-southeast-1', registryId: ACCOUNT_ID }] }]),
    ];

    // Act
    const [result] = runEcrCheck(
      ecrRepositoryInAllowedRegion,
      { 'ecr.repositories': [repository], 'ecr.registryReplication': rules },
      ALLOWED,
    );

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: repository,
      message:
        'ECR repository base-images is in us-east-1 but has image replicas in ap-southeast-1, outside the allowed regions (us-east-1, eu-west-1).',
    });
  });

  it('fails a repository in a region outside the allowed ones', () => {
    // Prepare
    const repository = ecrRepository('apac-builds', { region: 'ap-southeast-1' });

    // Act
    const [result] = runEcrCheck(
      ecrRepositoryInAllowedRegion,
      { 'ecr.repositories': [repository], 'ecr.registryReplication': [] },
      ALLOWED,
    );

    // Assess
    expect(result?.status).toBe('FAIL');
  });

  it('passes a repository that no rule matches, and names another registry a rule copies to', () => {
    // Prepare
    const matched = ecrRepository('harbor-storefront');
    const unmatched = ecrRepository('tools');
    const rules = [
      replication([{ prefixes: ['harbor-'], destinations: [{ region: 'eu-west-1', registryId: '210987654321' }] }]),
    ];

    // Act
    const results = runEcrCheck(
      ecrRepositoryInAllowedRegion,
      { 'ecr.repositories': [matched, unmatched], 'ecr.registryReplication': rules },
      ALLOWED,
    );

    // Assess
    expect(results.map((r) => r.status)).toEqual(['PASS', 'PASS']);
    expect(results[0]?.message).toBe(
      'ECR repository harbor-storefront is in us-east-1, and so are its copies, an allowed region.',
    );
  });

  it('applies a rule without prefixes to every repository', () => {
    // Prepare
    const repository = ecrRepository('tools');
    const rules = [
      replication([{ prefixes: [], destinations: [{ region: 'ap-southeast-1', registryId: '210987654321' }] }]),
    ];

    // Act
    const [result] = runEcrCheck(
      ecrRepositoryInAllowedRegion,
      { 'ecr.repositories': [repository], 'ecr.registryReplication': rules },
      ALLOWED,
    );

    // Assess
    expect(result?.message).toContain('has image replicas in registry 210987654321 in ap-southeast-1');
  });
});

import { describe, expect, it } from 'vitest';
import { ecrRepositoryImageScanning } from '../../../lambdas/core/checks/ecr/index.js';
import { matchesRepositoryFilter } from '../../../lambdas/core/checks/ecr/scanning.js';
import { ecrRepository, registryScanning, runEcrCheck } from '../../fixtures/ecr.js';

describe('Check: ecr-repository-image-scanning', () => {
  it('fails a repository that basic scanning does not cover', () => {
    // Prepare
    const repository = ecrRepository('harbor-orders');

    // Act
    const [result] = runEcrCheck(ecrRepositoryImageScanning, {
      'ecr.repositories': [repository],
      'ecr.registryScanning': [registryScanning('BASIC')],
    });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(
      'ECR repository harbor-orders is not scanned automatically: the registry uses basic scanning and no scan-on-push or continuous rule covers it.',
    );
  });

  it('passes basic scanning through the repository setting or a matching registry rule', () => {
    // Prepare
    const ownSetting = ecrRepository('harbor-web', { scanOnPush: true });
    const byRule = ecrRepository('prod-harbor-api');

    // Act
    const results = runEcrCheck(ecrRepositoryImageScanning, {
      'ecr.repositories': [ownSetting, byRule],
      'ecr.registryScanning': [
        registryScanning('BASIC', [{ scanFrequency: 'SCAN_ON_PUSH', repositoryFilters: ['prod-*'] }]),
      ],
    });

    // Assess
    expect(results.map((r) => r.status)).toEqual(['PASS', 'PASS']);
    expect(results[0]?.message).toBe(
      "ECR repository harbor-web has basic scan on push (the repository's scan-on-push setting).",
    );
    expect(results[1]?.message).toBe(
      'ECR repository prod-harbor-api has basic scan on push (registry rule filter prod-*).',
    );
  });

  it('lets enhanced scanning rules decide, ignoring the repository setting', () => {
    // Prepare
    const covered = ecrRepository('harbor-orders');
    const uncovered = ecrRepository('sandbox-tools', { scanOnPush: true });
    const registry = registryScanning('ENHANCED', [
      { scanFrequency: 'CONTINUOUS_SCAN', repositoryFilters: ['harbor-*'] },
      { scanFrequency: 'MANUAL', repositoryFilters: ['*'] },
    ]);

    // Act
    const results = runEcrCheck(ecrRepositoryImageScanning, {
      'ecr.repositories': [covered, uncovered],
      'ecr.registryScanning': [registry],
    });

    // Assess
    expect(results.map((r) => r.status)).toEqual(['PASS', 'FAIL']);
    expect(results[0]?.message).toBe(
      'ECR repository harbor-orders has enhanced continuous scanning (registry rule filter harbor-*).',
    );
    expect(results[1]?.message).toContain('the registry uses enhanced scanning');
  });

  it('uses the registry configuration of the repository’s own region', () => {
    // Prepare
    const repository = ecrRepository('harbor-orders', { region: 'eu-west-1' });

    // Act
    const results = runEcrCheck(ecrRepositoryImageScanning, {
      'ecr.repositories': [repository],
      'ecr.registryScanning': [
        registryScanning('ENHANCED', [{ scanFrequency: 'CONTINUOUS_SCAN', repositoryFilters: ['*'] }]),
        registryScanning('BASIC', [], 'eu-west-1'),
      ],
    });

    // Assess
    expect(results.map((r) => r.status)).toEqual(['FAIL']);
  });

  it('matches filters with * as the only wildcard character', () => {
    // Assess
    expect(matchesRepositoryFilter('harbor/orders', 'harbor/*')).toBe(true);
    expect(matchesRepositoryFilter('harbor.orders', 'harbor?orders')).toBe(false);
    expect(matchesRepositoryFilter('harbor-orders', 'harbor.orders')).toBe(false);
    expect(matchesRepositoryFilter('api', '*')).toBe(true);
  });
});

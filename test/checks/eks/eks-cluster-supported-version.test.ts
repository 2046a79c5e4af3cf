import { describe, expect, it } from 'vitest';
import { eksClusterSupportedVersion } from '../../../lambdas/core/checks/eks/index.js';
import { eksCluster, runEksCheck } from '../../fixtures/eks.js';

describe('Check: eks-cluster-supported-version', () => {
  it('fails a version older than the oldest one in standard support (1.34 by default)', () => {
    // Prepare
    const cluster = eksCluster('harbor-legacy', { version: '1.33' });

    // Act
    const [result] = runEksCheck(eksClusterSupportedVersion, { 'eks.clusters': [cluster] });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(
      'EKS cluster harbor-legacy runs Kubernetes 1.33, older than 1.34, the oldest version in standard support.',
    );
  });

  it('compares minor versions numerically, not as text', () => {
    // Prepare
    const cluster = eksCluster('harbor-legacy', { version: '1.9' });

    // Act
    const [result] = runEksCheck(
      eksClusterSupportedVersion,
      { 'eks.clusters': [cluster] },
      { eksMinimumKubernetesVersion: '1.10' },
    );

    // Assess
    expect(result?.status).toBe('FAIL');
  });

  it('passes the minimum and newer versions', () => {
    // Prepare
    const oldest = eksCluster('harbor-data', { version: '1.34' });
    const newer = eksCluster('harbor-platform', { version: '1.35' });

    // Act
    const results = runEksCheck(eksClusterSupportedVersion, { 'eks.clusters': [oldest, newer] });

    // Assess
    expect(results.map((r) => r.status)).toEqual(['PASS', 'PASS']);
    expect(results[0]?.message).toBe(
      'EKS cluster harbor-data runs Kubernetes 1.34, in standard support (oldest supported: 1.34).',
    );
  });

  it('reports a version it cannot read as not evaluated rather than guessing', () => {
    // Prepare
    const cluster = eksCluster('harbor-odd', { version: undefined });

    // Act
    const [result] = runEksCheck(eksClusterSupportedVersion, { 'eks.clusters': [cluster] });

    // Assess
    expect(result?.status).toBe('ERROR');
    expect(result?.message).toBe(
      "EKS cluster harbor-odd's Kubernetes version (unknown) could not be compared with 1.34.",
    );
  });
});

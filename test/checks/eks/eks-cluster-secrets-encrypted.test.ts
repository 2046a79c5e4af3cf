import { describe, expect, it } from 'vitest';
import { eksClusterSecretsEncrypted } from '../../../lambdas/core/checks/eks/index.js';
import { eksCluster, runEksCheck } from '../../fixtures/eks.js';

describe('Check: eks-cluster-secrets-encrypted', () => {
  it('fails a cluster without envelope encryption of secrets', () => {
    // Prepare
    const cluster = eksCluster('harbor-ci', { encryptionConfig: [] });

    // Act
    const [result] = runEksCheck(eksClusterSecretsEncrypted, { 'eks.clusters': [cluster] });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe('EKS cluster harbor-ci does not encrypt Kubernetes secrets with a KMS key.');
  });

  it('fails an encryption configuration that does not cover secrets', () => {
    // Prepare
    const cluster = eksCluster('harbor-ci', {
      encryptionConfig: [{ resources: [], keyArn: 'arn:aws:kms:us-east-1:123456789012:key/k' }],
    });

    // Act
    const [result] = runEksCheck(eksClusterSecretsEncrypted, { 'eks.clusters': [cluster] });

    // Assess
    expect(result?.status).toBe('FAIL');
  });

  it('passes a cluster that encrypts secrets with a KMS key, naming it', () => {
    // Prepare
    const cluster = eksCluster('harbor-platform');

    // Act
    const [result] = runEksCheck(eksClusterSecretsEncrypted, { 'eks.clusters': [cluster] });

    // Assess
    expect(result?.status).toBe('PASS');
    expect(result?.message).toBe(
      'EKS cluster harbor-platform encrypts Kubernetes secrets with KMS key arn:aws:kms:us-east-1:123456789012:key/eks-secrets.',
    );
  });
});

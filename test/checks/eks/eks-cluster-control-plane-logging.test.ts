import { describe, expect, it } from 'vitest';
import { eksClusterControlPlaneLogging } from '../../../lambdas/core/checks/eks/index.js';
import { eksCluster, runEksCheck } from '../../fixtures/eks.js';

describe('Check: eks-cluster-control-plane-logging', () => {
  it('fails when audit or authenticator logs are off, naming what is missing and what is on', () => {
    // Prepare
    const cluster = eksCluster('harbor-ci', { enabledLogTypes: ['api', 'scheduler'] });

    // Act
    const [result] = runEksCheck(eksClusterControlPlaneLogging, { 'eks.clusters': [cluster] });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(
      'EKS cluster harbor-ci does not send the audit and authenticator control-plane logs to CloudWatch Logs (enabled: api, scheduler).',
    );
  });

  it('fails a cluster with no logging at all', () => {
    // Prepare
    const cluster = eksCluster('harbor-ci', { enabledLogTypes: [] });

    // Act
    const [result] = runEksCheck(eksClusterControlPlaneLogging, { 'eks.clusters': [cluster] });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain('(enabled: none)');
  });

  it('passes when api, audit and authenticator logs are on', () => {
    // Prepare
    const cluster = eksCluster('harbor-platform', {
      enabledLogTypes: ['api', 'audit', 'authenticator', 'controllerManager'],
    });

    // Act
    const [result] = runEksCheck(eksClusterControlPlaneLogging, { 'eks.clusters': [cluster] });

    // Assess
    expect(result?.status).toBe('PASS');
    expect(result?.message).toBe(
      'EKS cluster harbor-platform sends the api, audit and authenticator control-plane logs to CloudWatch Logs.',
    );
  });
});

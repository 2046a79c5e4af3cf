import { describe, expect, it } from 'vitest';
import { eksClusterEndpointNotPublic } from '../../../lambdas/core/checks/eks/index.js';
import { eksCluster, runEksCheck } from '../../fixtures/eks.js';

describe('Check: eks-cluster-endpoint-not-public', () => {
  it('fails a public endpoint open to 0.0.0.0/0', () => {
    // Prepare
    const cluster = eksCluster('harbor-platform', { endpointPublicAccess: true, publicAccessCidrs: ['0.0.0.0/0'] });

    // Act
    const [result] = runEksCheck(eksClusterEndpointNotPublic, { 'eks.clusters': [cluster] });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(
      "EKS cluster harbor-platform's API server endpoint is public and open to the internet: 0.0.0.0/0 covers the whole public IPv4 space.",
    );
  });

  it('fails split halves of the address space, which together are the internet', () => {
    // Prepare
    const cluster = eksCluster('harbor-ci', {
      endpointPublicAccess: true,
      publicAccessCidrs: ['0.0.0.0/1', '128.0.0.0/1'],
    });

    // Act
    const [result] = runEksCheck(eksClusterEndpointNotPublic, { 'eks.clusters': [cluster] });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain('0.0.0.0/1 and 128.0.0.0/1 together cover the public IPv4 space');
  });

  it('fails a public block wider than the internetExposurePrefix setting, and passes it when the setting allows it', () => {
    // Prepare
    const cluster = eksCluster('harbor-ci', { endpointPublicAccess: true, publicAccessCidrs: ['52.0.0.0/8'] });

    // Act
    const [strict] = runEksCheck(eksClusterEndpointNotPublic, { 'eks.clusters': [cluster] });
    const [relaxed] = runEksCheck(
      eksClusterEndpointNotPublic,
      { 'eks.clusters': [cluster] },
      { internetExposurePrefix: { ipv4: 4, ipv6: 32 } },
    );

    // Assess
    expect(strict?.status).toBe('FAIL');
    expect(relaxed?.status).toBe('PASS');
  });

  it('passes a private endpoint and a public one restricted to narrow ranges', () => {
    // Prepare
    const privateOnly = eksCluster('harbor-platform');
    const restricted = eksCluster('harbor-data', {
      endpointPublicAccess: true,
      publicAccessCidrs: ['203.0.113.0/24', '198.51.100.7/32'],
    });

    // Act
    const results = runEksCheck(eksClusterEndpointNotPublic, { 'eks.clusters': [privateOnly, restricted] });

    // Assess
    expect(results.map((r) => r.status)).toEqual(['PASS', 'PASS']);
    expect(results[0]?.message).toBe("EKS cluster harbor-platform's API server endpoint is private only.");
    expect(results[1]?.message).toBe(
      "EKS cluster harbor-data's API server endpoint is public but restricted to 203.0.113.0/24, 198.51.100.7/32.",
    );
  });
});

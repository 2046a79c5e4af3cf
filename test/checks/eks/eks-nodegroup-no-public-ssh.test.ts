import { describe, expect, it } from 'vitest';
import { eksNodegroupNoPublicSsh } from '../../../lambdas/core/checks/eks/index.js';
import { eksNodegroup, runEksCheck } from '../../fixtures/eks.js';

describe('Check: eks-nodegroup-no-public-ssh', () => {
  it('fails a node group with an SSH key and no source security groups, in the infrastructure class', () => {
    // Prepare
    const nodegroup = eksNodegroup('harbor-general', { remoteAccessKey: 'harbor-ops' });

    // Act
    const [result] = runEksCheck(eksNodegroupNoPublicSsh, { 'eks.nodegroups': [nodegroup] });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(
      'EKS managed node group harbor-general of cluster harbor-platform (EC2 nodes) allows SSH with key harbor-ops from anywhere (0.0.0.0/0): no source security groups are set.',
    );
    expect(result?.srmClass).toBe('infrastructure');
  });

  it('passes node groups without SSH or with SSH limited to security groups', () => {
    // Prepare
    const none = eksNodegroup('harbor-general');
    const limited = eksNodegroup('harbor-gpu', {
      remoteAccessKey: 'harbor-ops',
      remoteAccessSourceSecurityGroups: ['sg-0bastion'],
    });

    // Act
    const results = runEksCheck(eksNodegroupNoPublicSsh, { 'eks.nodegroups': [none, limited] });

    // Assess
    expect(results.map((r) => [r.status, r.srmClass])).toEqual([
      ['PASS', 'infrastructure'],
      ['PASS', 'infrastructure'],
    ]);
    expect(results[0]?.message).toBe(
      'EKS managed node group harbor-general of cluster harbor-platform (EC2 nodes) has no SSH remote access.',
    );
    expect(results[1]?.message).toContain('only from security groups sg-0bastion');
  });
});

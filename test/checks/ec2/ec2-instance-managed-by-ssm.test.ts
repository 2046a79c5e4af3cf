import { describe, expect, it } from 'vitest';
import { ec2InstanceManagedBySsm } from '../../../lambdas/core/checks/ec2/index.js';
import { evaluateEc2, instance, managedInstance, statuses } from '../../fixtures/ec2.js';

describe('Check: ec2-instance-managed-by-ssm', () => {
  it('fails when a running instance is not a managed node', () => {
    // Prepare
    const orphan = instance('i-orphan', { tags: { Name: 'legacy-ftp' } });

    // Act
    const results = evaluateEc2(ec2InstanceManagedBySsm, { instances: [orphan], managedInstances: [] });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: orphan,
        message: 'EC2 instance i-orphan (legacy-ftp) is running but not managed by Systems Manager.',
      },
    ]);
  });

  it('passes when the instance is a managed node, naming its ping status', () => {
    // Prepare
    const managed = instance('i-managed');

    // Act
    const results = evaluateEc2(ec2InstanceManagedBySsm, {
      instances: [managed],
      managedInstances: [managedInstance('i-managed', { pingStatus: 'Online' })],
    });

    // Assess
    expect(results).toEqual([
      {
        status: 'PASS',
        resource: managed,
        message: 'EC2 instance i-managed is managed by Systems Manager (ping status Online).',
      },
    ]);
  });

  it('fails when a running instance is registered but its agent has stopped reporting (ConnectionLost)', () => {
    // Prepare
    const silent = instance('i-silent');

    // Act
    const results = evaluateEc2(ec2InstanceManagedBySsm, {
      instances: [silent],
      managedInstances: [
        managedInstance('i-silent', { pingStatus: 'ConnectionLost', lastPingAt: new Date('2026-11-01T08:00:00Z') }),
      ],
    });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: silent,
        message:
          'EC2 instance i-silent is running but its SSM Agent is not reporting to Systems Manager (ping status ConnectionLost, last ping 2026-11-01T08:00:00.000Z).',
      },
    ]);
  });

  it('does not match a managed node of the same id in another region', () => {
    // Prepare
    const ireland = instance('i-1', { region: 'eu-west-1' });

    // Act
    const results = evaluateEc2(ec2InstanceManagedBySsm, {
      instances: [ireland],
      managedInstances: [managedInstance('i-1', { region: 'us-east-1' })],
    });

    // Assess
    expect(results[0]?.status).toBe('FAIL');
  });

  it('does not evaluate instances that are not running, nor hybrid nodes', () => {
    // Prepare
    const stopped = instance('i-stopped', { state: 'stopped' });
    const pending = instance('i-pending', { state: 'pending' });
    const running = instance('i-running');

    // Act
    const results = evaluateEc2(ec2InstanceManagedBySsm, {
      instances: [stopped, pending, running],
      managedInstances: [managedInstance('i-running'), managedInstance('mi-0123', { resourceType: 'ManagedInstance' })],
    });

    // Assess
    expect(statuses(results)).toEqual({ 'i-running': 'PASS' });
  });
});

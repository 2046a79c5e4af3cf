import { describe, expect, it } from 'vitest';
import { ec2InstancePatchCompliant } from '../../../lambdas/core/checks/ec2/index.js';
import { evaluateEc2, instance, managedInstance, patchSummary, statuses } from '../../fixtures/ec2.js';

describe('Check: ec2-instance-patch-compliant', () => {
  it('fails with the counts when a managed instance is missing patches', () => {
    // Prepare
    const web = instance('i-web', { tags: { Name: 'web-1' } });

    // Act
    const results = evaluateEc2(ec2InstancePatchCompliant, {
      instances: [web],
      managedInstances: [managedInstance('i-web')],
      patchCompliance: [
        patchSummary('i-web', { status: 'NON_COMPLIANT', nonCompliantCount: 3, overallSeverity: 'CRITICAL' }),
      ],
    });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: web,
        message:
          'EC2 instance i-web (web-1) is NON_COMPLIANT with its patch baseline: 3 non-compliant patches, worst severity CRITICAL (last scan 2026-11-19T03:00:00.000Z).',
      },
    ]);
  });

  it('fails when a managed instance has never been scanned', () => {
    // Prepare
    const fresh = instance('i-fresh');

    // Act
    const results = evaluateEc2(ec2InstancePatchCompliant, {
      instances: [fresh],
      managedInstances: [managedInstance('i-fresh')],
      patchCompliance: [patchSummary('i-fresh', { region: 'eu-west-1' })],
    });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: fresh,
        message: 'EC2 instance i-fresh is managed by Systems Manager but has never been scanned for patches.',
      },
    ]);
  });

  it('passes when the managed instance is compliant', () => {
    // Prepare
    const db = instance('i-db');

    // Act
    const results = evaluateEc2(ec2InstancePatchCompliant, {
      instances: [db],
      managedInstances: [managedInstance('i-db')],
      patchCompliance: [patchSummary('i-db')],
    });

    // Assess
    expect(results).toEqual([
      {
        status: 'PASS',
        resource: db,
        message: 'EC2 instance i-db is compliant with its patch baseline (last scan 2026-11-19T03:00:00.000Z).',
      },
    ]);
  });

  it('leaves unmanaged instances to ec2-instance-managed-by-ssm', () => {
    // Prepare
    const unmanaged = instance('i-unmanaged');
    const managed = instance('i-managed');

    // Act
    const results = evaluateEc2(ec2InstancePatchCompliant, {
      instances: [unmanaged, managed],
      managedInstances: [managedInstance('i-managed')],
      patchCompliance: [
        patchSummary('i-unmanaged', { status: 'NON_COMPLIANT', nonCompliantCount: 9 }),
        patchSummary('i-managed'),
      ],
    });

    // Assess
    expect(statuses(results)).toEqual({ 'i-managed': 'PASS' });
  });
});

import { describe, expect, it } from 'vitest';
import { ec2InstanceImdsv2Required } from '../../../lambdas/core/checks/ec2/index.js';
import { evaluateEc2, instance } from '../../fixtures/ec2.js';

describe('Check: ec2-instance-imdsv2-required', () => {
  it('fails when an instance accepts IMDSv1', () => {
    // Prepare
    const legacy = instance('i-legacy', { httpTokens: 'optional', tags: { Name: 'app-1' } });

    // Act
    const results = evaluateEc2(ec2InstanceImdsv2Required, { instances: [legacy] });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: legacy,
        message: 'EC2 instance i-legacy (app-1) accepts IMDSv1 requests (HttpTokens is optional).',
      },
    ]);
  });

  it('fails when the metadata options are unknown', () => {
    // Prepare
    const unknown = instance('i-unknown', { httpTokens: undefined, httpEndpoint: undefined });

    // Act
    const results = evaluateEc2(ec2InstanceImdsv2Required, { instances: [unknown] });

    // Assess
    expect(results[0]?.status).toBe('FAIL');
    expect(results[0]?.message).toContain('HttpTokens is unset');
  });

  it('passes when IMDSv2 is required', () => {
    // Prepare
    const modern = instance('i-modern');

    // Act
    const results = evaluateEc2(ec2InstanceImdsv2Required, { instances: [modern] });

    // Assess
    expect(results).toEqual([{ status: 'PASS', resource: modern, message: 'EC2 instance i-modern requires IMDSv2.' }]);
  });

  it('passes when the metadata endpoint is disabled even though tokens are optional', () => {
    // Prepare
    const sealed = instance('i-sealed', { httpTokens: 'optional', httpEndpoint: 'disabled' });

    // Act
    const results = evaluateEc2(ec2InstanceImdsv2Required, { instances: [sealed] });

    // Assess
    expect(results[0]?.status).toBe('PASS');
    expect(results[0]?.message).toContain('metadata endpoint disabled');
  });

  it('reports nothing when there are no instances', () => {
    // Prepare / Act
    const results = evaluateEc2(ec2InstanceImdsv2Required, { instances: [] });

    // Assess
    expect(results).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { ec2InstanceNoPublicIp } from '../../../lambdas/core/checks/ec2/index.js';
import { evaluateEc2, instance } from '../../fixtures/ec2.js';

describe('Check: ec2-instance-no-public-ip', () => {
  it('fails when an instance has a public IPv4 address', () => {
    // Prepare
    const web = instance('i-web', { publicIpAddress: '54.1.2.3', tags: { Name: 'web-1' } });

    // Act
    const results = evaluateEc2(ec2InstanceNoPublicIp, { instances: [web] });

    // Assess
    expect(results).toEqual([
      { status: 'FAIL', resource: web, message: 'EC2 instance i-web (web-1) has the public IPv4 address 54.1.2.3.' },
    ]);
  });

  it('passes when an instance has only private addresses', () => {
    // Prepare
    const app = instance('i-app');

    // Act
    const results = evaluateEc2(ec2InstanceNoPublicIp, { instances: [app] });

    // Assess
    expect(results).toEqual([
      { status: 'PASS', resource: app, message: 'EC2 instance i-app has no public IPv4 address.' },
    ]);
  });

  it('evaluates stopped instances too (an Elastic IP stays attached)', () => {
    // Prepare
    const stopped = instance('i-stopped', { state: 'stopped', publicIpAddress: '3.3.3.3' });

    // Act
    const results = evaluateEc2(ec2InstanceNoPublicIp, { instances: [stopped] });

    // Assess
    expect(results[0]?.status).toBe('FAIL');
  });

  it('reports nothing when there are no instances', () => {
    // Prepare / Act
    const results = evaluateEc2(ec2InstanceNoPublicIp, {});

    // Assess
    expect(results).toEqual([]);
  });
});

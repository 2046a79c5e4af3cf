import { describe, expect, it } from 'vitest';
import { secretsmanagerSecretInAllowedRegion } from '../../../lambdas/core/checks/secretsmanager/index.js';
import { inventoryWith, runCheckOn } from '../../fixtures/scan.js';
import { secret } from '../../fixtures/secretsmanager.js';

const ALLOWED = { allowedRegions: ['us-east-1', 'eu-west-1'] };

describe('Check: secretsmanager-secret-in-allowed-region', () => {
  it('fails a resource outside the allowed regions', () => {
    // Prepare
    const REGION = 'ap-southeast-1';
    const resource = secret('harbor/orders-db', { region: REGION });

    // Act
    const [result] = runCheckOn(
      secretsmanagerSecretInAllowedRegion,
      inventoryWith({ 'secretsmanager.secrets': [resource] }),
      { settings: ALLOWED },
    );

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain('is in ap-southeast-1, outside the allowed regions (us-east-1, eu-west-1).');
  });

  it('passes a resource in an allowed region', () => {
    // Prepare
    const REGION = 'eu-west-1';
    const resource = secret('harbor/orders-db', { region: REGION });

    // Act
    const [result] = runCheckOn(
      secretsmanagerSecretInAllowedRegion,
      inventoryWith({ 'secretsmanager.secrets': [resource] }),
      { settings: ALLOWED },
    );

    // Assess
    expect(result).toMatchObject({ status: 'PASS', resource: { arn: resource.arn } });
  });

  it('reports once that residency is not configured when there is something to judge', () => {
    // Prepare
    const REGION = 'eu-west-1';
    const resource = secret('harbor/orders-db', { region: REGION });

    // Act
    const results = runCheckOn(
      secretsmanagerSecretInAllowedRegion,
      inventoryWith({ 'secretsmanager.secrets': [resource] }),
    );

    // Assess
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: 'ERROR', resource: { id: '123456789012' } });
  });

  it('stays silent when the service holds nothing', () => {
    // Act
    const results = runCheckOn(secretsmanagerSecretInAllowedRegion, inventoryWith({ 'secretsmanager.secrets': [] }));

    // Assess
    expect(results).toEqual([]);
  });

  it('fails a replica in an allowed region whose primary is outside them', () => {
    // Prepare
    const replica = secret('harbor/orders-db', { region: 'eu-west-1', primaryRegion: 'ap-southeast-1' });

    // Act
    const [result] = runCheckOn(
      secretsmanagerSecretInAllowedRegion,
      inventoryWith({ 'secretsmanager.secrets': [replica] }),
      { settings: ALLOWED },
    );

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain('has its primary secret in ap-southeast-1, outside the allowed regions');
  });
});

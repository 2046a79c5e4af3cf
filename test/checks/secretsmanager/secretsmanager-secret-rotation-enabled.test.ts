import { describe, expect, it } from 'vitest';
import { secretsmanagerSecretRotationEnabled } from '../../../lambdas/core/checks/secretsmanager/index.js';
import { inventoryWith, runCheckOn, secret } from '../../fixtures/secretsmanager.js';

const run = (...secrets: ReturnType<typeof secret>[]) =>
  runCheckOn(secretsmanagerSecretRotationEnabled, inventoryWith({ 'secretsmanager.secrets': secrets }));

describe('Check: secretsmanager-secret-rotation-enabled', () => {
  it('fails when rotation is disabled', () => {
    // Prepare
    const s = secret('harbor/partner-api-key', { rotationEnabled: false, rotationIntervalDays: undefined });

    // Act
    const results = run(s);

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: s,
        message: 'Secrets Manager secret harbor/partner-api-key has automatic rotation disabled.',
      },
    ]);
  });

  it('passes when rotation is enabled and gives the interval', () => {
    // Act
    const [result] = run(secret('harbor/orders-db'));

    // Assess
    expect(result).toMatchObject({
      status: 'PASS',
      message: 'Secrets Manager secret harbor/orders-db has automatic rotation enabled every 30 days.',
    });
  });

  it('names the owning service of a managed secret', () => {
    // Act
    const [result] = run(secret('rds!db-123', { owningService: 'rds', rotationEnabled: false }));

    // Assess
    expect(result?.message).toBe('Secrets Manager secret rds!db-123 (managed by rds) has automatic rotation disabled.');
  });

  it('leaves replicas to their primary region', () => {
    // Prepare
    const replica = secret('harbor/orders-db', {
      region: 'eu-west-1',
      primaryRegion: 'us-east-1',
      rotationEnabled: false,
    });

    // Act
    const results = run(replica);

    // Assess
    expect(results).toEqual([]);
  });
});

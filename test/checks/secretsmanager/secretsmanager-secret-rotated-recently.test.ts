import { describe, expect, it } from 'vitest';
import { secretsmanagerSecretRotatedRecently } from '../../../lambdas/core/checks/secretsmanager/index.js';
import { daysAgo, inventoryWith, runCheckOn, secret } from '../../fixtures/secretsmanager.js';

const run = (s: ReturnType<typeof secret>, secretMaxRotationDays?: number) =>
  runCheckOn(secretsmanagerSecretRotatedRecently, inventoryWith({ 'secretsmanager.secrets': [s] }), {
    settings: secretMaxRotationDays === undefined ? {} : { secretMaxRotationDays },
  });

describe('Check: secretsmanager-secret-rotated-recently', () => {
  it('fails when the secret was created long ago and never rotated', () => {
    // Prepare
    const s = secret('harbor/partner-api-key', {
      rotationEnabled: false,
      lastRotatedDate: undefined,
      createdDate: daysAgo(200),
    });

    // Act
    const results = run(s);

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: s,
        message:
          'Secrets Manager secret harbor/partner-api-key was created on 2026-05-04 and never rotated, 200 days ago, more than the allowed 90 days.',
      },
    ]);
  });

  it('passes when rotated within the default 90 days', () => {
    // Act
    const [result] = run(secret('harbor/orders-db'));

    // Assess
    expect(result).toMatchObject({
      status: 'PASS',
      message: 'Secrets Manager secret harbor/orders-db was last rotated on 2026-11-10, 10 days ago (limit 90).',
    });
  });

  it('applies the secretMaxRotationDays setting', () => {
    // Act
    const [result] = run(secret('harbor/orders-db', { lastRotatedDate: daysAgo(10) }), 7);

    // Assess
    expect(result?.status).toBe('FAIL');
  });

  it('passes on the limit day itself', () => {
    // Act
    const [result] = run(secret('harbor/orders-db', { lastRotatedDate: daysAgo(90) }));

    // Assess
    expect(result?.status).toBe('PASS');
  });
});

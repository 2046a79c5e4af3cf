import { describe, expect, it } from 'vitest';
import { secretsmanagerSecretUsedRecently } from '../../../lambdas/core/checks/secretsmanager/index.js';
import { daysAgo, inventoryWith, runCheckOn, secret } from '../../fixtures/secretsmanager.js';

const run = (s: ReturnType<typeof secret>, unusedSecretDays?: number) =>
  runCheckOn(secretsmanagerSecretUsedRecently, inventoryWith({ 'secretsmanager.secrets': [s] }), {
    settings: unusedSecretDays === undefined ? {} : { unusedSecretDays },
  });

describe('Check: secretsmanager-secret-used-recently', () => {
  it('fails when the last access is older than 90 days', () => {
    // Prepare
    const s = secret('harbor/legacy-ftp', { lastAccessedDate: new Date('2026-06-01T00:00:00Z') });

    // Act
    const results = run(s);

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: s,
        message:
          'Secrets Manager secret harbor/legacy-ftp was last accessed on 2026-06-01, 172 days ago, more than the allowed 90 days.',
      },
    ]);
  });

  it('passes when accessed yesterday (the access date has no time)', () => {
    // Act
    const [result] = run(secret('harbor/orders-db'));

    // Assess
    expect(result).toMatchObject({
      status: 'PASS',
      message: 'Secrets Manager secret harbor/orders-db was last accessed on 2026-11-19, 1 day ago.',
    });
  });

  it('fails a secret never accessed since its creation long ago', () => {
    // Act
    const [result] = run(secret('harbor/old-token', { lastAccessedDate: undefined, createdDate: daysAgo(120) }));

    // Assess
    expect(result).toMatchObject({
      status: 'FAIL',
      message:
        'Secrets Manager secret harbor/old-token has never been accessed since it was created on 2026-07-23, 120 days ago (allowed 90 days).',
    });
  });

  it('passes a new secret that has not been accessed yet', () => {
    // Act
    const [result] = run(secret('harbor/new-token', { lastAccessedDate: undefined, createdDate: daysAgo(3) }));

    // Assess
    expect(result?.status).toBe('PASS');
  });

  it('applies the unusedSecretDays setting', () => {
    // Act
    const [result] = run(secret('harbor/orders-db', { lastAccessedDate: daysAgo(20) }), 14);

    // Assess
    expect(result?.status).toBe('FAIL');
  });
});

import { describe, expect, it } from 'vitest';
import { secretsmanagerSecretRotationOnSchedule } from '../../../lambdas/core/checks/secretsmanager/index.js';
import { daysAgo, inventoryWith, runCheckOn, secret } from '../../fixtures/secretsmanager.js';

const run = (...secrets: ReturnType<typeof secret>[]) =>
  runCheckOn(secretsmanagerSecretRotationOnSchedule, inventoryWith({ 'secretsmanager.secrets': secrets }));

describe('Check: secretsmanager-secret-rotation-on-schedule', () => {
  it('fails when the last rotation is older than the interval, as when rotation keeps failing', () => {
    // Prepare
    const s = secret('harbor/orders-db', { lastRotatedDate: daysAgo(45), nextRotationDate: daysAgo(15) });

    // Act
    const results = run(s);

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: s,
        message:
          'Secrets Manager secret harbor/orders-db has automatic rotation enabled but was not rotated on schedule: its next rotation was scheduled for 2026-11-05; it was last rotated on 2026-10-06 with a 30-day rotation interval.',
      },
    ]);
  });

  it('passes when rotated within the interval', () => {
    // Act
    const [result] = run(secret('harbor/orders-db'));

    // Assess
    expect(result).toMatchObject({
      status: 'PASS',
      message:
        'Secrets Manager secret harbor/orders-db is rotating on schedule (last rotated on 2026-11-10, next rotation due 2026-12-10).',
    });
  });

  it('allows the day-long rotation window after the due date', () => {
    // Prepare
    const dueHoursAgo = new Date(daysAgo(0).getTime() - 6 * 3_600_000);
    const s = secret('harbor/orders-db', { lastRotatedDate: daysAgo(30.25), nextRotationDate: dueHoursAgo });

    // Act
    const [result] = run(s);

    // Assess
    expect(result?.status).toBe('PASS');
  });

  it('counts from creation for a secret never rotated', () => {
    // Prepare
    const s = secret('harbor/new-db', {
      lastRotatedDate: undefined,
      nextRotationDate: undefined,
      createdDate: daysAgo(40),
    });

    // Act
    const [result] = run(s);

    // Assess
    expect(result).toMatchObject({
      status: 'FAIL',
      message:
        'Secrets Manager secret harbor/new-db has automatic rotation enabled but was not rotated on schedule: it was created on 2026-10-11 and never rotated with a 30-day rotation interval.',
    });
  });

  it('ignores secrets without rotation, which rotation-enabled reports', () => {
    // Act
    const results = run(secret('harbor/partner-api-key', { rotationEnabled: false, lastRotatedDate: daysAgo(300) }));

    // Assess
    expect(results).toEqual([]);
  });
});

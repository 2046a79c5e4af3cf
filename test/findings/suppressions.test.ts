import { describe, expect, it } from 'vitest';
import type { Suppression } from '../../lambdas/core/findings/suppression-schema.js';
import {
  compileSuppressions,
  findActiveSuppression,
  findExpiredSuppression,
  parseSuppressions,
  reviewSuppressions,
  suppressionExpiry,
} from '../../lambdas/core/findings/suppressions.js';

const NOW = new Date('2026-11-20T03:00:00.000Z');
const suppression = (overrides: Partial<Suppression> = {}): Suppression => ({
  checkId: 's3-*',
  resource: '*',
  reason: 'Accepted risk.',
  ...overrides,
});

describe('Function: findActiveSuppression', () => {
  it('matches check id globs case-insensitively and ARN globs across slashes', () => {
    // Prepare
    const compiled = compileSuppressions(
      [suppression({ checkId: 'IAM-ROLE-*', resource: 'arn:aws:iam::*:role/legacy/*' })],
      NOW,
    );

    // Act
    const nested = findActiveSuppression(compiled, {
      checkId: 'iam-role-trust-restricted',
      resourceArn: 'arn:aws:iam::123456789012:role/legacy/team-a/deployer',
    });
    const other = findActiveSuppression(compiled, {
      checkId: 'iam-role-trust-restricted',
      resourceArn: 'arn:aws:iam::123456789012:role/current/deployer',
    });

    // Assess
    expect(nested?.index).toBe(0);
    expect(other).toBeUndefined();
  });

  it('matches resource ARNs case-sensitively', () => {
    // Prepare
    const compiled = compileSuppressions([suppression({ resource: 'arn:aws:s3:::Logs-*' })], NOW);

    // Act
    const match = findActiveSuppression(compiled, { checkId: 's3-x', resourceArn: 'arn:aws:s3:::logs-1' });

    // Assess
    expect(match).toBeUndefined();
  });

  it('uses the first unexpired suppression in configured order and skips expired ones', () => {
    // Prepare
    const compiled = compileSuppressions(
      [
        suppression({ reason: 'expired', expiresAt: '2026-11-01' }),
        suppression({ reason: 'current', expiresAt: '2026-12-31T00:00:00Z' }),
      ],
      NOW,
    );
    const target = { checkId: 's3-bucket-x', resourceArn: 'arn:aws:s3:::b' };

    // Act
    const active = findActiveSuppression(compiled, target);
    const expired = findExpiredSuppression(compiled, target);

    // Assess
    expect(active?.suppression.reason).toBe('current');
    expect(expired?.suppression.reason).toBe('expired');
  });
});

describe('Function: suppressionExpiry', () => {
  it('lets a date-only expiresAt cover that whole UTC day', () => {
    // Prepare
    const lastDay = suppression({ expiresAt: '2026-11-20' });

    // Act
    const compiledDuring = compileSuppressions([lastDay], new Date('2026-11-20T23:59:59.000Z'));
    const compiledAfter = compileSuppressions([lastDay], new Date('2026-11-21T00:00:00.000Z'));

    // Assess
    expect(suppressionExpiry(lastDay)?.toISOString()).toBe('2026-11-21T00:00:00.000Z');
    expect(compiledDuring[0]?.expired).toBe(false);
    expect(compiledAfter[0]?.expired).toBe(true);
  });

  it('honours a date-time offset', () => {
    // Prepare
    const entry = suppression({ expiresAt: '2026-11-20T05:00:00+02:00' });

    // Act
    const expiry = suppressionExpiry(entry);

    // Assess
    expect(expiry?.toISOString()).toBe('2026-11-20T03:00:00.000Z');
    expect(compileSuppressions([entry], NOW)[0]?.expired).toBe(true);
  });
});

describe('Function: reviewSuppressions', () => {
  it('reports expired, unknown-check, non-ARN and unused suppressions, each once', () => {
    // Prepare
    const compiled = compileSuppressions(
      [
        suppression({ checkId: 's3-*', expiresAt: '2026-01-01', owner: 'data-team' }),
        suppression({ checkId: 's4-*' }),
        suppression({ checkId: 's3-*', resource: 'my-bucket' }),
        suppression({ checkId: 's3-bucket-*', resource: 'arn:aws:s3:::gone' }),
        suppression({ checkId: 's3-bucket-*', resource: 'arn:aws:s3:::used' }),
      ],
      NOW,
    );

    // Act
    const problems = reviewSuppressions(compiled, {
      matchedFailures: new Map([
        [0, 2],
        [4, 1],
      ]),
      ranCheckIds: ['s3-bucket-versioning-enabled'],
      catalogueCheckIds: ['s3-bucket-versioning-enabled', 'iam-user-mfa-enabled'],
    });

    // Assess
    expect(problems.map((p) => [p.index, p.kind])).toEqual([
      [0, 'expired'],
      [1, 'unknown-check'],
      [2, 'resource-not-arn'],
      [3, 'unused'],
    ]);
    expect(problems[0]).toMatchObject({ matched: 2, owner: 'data-team', expiresAt: '2026-01-01' });
    expect(problems[0]?.detail).toContain('2 failing finding(s)');
  });

  it('does not call a suppression unused when none of its checks ran', () => {
    // Prepare
    const compiled = compileSuppressions([suppression({ checkId: 'iam-*' })], NOW);

    // Act
    const problems = reviewSuppressions(compiled, { matchedFailures: new Map(), ranCheckIds: ['s3-bucket-x'] });

    // Assess
    expect(problems).toEqual([]);
  });
});

describe('Function: parseSuppressions', () => {
  it('keeps valid entries and reports malformed ones with the bad field', () => {
    // Prepare
    const raw = [
      { checkId: 's3-*', reason: 'ok' },
      { checkId: 'iam-*', resource: 'arn:aws:iam::*:user/ci', reason: ' ' },
      { checkId: 'ec2-*', reason: 'x', expiresAt: 'next week' },
    ];

    // Act
    const { suppressions, problems } = parseSuppressions(raw);

    // Assess
    expect(suppressions).toEqual([{ checkId: 's3-*', resource: '*', reason: 'ok' }]);
    expect(problems).toMatchObject([
      { kind: 'malformed', index: 1, checkId: 'iam-*', resource: 'arn:aws:iam::*:user/ci' },
      { kind: 'malformed', index: 2, checkId: 'ec2-*' },
    ]);
    expect(problems[0]?.detail).toContain('reason');
    expect(problems[1]?.detail).toContain('expiresAt');
  });

  it('reports a list that is not an array instead of ignoring it', () => {
    // Prepare
    const raw = { checkId: 's3-*' };

    // Act
    const { suppressions, problems } = parseSuppressions(raw);

    // Assess
    expect(suppressions).toEqual([]);
    expect(problems).toMatchObject([{ kind: 'malformed' }]);
  });
});

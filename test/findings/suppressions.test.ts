import { describe, expect, it } from 'vitest';
import type { Suppression } from '../../lambdas/core/config/suppression-schema.js';
import {
  applySuppressions,
  compileSuppressions,
  coversEveryResource,
  findActiveSuppression,
  suppressionExpiry,
} from '../../lambdas/core/findings/suppressions.js';
import { finding } from '../helpers/findings.js';

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

    // Assess
    expect(active?.suppression.reason).toBe('current');
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

const CATALOGUE = ['s3-bucket-versioning-enabled', 's3-bucket-no-public-read', 'iam-user-mfa-enabled'];
const review = (suppressions: readonly Suppression[], findings = [bucketFailure('arn:aws:s3:::used')]) =>
  applySuppressions(findings, {
    suppressions,
    now: NOW,
    ranCheckIds: ['s3-bucket-versioning-enabled'],
    catalogueCheckIds: CATALOGUE,
  });
function bucketFailure(arn: string, status: 'FAIL' | 'PASS' | 'ERROR' = 'FAIL') {
  return finding('s3-bucket-versioning-enabled', arn, status);
}

describe('Function: applySuppressions', () => {
  it('stamps the first active suppression on a covered FAIL, with reason, owner and expiry', () => {
    // Prepare
    const suppressions = [
      suppression({ resource: 'arn:aws:s3:::used', reason: 'Static site.', owner: 'web', expiresAt: '2027-01-31' }),
    ];

    // Act
    const { findings } = review(suppressions);

    // Assess
    expect(findings[0]?.suppression).toEqual({
      index: 0,
      checkId: 's3-*',
      resource: 'arn:aws:s3:::used',
      reason: 'Static site.',
      owner: 'web',
      expiresAt: '2027-01-31',
    });
  });

  it('never stamps a PASS or an ERROR: only a failure can be accepted', () => {
    // Prepare
    const findings = [bucketFailure('arn:aws:s3:::a', 'PASS'), bucketFailure('arn:aws:s3:::b', 'ERROR')];

    // Act
    const result = review([suppression()], findings);

    // Assess
    expect(result.findings.map((f) => f.suppression)).toEqual([undefined, undefined]);
  });

  it('reports expired, unknown-check, non-ARN and unused suppressions, each once', () => {
    // Prepare
    const findings = [
      bucketFailure('arn:aws:s3:::one'),
      bucketFailure('arn:aws:s3:::two'),
      bucketFailure('arn:aws:s3:::used'),
    ];
    const suppressions = [
      suppression({ checkId: 's3-*', resource: 'arn:aws:s3:::*o*', expiresAt: '2026-01-01', owner: 'data-team' }),
      suppression({ checkId: 's4-*' }),
      suppression({ checkId: 's3-*', resource: 'my-bucket' }),
      suppression({ checkId: 's3-bucket-*', resource: 'arn:aws:s3:::gone' }),
      suppression({ checkId: 's3-bucket-*', resource: 'arn:aws:s3:::used' }),
    ];

    // Act
    const { problems, findings: stamped } = review(suppressions, findings);

    // Assess
    expect(problems.map((p) => [p.index, p.kind])).toEqual([
      [0, 'expired'],
      [1, 'unknown-check'],
      [2, 'resource-not-arn'],
      [3, 'unused'],
    ]);
    expect(problems[0]).toMatchObject({ matched: 2, owner: 'data-team', expiresAt: '2026-01-01' });
    expect(problems[0]?.detail).toContain('2 failing finding(s)');
    expect(stamped.map((f) => f.suppression?.index)).toEqual([undefined, undefined, 4]);
  });

  it('does not call a suppression unused when none of its checks ran', () => {
    // Prepare
    const suppressions = [suppression({ checkId: 'iam-*', resource: 'arn:aws:iam::123456789012:user/ci' })];

    // Act
    const { problems } = review(suppressions);

    // Assess
    expect(problems).toEqual([]);
  });

  it('warns about a suppression of every resource that never expires or expires more than a year ahead', () => {
    // Prepare
    const suppressions = [
      suppression({ resource: '*' }),
      suppression({ resource: 'arn:aws:s3:::*', expiresAt: '2028-01-01' }),
      suppression({ resource: 'arn:aws:s3:::*', expiresAt: '2027-03-31' }),
      suppression({ resource: 'arn:aws:s3:::used' }),
    ];

    // Act
    const { problems } = review(suppressions);

    // Assess
    expect(problems.filter((p) => p.kind === 'too-broad').map((p) => p.index)).toEqual([0, 1]);
    expect(problems.find((p) => p.index === 0)?.detail).toContain('never expires');
  });

  it('honours a configured limit for broad suppressions', () => {
    // Prepare
    const suppressions = [suppression({ resource: 'arn:aws:s3:::*', expiresAt: '2027-03-31' })];

    // Act
    const { problems } = applySuppressions([bucketFailure('arn:aws:s3:::used')], {
      suppressions,
      now: NOW,
      ranCheckIds: CATALOGUE,
      catalogueCheckIds: CATALOGUE,
      broadSuppressionMaxDays: 30,
    });

    // Assess
    expect(problems.map((p) => p.kind)).toEqual(['too-broad']);
    expect(problems[0]?.detail).toContain('within 30 days');
  });
});

describe('Function: coversEveryResource', () => {
  it.each([
    ['*', true],
    ['arn:*', true],
    ['arn:aws:*', true],
    ['arn:aws:s3:::*', true],
    ['arn:aws:ec2:*:*:instance/*', true],
    ['arn:aws:iam::123456789012:*', true],
    ['arn:aws:s3:::tmp-*', false],
    ['arn:aws:ec2:us-east-1:123456789012:security-group/sg-0abc*', false],
    ['arn:aws:iam::123456789012:role/legacy/*', false],
  ])('says %s covers every resource: %s', (pattern, expected) => {
    // Act
    const covers = coversEveryResource(pattern);

    // Assess
    expect(covers).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { type Check, defineCheck } from '../../lambdas/core/checks/define-check.js';
import { selectChecks } from '../../lambdas/core/engine/select.js';
import { ConfigurationError } from '../../lambdas/core/model/errors.js';

const check = (id: string, overrides: Partial<Check> = {}): Check =>
  defineCheck({
    id,
    title: id,
    service: 's3',
    resourceType: 'AwsS3Bucket',
    srmClass: 'abstracted',
    obligation: 'public-exposure',
    severity: 'medium',
    requires: ['s3.buckets'],
    compliance: [{ framework: 'aws-fsbp', control: 'S3.1' }],
    risk: 'r',
    remediation: { text: 't', url: 'https://docs.aws.amazon.com/' },
    evaluate: () => [],
    ...overrides,
  } as Parameters<typeof defineCheck>[0]);

const catalogue = [
  check('s3-bucket-a', { severity: 'critical' }),
  check('s3-bucket-b', { severity: 'low', compliance: [{ framework: 'cis-aws-3.0', control: '2.1.1' }] }),
  check('iam-root-x', { service: 'iam', srmClass: 'account', obligation: 'identity-mfa', severity: 'high' }),
];

describe('Function: selectChecks', () => {
  it('selects everything without filters', () => {
    // Prepare
    const selection = {};

    // Act
    const selected = selectChecks(catalogue, selection);

    // Assess
    expect(selected.map((c) => c.id)).toEqual(['s3-bucket-a', 's3-bucket-b', 'iam-root-x']);
  });

  it('combines id globs, exclusions, minimum severity and framework', () => {
    // Prepare
    const selection = { checks: ['s3-*', 'iam-*'], excludeChecks: ['s3-bucket-b'], minSeverity: 'high' as const };

    // Act
    const selected = selectChecks(catalogue, selection);

    // Assess
    expect(selected.map((c) => c.id)).toEqual(['s3-bucket-a', 'iam-root-x']);
  });

  it('filters by SRM class, obligation and framework', () => {
    // Prepare
    const bySrm = { srmClasses: ['account' as const] };
    const byFramework = { frameworks: ['cis-aws-3.0' as const] };

    // Act
    const account = selectChecks(catalogue, bySrm);
    const cis = selectChecks(catalogue, byFramework);

    // Assess
    expect(account.map((c) => c.id)).toEqual(['iam-root-x']);
    expect(cis.map((c) => c.id)).toEqual(['s3-bucket-b']);
  });

  it('rejects an id glob that matches no check, naming it', () => {
    // Prepare
    const selection = { checks: ['s3-bukcet-*'] };

    // Act
    const select = () => selectChecks(catalogue, selection);

    // Assess
    expect(select).toThrow(ConfigurationError);
    expect(select).toThrow(/"s3-bukcet-\*" matches no check id/);
  });

  it('rejects an unknown service', () => {
    // Prepare
    const selection = { services: ['ecs'] };

    // Act
    const select = () => selectChecks(catalogue, selection);

    // Assess
    expect(select).toThrow(/services: "ecs"/);
  });
});

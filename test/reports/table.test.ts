import { describe, expect, it } from 'vitest';
import type { Finding } from '../../lambdas/core/findings/model.js';
import { renderTable } from '../../lambdas/core/reports/table.js';
import type { Status } from '../../lambdas/core/srm/vocabulary.js';
import { finding, report as makeReport } from '../helpers/findings.js';

const volumeArn = (id: string) => `arn:aws:ec2:us-east-1:123456789012:volume/${id}`;

/** An EBS-encryption finding on volume `id`, as the infrastructure class reports it. */
const volumeFinding = (id: string, status: Status = 'FAIL', overrides: Partial<Finding> = {}): Finding =>
  finding('ec2-ebs-volume-encrypted', volumeArn(id), status, {
    title: 'EBS volumes are encrypted',
    severity: 'medium',
    srmClass: 'infrastructure',
    obligation: 'data-protection',
    resourceType: 'AwsEc2Volume',
    message: `EBS volume ${id} is not encrypted.`,
    compliance: [{ framework: 'aws-fsbp', control: 'EC2.3' }],
    remediation: {
      text: 'Copy the volume to an encrypted one.',
      cli: 'aws ec2 create-snapshot --volume-id <id>',
      url: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
    },
    ...overrides,
  });

describe('Function: renderTable', () => {
  it('groups by SRM class with what AWS handles, then by obligation', () => {
    // Prepare
    const report = makeReport([
      volumeFinding('vol-1'),
      finding('iam-root-mfa-enabled', 'arn:aws:iam::123456789012:root', 'FAIL', {
        srmClass: 'account',
        obligation: 'identity-mfa',
        severity: 'critical',
        resourceId: '123456789012',
        region: 'global',
        message: 'The root user has no MFA.',
      }),
    ]);

    // Act
    const text = renderTable(report);

    // Assess
    const infrastructure = text.indexOf('INFRASTRUCTURE SERVICES');
    const account = text.indexOf('ACCOUNT-WIDE DUTIES');
    expect(infrastructure).toBeGreaterThan(0);
    expect(account).toBeGreaterThan(infrastructure);
    expect(text).toContain('AWS handles: AWS runs the data centres');
    expect(text.indexOf('Data protection (encryption, secrets)')).toBeGreaterThan(infrastructure);
    expect(text).toContain('The root user has no MFA.');
  });

  it("neutralises terminal control sequences in a resource's name and message", () => {
    // Prepare: a volume tag quoted in a message, crafted to clear the screen and recolour the text.
    const hostile = 'vol-\u001b[2J\u001b[31mfine\u0007';
    const report = makeReport([volumeFinding(hostile)]);

    // Act
    const text = renderTable(report);

    // Assess
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\u0007');
    expect(text).toContain('vol-?[2J?[31mfine?');
  });

  it('lists FAILs by severity before ERRORs and counts PASSes', () => {
    // Prepare
    const report = makeReport([
      volumeFinding('vol-ok', 'PASS', { message: 'vol-ok is encrypted.' }),
      volumeFinding('vol-err', 'ERROR', { message: 'Not evaluated: denied.' }),
      volumeFinding('vol-low', 'FAIL', { severity: 'low' }),
      volumeFinding('vol-crit', 'FAIL', { severity: 'critical' }),
    ]);

    // Act
    const text = renderTable(report);

    // Assess
    const order = ['vol-crit', 'vol-low', 'vol-err'].map((id) => text.indexOf(id));
    expect(order).toEqual([...order].sort((x, y) => x - y));
    expect(text).not.toContain('vol-ok is encrypted.');
    expect(text).toContain('PASS  1 resource check met');
    expect(text).toContain('Totals: FAIL 2 · PASS 1 · ERROR 1');
  });

  it('shows the remediation command under a failure', () => {
    // Prepare
    const report = makeReport([volumeFinding('vol-1')]);

    // Act
    const text = renderTable(report);

    // Assess
    expect(text).toContain('fix: aws ec2 create-snapshot --volume-id <id>');
  });

  it('lists collection issues at the end', () => {
    // Prepare
    const report = makeReport([]);
    const withIssue = {
      ...report,
      scan: {
        ...report.scan,
        collectionIssues: [
          { slice: 's3.bucketPolicies' as const, region: 'global', errorCode: 'AccessDenied', message: 'denied' },
        ],
      },
    };

    // Act
    const text = renderTable(withIssue);

    // Assess
    expect(text).toContain('Collection issues (1)');
    expect(text).toContain('s3.bucketPolicies in global: AccessDenied: denied');
  });

  it('lists suppressed failures in their own section with reason, owner and expiry, never among the FAILs', () => {
    // Prepare
    const report = makeReport([
      volumeFinding('vol-open'),
      volumeFinding('vol-accepted', 'FAIL', {
        suppression: {
          index: 0,
          checkId: 'ec2-*',
          resource: volumeArn('vol-accepted'),
          reason: 'Legacy volume, migrated in Q1.',
          owner: 'platform',
          expiresAt: '2027-03-31',
        },
      }),
    ]);

    // Act
    const text = renderTable(report);

    // Assess
    const section = text.indexOf('Suppressed failures (1)');
    expect(section).toBeGreaterThan(text.indexOf('vol-open'));
    expect(text.indexOf('vol-accepted')).toBeGreaterThan(section);
    expect(text).toContain('Totals: FAIL 1 · PASS 0 · ERROR 0 · suppressed 1');
    expect(text).toContain('suppressed: Legacy volume, migrated in Q1. · owner platform · until 2027-03-31');
  });

  it('reports suppression warnings and ends with the coverage line', () => {
    // Prepare
    const report = makeReport([volumeFinding('vol-1'), volumeFinding('vol-2', 'ERROR')], {
      suppressionProblems: [
        { kind: 'unknown-check', index: 0, checkId: 's4-*', resource: '*', detail: 'suppression #1 matches no check.' },
      ],
    });

    // Act
    const text = renderTable(report);

    // Assess
    expect(text).toContain('Suppression warnings (1):\n  suppression #1 matches no check.');
    expect(text.trimEnd().split('\n').at(-1)).toBe('Coverage: 1 resource-checks evaluated, 1 not evaluated (50.0%)');
  });
});

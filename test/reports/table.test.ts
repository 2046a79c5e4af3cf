import { describe, expect, it } from 'vitest';
import { renderTable } from '../../lambdas/core/reports/table.js';
import { makeFinding, makeReport } from '../helpers/report.js';

describe('Function: renderTable', () => {
  it('groups by SRM class with what AWS handles, then by obligation', () => {
    // Prepare
    const report = makeReport([
      makeFinding(),
      makeFinding({
        id: 'f-2',
        checkId: 'iam-root-mfa-enabled',
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

  it('lists FAILs by severity before ERRORs and counts PASSes', () => {
    // Prepare
    const report = makeReport([
      makeFinding({ id: 'a', status: 'PASS', resourceId: 'vol-ok', message: 'vol-ok is encrypted.' }),
      makeFinding({ id: 'b', status: 'ERROR', resourceId: 'vol-err', message: 'Not evaluated: denied.' }),
      makeFinding({ id: 'c', severity: 'low', resourceId: 'vol-low' }),
      makeFinding({ id: 'd', severity: 'critical', resourceId: 'vol-crit' }),
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
    const report = makeReport([makeFinding()]);

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
});

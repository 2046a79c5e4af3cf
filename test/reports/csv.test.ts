import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../lambdas/core/reports/csv.js';
import { finding, report as makeReport } from '../helpers/findings.js';

describe('Function: renderCsv', () => {
  it('writes one row per finding with compliance ids joined', () => {
    // Prepare
    const report = makeReport([
      finding('ec2-ebs-volume-encrypted', 'arn:aws:ec2:us-east-1:123456789012:volume/vol-1', 'FAIL', {
        remediation: {
          text: 'Copy the volume to an encrypted one.',
          cli: 'aws ec2 create-snapshot --volume-id <id>',
          url: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
        },
        message: 'Volume vol-1, attached to i-1, is "not" encrypted.',
        compliance: [
          { framework: 'aws-fsbp', control: 'EC2.3' },
          { framework: 'cis-aws-3.0', control: '2.2.1' },
        ],
      }),
    ]);

    // Act
    const rows = parse(renderCsv(report), { columns: true }) as Record<string, string>[];

    // Assess
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      status: 'FAIL',
      checkId: 'ec2-ebs-volume-encrypted',
      message: 'Volume vol-1, attached to i-1, is "not" encrypted.',
      compliance: 'aws-fsbp:EC2.3;cis-aws-3.0:2.2.1',
      remediationCli: 'aws ec2 create-snapshot --volume-id <id>',
    });
  });
});

describe('Function: renderCsv in a spreadsheet', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","click")'],
    ['+1+cmd|" /C calc"!A0'],
    ['-2+3'],
    ['@SUM(A1:A9)'],
    ['\tcmd'],
    ['\rcmd'],
  ])('neutralises a cell that a spreadsheet would run as a formula: %j', (name) => {
    // Prepare: IAM user names may begin with = or +, and they reach the resource id and the message.
    const report = makeReport([
      finding('iam-user-console-mfa-enabled', `arn:aws:iam::123456789012:user/${name}`, 'FAIL', {
        resourceId: name,
        message: name,
      }),
    ]);

    // Act
    const rows = parse(renderCsv(report), { columns: true }) as Record<string, string>[];

    // Assess
    expect(rows[0]?.resourceId).toBe(`'${name}`);
    expect(rows[0]?.message).toBe(`'${name}`);
    expect(rows[0]?.resourceArn).toBe(`arn:aws:iam::123456789012:user/${name}`);
  });

  it('carries the suppression of a suppressed failure and leaves the others blank', () => {
    // Prepare
    const report = makeReport([
      finding('s3-bucket-versioning-enabled', 'arn:aws:s3:::scratch', 'FAIL', {
        suppression: {
          index: 0,
          checkId: 's3-*',
          resource: 'arn:aws:s3:::scratch',
          reason: 'Scratch data.',
          owner: 'data',
          expiresAt: '2027-03-31',
        },
      }),
      finding('s3-bucket-versioning-enabled', 'arn:aws:s3:::orders', 'FAIL'),
    ]);

    // Act
    const rows = parse(renderCsv(report), { columns: true }) as Record<string, string>[];

    // Assess
    expect(
      rows.map((r) => [r.status, r.suppressed, r.suppressionReason, r.suppressionOwner, r.suppressionExpiresAt]),
    ).toEqual([
      ['FAIL', 'true', 'Scratch data.', 'data', '2027-03-31'],
      ['FAIL', 'false', '', '', ''],
    ]);
  });
});

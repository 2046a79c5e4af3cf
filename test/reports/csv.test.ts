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

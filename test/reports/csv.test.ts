import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../lambdas/core/reports/csv.js';
import { makeFinding, makeReport } from '../helpers/report.js';

describe('Function: renderCsv', () => {
  it('writes one row per finding with compliance ids joined', () => {
    // Prepare
    const report = makeReport([
      makeFinding({
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

import { describe, expect, it } from 'vitest';
import { readComparedInput } from '../../lambdas/core/diff/input.js';
import { REPORT_SCHEMA_VERSION } from '../../lambdas/core/findings/model.js';
import { ConfigurationError } from '../../lambdas/core/model/errors.js';
import { renderJson } from '../../lambdas/core/reports/json.js';
import { CHECK_A, finding, report } from '../helpers/findings.js';

/** A JSON report of one failing bucket, as a plain object to tamper with. */
const document = (): Record<string, unknown> =>
  JSON.parse(renderJson(report([finding(CHECK_A, 'arn:aws:s3:::data', 'FAIL')])));

const failure = (label: string, value: unknown): Error => {
  try {
    readComparedInput(label, value);
  } catch (error) {
    return error as Error;
  }
  throw new Error('readComparedInput accepted the document');
};

describe('Function: readComparedInput', () => {
  it('reads a single-account report', () => {
    // Act
    const input = readComparedInput('before.json', document());

    // Assess
    expect(input).toMatchObject({ label: 'before.json', kind: 'account', toolVersion: '0.1.0', notScanned: [] });
    expect(input.reports[0]?.findings).toHaveLength(1);
  });

  it('reads a report of another srm-scan version with the same schemaVersion: extra fields and new frameworks', () => {
    // Prepare
    const later = document();
    const scan = later.scan as Record<string, unknown>;
    scan.toolVersion = '9.0.0';
    scan.somethingNew = { nested: true };
    const [first] = later.findings as Record<string, unknown>[];
    if (first) {
      first.compliance = [{ framework: 'nist-800-53-r5', control: 'AC-3' }];
      first.riskScore = 42;
    }

    // Act
    const input = readComparedInput('after.json', later);

    // Assess
    expect(input.toolVersion).toBe('9.0.0');
    expect(input.reports[0]?.findings[0]?.compliance).toEqual([{ framework: 'nist-800-53-r5', control: 'AC-3' }]);
  });

  it('refuses another schemaVersion, naming the file and the field', () => {
    // Prepare
    const old = document();
    (old.scan as Record<string, unknown>).schemaVersion = '1';

    // Act
    const error = failure('old.json', old);

    // Assess
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toBe(
      `old.json: scan.schemaVersion is "1", this srm-scan compares reports of schema "${REPORT_SCHEMA_VERSION}": compare two reports of the same schema (rescan with this version, or use the srm-scan that wrote them).`,
    );
  });

  it('names the invalid field of a finding with its index', () => {
    // Prepare
    const broken = document();
    const [first] = broken.findings as Record<string, unknown>[];
    if (first) first.severity = 'urgent';

    // Act
    const error = failure('broken.json', broken);

    // Assess
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toMatch(/^broken\.json: not an srm-scan JSON report of schema 2: findings\[0\]\.severity: /);
  });

  it.each([
    [[], 'expected an object with "scan" and "findings"'],
    [null, 'expected an object with "scan" and "findings"'],
    [{ findings: [] }, 'it has neither "scan" (a single account) nor "organization" (several accounts)'],
    [{ scan: { schemaVersion: REPORT_SCHEMA_VERSION } }, 'scan.id: '],
  ])('refuses %j, saying %s', (value, message) => {
    // Act
    const error = failure('x.json', value);

    // Assess
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toContain(message);
    expect(error.message.startsWith('x.json: ')).toBe(true);
  });

  it('reads an organisation report with its accounts that could not be scanned', () => {
    // Prepare
    const single = document();
    const org = {
      organization: {
        schemaVersion: '1',
        toolVersion: '0.1.0',
        startedAt: '2026-11-20T03:00:00.000Z',
        accounts: [
          { accountId: '123456789012', status: 'scanned' },
          { accountId: '210987654321', status: 'failed' },
        ],
        failures: [{ accountId: '210987654321', errorCode: 'AccessDenied', message: 'Denied.', roleArn: 'arn:x' }],
      },
      reports: [single],
    };

    // Act
    const input = readComparedInput('org.json', org);

    // Assess
    expect(input).toMatchObject({
      kind: 'organization',
      notScanned: [{ accountId: '210987654321', errorCode: 'AccessDenied', message: 'Denied.' }],
    });
    expect(input.reports).toHaveLength(1);
  });

  it("refuses an organisation report whose account report has another schemaVersion, naming the account's index", () => {
    // Prepare
    const single = document();
    (single.scan as Record<string, unknown>).schemaVersion = '3';
    const org = {
      organization: { schemaVersion: '1', toolVersion: '0.1.0', startedAt: 'x', accounts: [], failures: [] },
      reports: [single],
    };

    // Act
    const error = failure('org.json', org);

    // Assess
    expect(error.message).toContain('org.json: reports[0].scan.schemaVersion is "3"');
  });
});

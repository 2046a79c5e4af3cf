import { stringify } from 'csv-stringify/sync';
import type { ScanReport } from '../findings/model.js';
import { complianceIds } from './export-common.js';

const COLUMNS = [
  'id',
  'status',
  'severity',
  'srmClass',
  'obligation',
  'checkId',
  'title',
  'service',
  'resourceType',
  'resourceId',
  'resourceArn',
  'region',
  'accountId',
  'message',
  'compliance',
  'remediation',
  'remediationCli',
  'remediationUrl',
  'suppressed',
  'suppressionReason',
  'suppressionOwner',
  'suppressionExpiresAt',
  'observedAt',
] as const;

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection"). */
const FORMULA_TRIGGERS = /^[=+\-@\t\r]/;

/**
 * Resource names, tags and policy text are chosen by whoever controls the resource, and IAM names may begin with `=`
 * or `+`: a cell that a spreadsheet would run as a formula is prefixed with a single quote, as OWASP recommends, so
 * it is shown as text.
 */
export const neutraliseFormula = (value: string): string => (FORMULA_TRIGGERS.test(value) ? `'${value}` : value);

/**
 * One row per finding; compliance ids joined as `framework:control;…`; a suppressed FAIL keeps status FAIL with
 * `suppressed` true and the suppression's reason, owner and expiry. Every cell is safe to open in a spreadsheet.
 */
export function renderCsv(report: ScanReport): string {
  const rows = report.findings.map((f) => ({
    ...f,
    compliance: complianceIds(f).join(';'),
    remediation: f.remediation.text,
    remediationCli: f.remediation.cli ?? '',
    remediationUrl: f.remediation.url,
    suppressed: f.suppression ? 'true' : 'false',
    suppressionReason: f.suppression?.reason ?? '',
    suppressionOwner: f.suppression?.owner ?? '',
    suppressionExpiresAt: f.suppression?.expiresAt ?? '',
  }));
  return stringify(rows, { header: true, columns: [...COLUMNS], cast: { string: neutraliseFormula } });
}

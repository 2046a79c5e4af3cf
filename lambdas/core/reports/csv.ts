import { stringify } from 'csv-stringify/sync';
import type { ScanReport } from '../findings/model.js';

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
  'observedAt',
] as const;

/** One row per finding; compliance ids joined as `framework:control;…`. */
export function renderCsv(report: ScanReport): string {
  const rows = report.findings.map((f) => ({
    ...f,
    compliance: f.compliance.map((c) => `${c.framework}:${c.control}`).join(';'),
    remediation: f.remediation.text,
    remediationCli: f.remediation.cli ?? '',
    remediationUrl: f.remediation.url,
  }));
  return stringify(rows, { header: true, columns: [...COLUMNS] });
}

import type { Finding, ScanReport } from '../findings/model.js';
import { TOOL_VERSION } from '../model/version.js';
import type { Severity } from '../srm/vocabulary.js';
import { complianceIds, findingPartition, findingRegion, frameworkNames, PRODUCT_NAME } from './export-common.js';

/**
 * OCSF export (`--format ocsf`): one OCSF Compliance Finding (class_uid 2003, category Findings) per finding, as
 * JSON Lines — one record per line, no enclosing array — because that is what data lakes read: Athena, Glue and
 * Security Lake's custom-source pipelines take newline-delimited JSON, and a file can be split, streamed and
 * concatenated (several accounts, several runs) without parsing it whole.
 *
 * Mapping (OCSF 1.8.0; validated against the class's JSON Schema in test/reports/ocsf.test.ts):
 * - `metadata`: product srm-scan (name, vendor, version), `uid` = the finding's stable id, profile `cloud`;
 *   `event_code` = the check id.
 * - `time` = the observation time (the scan's start) in epoch milliseconds; `activity_id` 1 Create (each scan
 *   re-states the finding; `metadata.uid` joins the records of one finding across scans).
 * - `severity_id` / `severity` from the check's severity.
 * - finding `status_id`: a FAIL is 1 New, a suppressed FAIL 3 Suppressed, a PASS 4 Resolved (nothing left to do),
 *   an ERROR 1 New (someone must look: the scope was not evaluated).
 * - `compliance.status_id`: PASS 1 Pass, FAIL 3 Fail (suppressed too: the resource still fails), ERROR 2 Warning —
 *   which OCSF defines as "the compliance check did not yield a result due to missing information", with the reason
 *   in `compliance.status_detail`. `standards` = the frameworks' names, `requirements` = `framework:control` ids,
 *   `control` = the check id.
 * - `resources[0]`: uid = ARN, name, type, region, partition, provider AWS; `cloud`: provider AWS, account, region.
 * - `remediation`: desc and the documentation link; the ready-to-adapt CLI command in `unmapped`.
 * - `unmapped.srm_scan`: what OCSF has no attribute for — `srm_class` and `obligation` (the Shared Responsibility
 *   Model classification), `check_id`, `service`, `remediation_cli`, the suppression (reason, owner, expiry) and the
 *   scan id.
 */

export const OCSF_VERSION = '1.8.0';
const OCSF_COMPLIANCE_FINDING = { classUid: 2003, categoryUid: 2, activityCreate: 1 } as const;

const SEVERITY_IDS: Readonly<Record<Severity, { id: number; name: string }>> = {
  informational: { id: 1, name: 'Informational' },
  low: { id: 2, name: 'Low' },
  medium: { id: 3, name: 'Medium' },
  high: { id: 4, name: 'High' },
  critical: { id: 5, name: 'Critical' },
};

const FINDING_STATUS = {
  new: { id: 1, name: 'New' },
  suppressed: { id: 3, name: 'Suppressed' },
  resolved: { id: 4, name: 'Resolved' },
} as const;

const COMPLIANCE_STATUS = {
  PASS: { id: 1, name: 'Pass' },
  ERROR: { id: 2, name: 'Warning' },
  FAIL: { id: 3, name: 'Fail' },
} as const;

/** The OCSF record of one finding. `scanId` ties it to the run that produced it. */
function ocsfComplianceFinding(finding: Finding, scanId?: string): Record<string, unknown> {
  const { classUid, categoryUid, activityCreate } = OCSF_COMPLIANCE_FINDING;
  const severity = SEVERITY_IDS[finding.severity];
  const status =
    finding.status === 'PASS'
      ? FINDING_STATUS.resolved
      : finding.status === 'FAIL' && finding.suppression
        ? FINDING_STATUS.suppressed
        : FINDING_STATUS.new;
  const compliance = COMPLIANCE_STATUS[finding.status];
  const region = findingRegion(finding);
  const partition = findingPartition(finding);
  const account = { uid: finding.accountId, type_id: 10, type: 'AWS Account' };
  return {
    activity_id: activityCreate,
    activity_name: 'Create',
    category_uid: categoryUid,
    category_name: 'Findings',
    class_uid: classUid,
    class_name: 'Compliance Finding',
    type_uid: classUid * 100 + activityCreate,
    type_name: 'Compliance Finding: Create',
    time: Date.parse(finding.observedAt),
    severity_id: severity.id,
    severity: severity.name,
    status_id: status.id,
    status: status.name,
    message: finding.message,
    metadata: {
      version: OCSF_VERSION,
      uid: finding.id,
      event_code: finding.checkId,
      profiles: ['cloud'],
      product: { name: PRODUCT_NAME, vendor_name: PRODUCT_NAME, version: TOOL_VERSION, uid: PRODUCT_NAME },
    },
    finding_info: {
      uid: finding.id,
      title: finding.title,
      desc: finding.message,
      types: [finding.srmClass, finding.obligation],
    },
    compliance: {
      status_id: compliance.id,
      status: compliance.name,
      ...(finding.status === 'ERROR' && { status_detail: finding.message }),
      control: finding.checkId,
      desc: finding.title,
      standards: frameworkNames(finding),
      requirements: complianceIds(finding),
    },
    resources: [
      {
        uid: finding.resourceArn,
        name: finding.resourceId,
        type: finding.resourceType,
        provider: 'AWS',
        cloud_partition: partition,
        ...(region && { region }),
        owner: { account },
      },
    ],
    cloud: { provider: 'AWS', cloud_partition: partition, account, ...(region && { region }) },
    remediation: { desc: finding.remediation.text, references: [finding.remediation.url] },
    unmapped: {
      srm_scan: {
        srm_class: finding.srmClass,
        obligation: finding.obligation,
        check_id: finding.checkId,
        service: finding.service,
        verdict: finding.status,
        ...(finding.remediation.cli && { remediation_cli: finding.remediation.cli }),
        ...(finding.suppression && {
          suppression: {
            reason: finding.suppression.reason,
            ...(finding.suppression.owner && { owner: finding.suppression.owner }),
            ...(finding.suppression.expiresAt && { expires_at: finding.suppression.expiresAt }),
          },
        }),
        ...(scanId && { scan_id: scanId }),
      },
    },
  };
}

/** JSON Lines: one OCSF Compliance Finding per finding of each report, in report order (so grouped by account). */
export function renderOcsf(reports: ScanReport | readonly ScanReport[]): string {
  const list: readonly ScanReport[] = Array.isArray(reports) ? reports : [reports as ScanReport];
  return list
    .flatMap((report) => report.findings.map((f) => `${JSON.stringify(ocsfComplianceFinding(f, report.scan.id))}\n`))
    .join('');
}

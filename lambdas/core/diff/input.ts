import { z } from 'zod';
import { findingSchema, REPORT_SCHEMA_VERSION } from '../findings/model.js';
import { ConfigurationError } from '../model/errors.js';
import { ORGANIZATION_REPORT_SCHEMA_VERSION } from '../org/report-version.js';

/**
 * What `srm-scan diff` reads of a JSON report: the fields it compares, validated with the report's own finding schema.
 * Unknown fields are ignored and compliance frameworks are read as plain strings, so a report of another srm-scan
 * version with the same `schemaVersion` (which only adds fields and framework names) is read as well.
 */
const comparedFindingSchema = findingSchema.extend({
  compliance: z.array(z.object({ framework: z.string(), control: z.string() })).readonly(),
});
export type ComparedFinding = z.output<typeof comparedFindingSchema>;

const scanSchema = z.object({
  id: z.string(),
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  toolVersion: z.string(),
  accountId: z.string().min(1),
  startedAt: z.string(),
  finishedAt: z.string(),
  regions: z.array(z.string()).readonly(),
  checks: z.array(z.object({ checkId: z.string().min(1) })).readonly(),
  globalScope: z.literal(false).optional(),
});

/** A single-account report, as `srm-scan scan --format json` writes it. */
const comparedScanReportSchema = z.object({
  scan: scanSchema,
  findings: z.array(comparedFindingSchema).readonly(),
});
export type ComparedScanReport = z.output<typeof comparedScanReportSchema>;

/** An organisation report, as `srm-scan scan --accounts … --format json` writes it: `{ organization, reports }`. */
const organizationReportSchema = z.object({
  organization: z.object({
    schemaVersion: z.literal(ORGANIZATION_REPORT_SCHEMA_VERSION),
    toolVersion: z.string(),
    startedAt: z.string(),
    accounts: z
      .array(z.object({ accountId: z.string(), name: z.string().optional(), status: z.enum(['scanned', 'failed']) }))
      .readonly(),
    failures: z.array(z.object({ accountId: z.string(), errorCode: z.string(), message: z.string() })).readonly(),
  }),
  reports: z.array(comparedScanReportSchema).readonly(),
});

/** An account a report asked for and could not scan (organisation reports only). */
interface AccountNotScanned {
  accountId: string;
  errorCode: string;
  message: string;
}

/** One side of a diff: the single-account reports of a file (one, or one per scanned account of an organisation). */
export interface ComparedInput {
  /** How the file was named on the command line. */
  label: string;
  kind: 'account' | 'organization';
  toolVersion: string;
  startedAt: string;
  reports: readonly ComparedScanReport[];
  notScanned: readonly AccountNotScanned[];
}

/** `findings[3].severity`, from a zod issue path. */
const fieldPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
    '',
  ) || '(top level)';

/** At most three issues, each naming the field: what a person needs to find the problem in the file. */
function describeIssues(label: string, error: z.ZodError): string {
  const issues = error.issues.slice(0, 3).map((issue) => `${fieldPath(issue.path)}: ${issue.message}`);
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return `${label}: not an srm-scan JSON report of schema ${REPORT_SCHEMA_VERSION}: ${issues.join('; ')}${more}.`;
}

const versionAt = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>(
    (node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
    value,
  );

function assertSchemaVersion(label: string, field: string, found: unknown, expected: string): void {
  if (found === undefined || found === expected) return;
  throw new ConfigurationError(
    `${label}: ${field} is ${JSON.stringify(found)}, this srm-scan compares reports of schema ${JSON.stringify(expected)}: compare two reports of the same schema (rescan with this version, or use the srm-scan that wrote them).`,
  );
}

/**
 * Reads one parsed JSON document as a diff input: a single-account report (`scan`, `findings`) or an organisation
 * report (`organization`, `reports`). Throws a `ConfigurationError` naming the file and the field when it is neither,
 * when its `schemaVersion` differs from this srm-scan's, or when a field is invalid.
 */
export function readComparedInput(label: string, document: unknown): ComparedInput {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw new ConfigurationError(
      `${label}: not an srm-scan JSON report (expected an object with "scan" and "findings", or "organization" and "reports").`,
    );
  }
  if ('organization' in document) {
    assertSchemaVersion(
      label,
      'organization.schemaVersion',
      versionAt(document, 'organization', 'schemaVersion'),
      ORGANIZATION_REPORT_SCHEMA_VERSION,
    );
    const reports = versionAt(document, 'reports');
    if (Array.isArray(reports)) {
      reports.forEach((report, index) => {
        assertSchemaVersion(
          label,
          `reports[${index}].scan.schemaVersion`,
          versionAt(report, 'scan', 'schemaVersion'),
          REPORT_SCHEMA_VERSION,
        );
      });
    }
    const parsed = organizationReportSchema.safeParse(document);
    if (!parsed.success) throw new ConfigurationError(describeIssues(label, parsed.error));
    const { organization } = parsed.data;
    return {
      label,
      kind: 'organization',
      toolVersion: organization.toolVersion,
      startedAt: organization.startedAt,
      reports: parsed.data.reports,
      // The schema keeps a failure's account, error code and message only (zod drops the other fields).
      notScanned: organization.failures,
    };
  }
  if (!('scan' in document)) {
    throw new ConfigurationError(
      `${label}: not an srm-scan JSON report: it has neither "scan" (a single account) nor "organization" (several accounts).`,
    );
  }
  assertSchemaVersion(label, 'scan.schemaVersion', versionAt(document, 'scan', 'schemaVersion'), REPORT_SCHEMA_VERSION);
  const parsed = comparedScanReportSchema.safeParse(document);
  if (!parsed.success) throw new ConfigurationError(describeIssues(label, parsed.error));
  return {
    label,
    kind: 'account',
    toolVersion: parsed.data.scan.toolVersion,
    startedAt: parsed.data.scan.startedAt,
    reports: [parsed.data],
    notScanned: [],
  };
}

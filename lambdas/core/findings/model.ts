import { z } from 'zod';
import type { CollectionIssue } from '../collectors/types.js';
import type { CoverageMap } from '../coverage/service-coverage.js';
import { TOOL_VERSION } from '../model/version.js';
import {
  FRAMEWORKS,
  OBLIGATIONS,
  SEVERITIES,
  type Severity,
  SRM_CLASSES,
  type SrmClass,
  STATUSES,
} from '../srm/vocabulary.js';

export const complianceRefSchema = z.object({ framework: z.enum(FRAMEWORKS), control: z.string().min(1) });
export type ComplianceRef = z.output<typeof complianceRefSchema>;

export const remediationSchema = z.object({
  text: z.string(),
  /** A ready-to-adapt AWS CLI command; placeholders in angle brackets. */
  cli: z.string().optional(),
  url: z.string(),
});
export type Remediation = z.output<typeof remediationSchema>;

/**
 * The suppression covering a failing finding, as the engine stamps it: the configured entry's position and patterns,
 * the reason, who owns the decision and until when.
 */
export const appliedSuppressionSchema = z.object({
  /** Position in the configured list (0-based). */
  index: z.number().int().nonnegative(),
  /** The suppression's check id glob. */
  checkId: z.string(),
  /** The suppression's resource ARN glob. */
  resource: z.string(),
  reason: z.string(),
  owner: z.string().optional(),
  expiresAt: z.string().optional(),
});
export type AppliedSuppression = z.output<typeof appliedSuppressionSchema>;

/**
 * One check's verdict on one resource (or scope): the JSON report's `findings[]` items, the CSV's rows, and the
 * fields the findings table stores. Declared once here; the stored state (`storedFindingSchema`) derives from it.
 */
export const findingSchema = z.object({
  /** Deterministic: derived from checkId and resourceArn, so the same finding keeps its id across scans. */
  id: z.string().min(1),
  checkId: z.string().min(1),
  title: z.string(),
  status: z.enum(STATUSES),
  severity: z.enum(SEVERITIES),
  srmClass: z.enum(SRM_CLASSES),
  obligation: z.enum(OBLIGATIONS),
  service: z.string(),
  resourceType: z.string(),
  resourceId: z.string(),
  resourceArn: z.string().min(1),
  region: z.string().min(1),
  accountId: z.string(),
  /** A full sentence naming the resource and the observed value; secrets never appear in it. */
  message: z.string(),
  compliance: z.array(complianceRefSchema).readonly(),
  remediation: remediationSchema,
  observedAt: z.string(),
  /** Set on a FAIL covered by an unexpired suppression: kept and reported, never alerted or gated on. */
  suppression: appliedSuppressionSchema.optional(),
});
export type Finding = z.output<typeof findingSchema>;

export const SUPPRESSION_PROBLEM_KINDS = [
  'expired',
  'unused',
  'unknown-check',
  'resource-not-arn',
  'too-broad',
] as const;
export type SuppressionProblemKind = (typeof SUPPRESSION_PROBLEM_KINDS)[number];

/** A suppression that needs someone's attention; reported in every output. */
export interface SuppressionProblem {
  kind: SuppressionProblemKind;
  /** Position in the configured list (0-based). */
  index: number;
  checkId: string;
  resource: string;
  owner?: string;
  expiresAt?: string;
  /** One sentence saying what is wrong and what it means. */
  detail: string;
  /** For `expired`: failing findings of this run it would have covered (they are no longer suppressed). */
  matched?: number;
}

/** A FAIL nobody has accepted: what `--fail-on`, the open-findings index and alerts count. */
export const isUnsuppressedFailure = (finding: Pick<Finding, 'status' | 'suppression'>): boolean =>
  finding.status === 'FAIL' && finding.suppression === undefined;

export interface CheckRunSummary {
  checkId: string;
  /** Findings the check produced, ERRORs included. */
  results: number;
  passed: number;
  /** FAILs not covered by a suppression. */
  failed: number;
  suppressed: number;
  errored: number;
}

/**
 * Status totals, computed once when the report is assembled. The four counts are disjoint and add up to
 * `findings`: a suppressed FAIL counts as `SUPPRESSED`, not `FAIL`.
 */
export interface ScanTotals {
  findings: number;
  PASS: number;
  FAIL: number;
  SUPPRESSED: number;
  ERROR: number;
  /** Unsuppressed FAILs by severity. */
  failedBySeverity: Record<Severity, number>;
  /** Unsuppressed FAILs by Shared Responsibility Model class. */
  failedBySrmClass: Record<SrmClass, number>;
}

/**
 * What was and was not checked: resource-checks with a verdict (PASS or FAIL, suppressed included) against those
 * that could not be evaluated (ERROR; one for a whole region or account when that scope failed).
 */
export interface ScanCoverage {
  evaluated: number;
  notEvaluated: number;
  /** `evaluated / (evaluated + notEvaluated)`, 1 when the scan produced no finding. */
  share: number;
}

/** `Coverage: 1,204 resource-checks evaluated, 12 not evaluated (99.0%)`: the same line in every human output. */
export function describeCoverage(coverage: ScanCoverage): string {
  const percent = (Math.floor(coverage.share * 1000) / 10).toFixed(1);
  return `Coverage: ${coverage.evaluated.toLocaleString('en-US')} resource-checks evaluated, ${coverage.notEvaluated.toLocaleString('en-US')} not evaluated (${percent}%)`;
}

/** The JSON report's `schemaVersion`: bumped whenever a field of the report changes meaning or is removed. */
export const REPORT_SCHEMA_VERSION = '2';

export interface ScanSummary {
  id: string;
  /** Version of the report layout (`REPORT_SCHEMA_VERSION`). */
  schemaVersion: string;
  /** srm-scan's version that produced the report. */
  toolVersion: string;
  accountId: string;
  startedAt: string;
  finishedAt: string;
  regions: readonly string[];
  apiCalls: { total: number; byOperation: Record<string, number> };
  totals: ScanTotals;
  coverage: ScanCoverage;
  collectionIssues: readonly CollectionIssue[];
  /** Suppressions needing attention: expired, unused, unknown check, not an ARN, too broad. */
  suppressionProblems: readonly SuppressionProblem[];
  checks: readonly CheckRunSummary[];
  /**
   * `false` when this run is a region shard that leaves the account-wide (global) scope to another shard: its
   * findings list no global result and the lifecycle keeps the stored global findings as they are.
   */
  globalScope?: false;
}

/** The JSON output contract: other tools consume these names, keep them stable. */
export interface ScanReport {
  scan: ScanSummary;
  /**
   * The SRM coverage map: every service the account uses, what the customer owes for it and which of those
   * obligations this scan checked. Present in every scan's report; absent in reports built without a scan.
   */
  coverage?: CoverageMap;
  findings: readonly Finding[];
}

const zeroes = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

/** Totals and coverage of a list of findings. */
export function summariseFindings(findings: readonly Finding[]): { totals: ScanTotals; coverage: ScanCoverage } {
  const totals: ScanTotals = {
    findings: findings.length,
    PASS: 0,
    FAIL: 0,
    SUPPRESSED: 0,
    ERROR: 0,
    failedBySeverity: zeroes(SEVERITIES),
    failedBySrmClass: zeroes(SRM_CLASSES),
  };
  for (const finding of findings) {
    if (finding.status === 'FAIL' && finding.suppression) totals.SUPPRESSED += 1;
    else totals[finding.status] += 1;
    if (isUnsuppressedFailure(finding)) {
      totals.failedBySeverity[finding.severity] += 1;
      totals.failedBySrmClass[finding.srmClass] += 1;
    }
  }
  const notEvaluated = totals.ERROR;
  const evaluated = findings.length - notEvaluated;
  return {
    totals,
    coverage: { evaluated, notEvaluated, share: findings.length === 0 ? 1 : evaluated / findings.length },
  };
}

/** Each check's counts, from the findings of the scan, in the order of `checkIds`. */
export function summariseChecks(checkIds: readonly string[], findings: readonly Finding[]): CheckRunSummary[] {
  const byCheck = new Map<string, CheckRunSummary>(
    checkIds.map((checkId) => [checkId, { checkId, results: 0, passed: 0, failed: 0, suppressed: 0, errored: 0 }]),
  );
  for (const finding of findings) {
    const summary = byCheck.get(finding.checkId);
    if (!summary) continue;
    summary.results += 1;
    if (finding.status === 'PASS') summary.passed += 1;
    else if (finding.status === 'ERROR') summary.errored += 1;
    else if (finding.suppression) summary.suppressed += 1;
    else summary.failed += 1;
  }
  return [...byCheck.values()];
}

export interface ReportInput {
  id: string;
  accountId: string;
  startedAt: string;
  finishedAt: string;
  regions: readonly string[];
  apiCalls: ScanSummary['apiCalls'];
  /** The checks that ran, in order: each gets a summary, those without findings included. */
  checkIds: readonly string[];
  findings: readonly Finding[];
  collectionIssues: readonly CollectionIssue[];
  suppressionProblems: readonly SuppressionProblem[];
  coverage?: CoverageMap;
}

/** Which findings a region shard of an account reports (the lister splits the deployment's regions into shards). */
export interface ShardScope {
  /** The shard that reports the account-wide (global) scope; exactly one per account. */
  ownsGlobal: boolean;
  /** Regions other shards of the same account scan: their findings are theirs (S3 buckets are listed by every shard). */
  otherShardRegions: readonly string[];
}

/**
 * The report of one region shard: the findings it owns (its regions; with the global scope also global findings and
 * those of regions no shard scans, such as a bucket in an unscanned region), totals, coverage and per-check counts
 * recomputed, and `globalScope: false` when another shard owns the global scope.
 */
export function scopedToShard(report: ScanReport, shard: ShardScope, globalRegion: string): ScanReport {
  const own = new Set(report.scan.regions);
  const others = new Set(shard.otherShardRegions);
  const findings = report.findings.filter((finding) =>
    finding.region === globalRegion
      ? shard.ownsGlobal
      : own.has(finding.region) || (shard.ownsGlobal && !others.has(finding.region)),
  );
  return {
    ...report,
    scan: {
      ...report.scan,
      ...summariseFindings(findings),
      checks: summariseChecks(
        report.scan.checks.map((check) => check.checkId),
        findings,
      ),
      ...(!shard.ownsGlobal && { globalScope: false as const }),
    },
    findings,
  };
}

/** The report of a scan, with its versions, totals, coverage and per-check counts computed once, here. */
export function assembleReport(input: ReportInput): ScanReport {
  const { checkIds, findings, coverage, ...scan } = input;
  return {
    scan: {
      id: scan.id,
      schemaVersion: REPORT_SCHEMA_VERSION,
      toolVersion: TOOL_VERSION,
      accountId: scan.accountId,
      startedAt: scan.startedAt,
      finishedAt: scan.finishedAt,
      regions: scan.regions,
      apiCalls: scan.apiCalls,
      ...summariseFindings(findings),
      collectionIssues: scan.collectionIssues,
      suppressionProblems: scan.suppressionProblems,
      checks: summariseChecks(checkIds, findings),
    },
    ...(coverage && { coverage }),
    findings,
  };
}

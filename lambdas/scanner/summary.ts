import type { CollectionIssue } from '../core/collectors/types.js';
import type { LifecycleSummary } from '../core/findings/lifecycle.js';
import type { ScanReport } from '../core/findings/model.js';
import { SEVERITIES, type Severity, SRM_CLASSES, type SrmClass, STATUSES, type Status } from '../core/model/types.js';

/** Lifecycle counts of one run (on a dry run: what the run would have changed). */
export interface LifecycleCounts {
  new: number;
  regressed: number;
  resolved: number;
  /** Known findings still failing. */
  active: number;
  suppressed: number;
  /** Open failing findings after this run, including those of checks or regions this run did not cover. */
  open: number;
  /** Expired, malformed or unmatched suppressions (details in the logs and the digest). */
  suppressionProblems: number;
}

/** What the scanner function returns (and what the console's Test tab shows). */
export interface ScanRunSummary {
  scanId: string;
  accountId: string;
  trigger: 'schedule' | 'on-demand';
  dryRun: boolean;
  startedAt: string;
  finishedAt: string;
  durationSeconds: number;
  regions: readonly string[];
  checks: number;
  findings: {
    total: number;
    byStatus: Record<Status, number>;
    /** FAIL findings only: what is open, by severity. */
    failedBySeverity: Record<Severity, number>;
    /** FAIL findings only: what is open, by Shared Responsibility Model class. */
    failedBySrmClass: Record<SrmClass, number>;
  };
  /** NEW / REGRESSED / RESOLVED transitions this run caused in the findings table. */
  lifecycle?: LifecycleCounts;
  apiCalls: number;
  collectionIssues: {
    count: number;
    /** The first few, so the console output stays readable; all of them are in the logs. */
    sample: readonly CollectionIssue[];
  };
  alert?: { published: boolean; reason: string; subject?: string; messageId?: string };
  /** What the run wrote to the findings table; absent on a dry run. */
  stored?: { items: number; bytes: number; writeUnits?: number; requests?: number };
}

const COLLECTION_ISSUE_SAMPLE = 10;

const zeroes = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

function lifecycleCounts(lifecycle: LifecycleSummary): LifecycleCounts {
  return {
    new: lifecycle.new,
    regressed: lifecycle.regressed,
    resolved: lifecycle.resolved,
    active: lifecycle.active,
    suppressed: lifecycle.suppressed,
    open: lifecycle.open,
    suppressionProblems: lifecycle.expiredSuppressions.length + lifecycle.suppressionWarnings.length,
  };
}

/** Builds the run summary from the job's report; pure. */
export function summariseScan(input: {
  report: ScanReport;
  trigger: ScanRunSummary['trigger'];
  dryRun: boolean;
  lifecycle?: LifecycleSummary;
  alert?: ScanRunSummary['alert'];
  stored?: ScanRunSummary['stored'];
}): ScanRunSummary {
  const { scan, findings } = input.report;
  const byStatus = zeroes(STATUSES);
  const failedBySeverity = zeroes(SEVERITIES);
  const failedBySrmClass = zeroes(SRM_CLASSES);
  for (const finding of findings) {
    byStatus[finding.status] += 1;
    if (finding.status === 'FAIL') {
      failedBySeverity[finding.severity] += 1;
      failedBySrmClass[finding.srmClass] += 1;
    }
  }
  const durationMs = Date.parse(scan.finishedAt) - Date.parse(scan.startedAt);
  return {
    scanId: scan.id,
    accountId: scan.accountId,
    trigger: input.trigger,
    dryRun: input.dryRun,
    startedAt: scan.startedAt,
    finishedAt: scan.finishedAt,
    durationSeconds: Number.isFinite(durationMs) ? Math.round(durationMs / 100) / 10 : 0,
    regions: scan.regions,
    checks: scan.checks.length,
    findings: { total: findings.length, byStatus, failedBySeverity, failedBySrmClass },
    ...(input.lifecycle && { lifecycle: lifecycleCounts(input.lifecycle) }),
    apiCalls: scan.apiCalls.total,
    collectionIssues: {
      count: scan.collectionIssues.length,
      sample: scan.collectionIssues.slice(0, COLLECTION_ISSUE_SAMPLE),
    },
    ...(input.alert && { alert: input.alert }),
    ...(input.stored && { stored: input.stored }),
  };
}

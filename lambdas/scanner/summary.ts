import type { CollectionIssue } from '../core/collectors/types.js';
import { servicesNotChecked } from '../core/coverage/service-coverage.js';
import type { LifecycleSummary } from '../core/findings/lifecycle.js';
import type { ScanCoverage, ScanReport, ScanTotals, SuppressionProblem } from '../core/findings/model.js';

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
  /** Status totals; `FAIL` and the breakdowns count unsuppressed failures only. */
  findings: ScanTotals;
  /** Resource-checks evaluated and not evaluated (ERROR). */
  coverage: ScanCoverage;
  /** Services the account uses that no check of this run covered (the coverage map's "in use, not checked"). */
  servicesNotChecked: readonly string[];
  /** Expired, unused, too broad or mistyped suppressions: details in the logs and the digest. */
  suppressionProblems: { count: number; sample: readonly SuppressionProblem[] };
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

/** Items of a list kept in the summary, so the console output stays readable; all of them are in the logs. */
const SAMPLE_SIZE = 10;

function lifecycleCounts(lifecycle: LifecycleSummary): LifecycleCounts {
  return {
    new: lifecycle.new,
    regressed: lifecycle.regressed,
    resolved: lifecycle.resolved,
    active: lifecycle.active,
    suppressed: lifecycle.suppressed,
    open: lifecycle.open,
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
  const { scan } = input.report;
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
    findings: scan.totals,
    coverage: scan.coverage,
    servicesNotChecked: input.report.coverage ? servicesNotChecked(input.report.coverage) : [],
    suppressionProblems: {
      count: scan.suppressionProblems.length,
      sample: scan.suppressionProblems.slice(0, SAMPLE_SIZE),
    },
    ...(input.lifecycle && { lifecycle: lifecycleCounts(input.lifecycle) }),
    apiCalls: scan.apiCalls.total,
    collectionIssues: {
      count: scan.collectionIssues.length,
      sample: scan.collectionIssues.slice(0, SAMPLE_SIZE),
    },
    ...(input.alert && { alert: input.alert }),
    ...(input.stored && { stored: input.stored }),
  };
}

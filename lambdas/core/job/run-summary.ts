import { selectAlertable } from '../alerts/digest.js';
import type { CollectionIssue } from '../collectors/types.js';
import { servicesNotChecked } from '../coverage/service-coverage.js';
import { TIME_BUDGET_EXCEEDED } from '../engine/collect.js';
import type { LifecycleSummary, Transition } from '../findings/lifecycle.js';
import type { ScanCoverage, ScanReport, ScanTotals, SuppressionProblem } from '../findings/model.js';
import type { Severity, SrmClass } from '../srm/vocabulary.js';
import type { ScanJobResult } from './run-scan-job.js';

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
  trigger: 'schedule' | 'on-demand' | 'organization';
  dryRun: boolean;
  /**
   * False when the run's time budget ran out before every scope was collected: the scopes left are ERROR (not
   * evaluated), listed in `timeBudget`, and their stored findings were kept as they were (never resolved).
   */
  complete: boolean;
  /** Present when the time budget ran out: how many slice×region scopes were not collected, and the first few. */
  timeBudget?: { notCollected: number; sample: readonly { slice: string; region: string }[] };
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
  /** EventBridge events of this run (finding events and the summary). */
  events?: ScanJobResult['events'];
  /** What the run wrote to the findings table; absent on a dry run. */
  stored?: { items: number; bytes: number; writeUnits?: number; requests?: number };
  /** Stack option securityHub: FAILs imported, resolved archived, findings not pushed (by error code), or why it failed. */
  securityHub?: {
    region?: string;
    imported?: number;
    archived?: number;
    failed?: { count: number; byErrorCode: Record<string, number> };
    error?: string;
  };
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

/** The slice×region scopes the time budget left uncollected. */
export function timeBudgetScopes(issues: readonly CollectionIssue[]): { slice: string; region: string }[] {
  return issues
    .filter((issue) => issue.errorCode === TIME_BUDGET_EXCEEDED)
    .map((issue) => ({ slice: issue.slice, region: issue.region }));
}

/** New or regressed failures listed in an account result (the rest are counted): keeps Map results small. */
export const ACCOUNT_RESULT_ALERTABLE_SAMPLE = 20;

/**
 * What one member-account run returns to the organisation scan's Distributed Map: small (the aggregation step reads
 * every account's result; Step Functions caps a state's input and output at 256 KiB), with what the organisation
 * digest shows per account.
 */
export interface AccountScanResult {
  kind: 'srm-scan.account-result';
  scanId: string;
  accountId: string;
  regions: readonly string[];
  /** False when the time budget ran out (see {@link ScanRunSummary.complete}). */
  complete: boolean;
  /** Slice×region scopes the time budget left uncollected (0 when complete). */
  notCollected: number;
  startedAt: string;
  durationSeconds: number;
  checks: number;
  totals: { PASS: number; FAIL: number; SUPPRESSED: number; ERROR: number };
  failedBySrmClass: Record<SrmClass, number>;
  failedBySeverity: Record<Severity, number>;
  coverage: ScanCoverage;
  lifecycle?: { new: number; regressed: number; resolved: number; open: number };
  collectionIssues: number;
  /** New and regressed failures at or above the alert severity: how many, and the first {@link ACCOUNT_RESULT_ALERTABLE_SAMPLE}. */
  alertable: {
    count: number;
    sample: readonly {
      kind: 'new' | 'regressed';
      checkId: string;
      title: string;
      severity: Severity;
      srmClass: SrmClass;
      resourceId: string;
      region: string;
    }[];
  };
  apiCalls: number;
}

/** The compact result of a member-account run; pure. */
export function summariseAccountScan(input: {
  summary: ScanRunSummary;
  transitions: readonly Transition[];
  minSeverity: Severity;
}): AccountScanResult {
  const { summary } = input;
  const alertable = selectAlertable(input.transitions, input.minSeverity);
  const { PASS, FAIL, SUPPRESSED, ERROR } = summary.findings;
  return {
    kind: 'srm-scan.account-result',
    scanId: summary.scanId,
    accountId: summary.accountId,
    regions: summary.regions,
    complete: summary.complete,
    notCollected: summary.timeBudget?.notCollected ?? 0,
    startedAt: summary.startedAt,
    durationSeconds: summary.durationSeconds,
    checks: summary.checks,
    totals: { PASS, FAIL, SUPPRESSED, ERROR },
    failedBySrmClass: summary.findings.failedBySrmClass,
    failedBySeverity: summary.findings.failedBySeverity,
    coverage: summary.coverage,
    ...(summary.lifecycle && {
      lifecycle: {
        new: summary.lifecycle.new,
        regressed: summary.lifecycle.regressed,
        resolved: summary.lifecycle.resolved,
        open: summary.lifecycle.open,
      },
    }),
    collectionIssues: summary.collectionIssues.count,
    alertable: {
      count: alertable.length,
      sample: alertable.slice(0, ACCOUNT_RESULT_ALERTABLE_SAMPLE).map((t) => ({
        kind: t.kind === 'regressed' ? 'regressed' : 'new',
        checkId: t.state.checkId,
        title: t.state.title,
        severity: t.state.severity,
        srmClass: t.state.srmClass,
        resourceId: t.state.resourceId,
        region: t.state.region,
      })),
    },
    apiCalls: summary.apiCalls,
  };
}

/** Builds the run summary from the job's report; pure. */
export function summariseScan(input: {
  report: ScanReport;
  trigger: ScanRunSummary['trigger'];
  dryRun: boolean;
  lifecycle?: LifecycleSummary;
  alert?: ScanRunSummary['alert'];
  events?: ScanRunSummary['events'];
  stored?: ScanRunSummary['stored'];
  securityHub?: ScanJobResult['securityHub'];
}): ScanRunSummary {
  const { scan } = input.report;
  const durationMs = Date.parse(scan.finishedAt) - Date.parse(scan.startedAt);
  const unscanned = timeBudgetScopes(scan.collectionIssues);
  return {
    scanId: scan.id,
    accountId: scan.accountId,
    trigger: input.trigger,
    dryRun: input.dryRun,
    complete: unscanned.length === 0,
    ...(unscanned.length > 0 && {
      timeBudget: { notCollected: unscanned.length, sample: unscanned.slice(0, SAMPLE_SIZE) },
    }),
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
    ...(input.events && { events: input.events }),
    ...(input.stored && { stored: input.stored }),
    ...(input.securityHub && {
      securityHub: input.securityHub.result
        ? {
            region: input.securityHub.result.region,
            imported: input.securityHub.result.imported,
            archived: input.securityHub.result.archived,
            failed: {
              count: input.securityHub.result.failed.count,
              byErrorCode: input.securityHub.result.failed.byErrorCode,
            },
          }
        : { ...(input.securityHub.error && { error: input.securityHub.error }) },
    }),
  };
}

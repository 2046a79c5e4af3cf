import { countOf } from '../checks/shared/text.js';
import { type RunScope, runScope, type ScopeVerdict, scopeVerdict } from '../findings/lifecycle.js';
import type { AppliedSuppression } from '../findings/model.js';
import { suppressionExpiry } from '../findings/suppressions.js';
import { redactSecrets } from '../secrets/index.js';
import {
  atLeast,
  OBLIGATIONS,
  type Obligation,
  type Severity,
  SRM_CLASSES,
  type SrmClass,
  severityRank,
} from '../srm/vocabulary.js';
import type { ComparedFinding, ComparedInput } from './input.js';

/** The layout version of the diff's JSON output: bumped when a field changes meaning or is removed. */
const DIFF_SCHEMA_VERSION = '1';

/**
 * What changed for one finding between two reports, in the lifecycle's vocabulary (`lifecycle.ts`):
 * - `new`: an unsuppressed FAIL now that was not failing before: BEFORE covered its scope and had no result for it
 *   (`first-failure`), had it suppressed (`suppression-lapsed`), could not evaluate it (`not-evaluated-before`), or did
 *   not cover its scope at all (`outside-before-scope`: another account, region or check selection; a scope warning
 *   says so). As in the lifecycle, a failure nobody saw before is new.
 * - `regressed`: an unsuppressed FAIL now that PASSed before (`passed-before`).
 * - `resolved`: failing before (suppressed or not), PASS now (`passed`) or no longer reported although AFTER covered
 *   its scope: its check ran, its region was scanned, no ERROR covers it (`gone`).
 * - `suppressed`: failing now under a suppression, and not suppressed before (`suppression-applied`).
 * - `not-evaluated`: ERROR now (for the resource or its whole scope), evaluated or unseen before.
 * - `evaluated-again`: ERROR before, evaluated now (PASS, suppressed, or no longer reported); an ERROR before that
 *   FAILs now is `new`.
 * - `not-observed`: failing or ERROR before, outside AFTER's scope: not resolved, not compared (`outside-after-scope`).
 * Everything else is counted, not listed: unchanged failing, suppressed, passing and not evaluated findings, passes
 * that appeared and passes that disappeared.
 */
export const DIFF_KINDS = [
  'new',
  'regressed',
  'resolved',
  'suppressed',
  'not-evaluated',
  'evaluated-again',
  'not-observed',
] as const;
export type DiffKind = (typeof DIFF_KINDS)[number];

export type DiffCause =
  | 'first-failure'
  | 'suppression-lapsed'
  | 'not-evaluated-before'
  | 'outside-before-scope'
  | 'passed-before'
  | 'passed'
  | 'gone'
  | 'suppression-applied'
  | 'error'
  | 'evaluated'
  | 'outside-after-scope';

/**
 * A finding as one report saw it: its verdict (a suppressed FAIL is `SUPPRESSED`), `ERROR` also when the report has
 * an ERROR for its scope, `NOT-REPORTED` when the report covered its scope without a result for it, `NOT-IN-SCOPE`
 * when the report did not cover its scope (`outOfScope` says why).
 */
export type SideStatus = 'FAIL' | 'SUPPRESSED' | 'PASS' | 'ERROR' | 'NOT-REPORTED' | 'NOT-IN-SCOPE';
export type OutOfScope = 'account-not-scanned' | Exclude<ScopeVerdict, 'covered' | 'errored'>;

export interface DiffSide {
  status: SideStatus;
  severity?: Severity;
  /** The report's message (already masked by the scan; masked again here). */
  message?: string;
  suppression?: AppliedSuppression;
  outOfScope?: OutOfScope;
}

export interface DiffChange {
  kind: DiffKind;
  cause: DiffCause;
  /** The stable finding id (from check id and resource ARN). */
  id: string;
  accountId: string;
  checkId: string;
  title: string;
  /** AFTER's severity when AFTER reported the finding, else BEFORE's. */
  severity: Severity;
  srmClass: SrmClass;
  obligation: Obligation;
  service: string;
  resourceType: string;
  resourceId: string;
  resourceArn: string;
  region: string;
  before: DiffSide;
  after: DiffSide;
  /** For `suppression-lapsed`: whether the suppression expired by AFTER's scan or was removed from the configuration. */
  lapsed?: 'expired' | 'removed';
}

export interface UnchangedCounts {
  failing: number;
  suppressed: number;
  passing: number;
  notEvaluated: number;
  /** PASS now, no result before (new resources, checks or regions). */
  passesAdded: number;
  /** PASS before, no result now. */
  passesRemoved: number;
}

export const DIFF_WARNING_KINDS = [
  'accounts',
  'account-not-scanned',
  'regions',
  'checks',
  'global-scope',
  'tool-version',
  'order',
] as const;
export type DiffWarningKind = (typeof DIFF_WARNING_KINDS)[number];

/** The two reports do not cover the same scope (or were given in an odd order): one sentence each. */
export interface DiffWarning {
  kind: DiffWarningKind;
  message: string;
}

export interface DiffReportSide {
  /** The file name as given. */
  file: string;
  kind: ComparedInput['kind'];
  toolVersion: string;
  startedAt: string;
  scanIds: string[];
  accounts: string[];
  regions: string[];
  checks: number;
}

/** Severity of a check that differs between the reports (a new srm-scan version re-rated it). */
export interface SeverityChange {
  checkId: string;
  before: Severity;
  after: Severity;
}

/** The gate of `--fail-on-new`, when asked for: in the JSON output and the human summaries. */
export interface DiffGate {
  failOnNew: Severity;
  /** NEW and REGRESSED findings at or above `failOnNew`. */
  findings: number;
  met: boolean;
}

/**
 * The diff's JSON output (`srm-scan diff --format json`): `schemaVersion` (`DIFF_SCHEMA_VERSION`), the two sides
 * (`before`, `after`: file, kind, tool version, start, scan ids, accounts, regions, number of checks), the scope
 * `warnings`, `counts` per kind, `unchanged` counts, the listed `changes` and the checks whose severity changed;
 * `gate` with `--fail-on-new`. Other tools consume these names: keep them stable.
 */
export interface ScanDiff {
  schemaVersion: string;
  before: DiffReportSide;
  after: DiffReportSide;
  warnings: DiffWarning[];
  counts: Record<DiffKind, number>;
  unchanged: UnchangedCounts;
  /** Sorted by SRM class, obligation, kind, severity, check id, account and resource ARN. */
  changes: DiffChange[];
  severityChanges: SeverityChange[];
  gate?: DiffGate;
}

/** A finding's place in one report, keyed by account and finding id. */
const keyOf = (accountId: string, id: string) => `${accountId}\u0000${id}`;

/** Which result wins when a report holds one finding twice: never hide a failure, never hide an error behind a pass. */
const WEIGHT: Record<'FAIL' | 'SUPPRESSED' | 'ERROR' | 'PASS', number> = { FAIL: 0, SUPPRESSED: 1, ERROR: 2, PASS: 3 };
const shown = (finding: ComparedFinding): 'FAIL' | 'SUPPRESSED' | 'ERROR' | 'PASS' =>
  finding.status === 'FAIL' && finding.suppression ? 'SUPPRESSED' : finding.status;

interface IndexedSide {
  findings: Map<string, ComparedFinding>;
  scopes: Map<string, { scope: RunScope; startedAt: string }>;
}

function indexSide(input: ComparedInput): IndexedSide {
  const findings = new Map<string, ComparedFinding>();
  const scopes = new Map<string, { scope: RunScope; startedAt: string }>();
  for (const report of input.reports) {
    const accountId = report.scan.accountId;
    if (!scopes.has(accountId)) scopes.set(accountId, { scope: runScope(report), startedAt: report.scan.startedAt });
    for (const finding of report.findings) {
      const key = keyOf(accountId, finding.id);
      const seen = findings.get(key);
      if (!seen || WEIGHT[shown(finding)] < WEIGHT[shown(seen)]) findings.set(key, finding);
    }
  }
  return { findings, scopes };
}

function sideOf(side: IndexedSide, accountId: string, key: string, other: ComparedFinding): DiffSide {
  const own = side.findings.get(key);
  if (own) {
    return {
      status: shown(own),
      severity: own.severity,
      message: redactSecrets(own.message),
      ...(own.suppression && { suppression: own.suppression }),
    };
  }
  const scoped = side.scopes.get(accountId);
  if (!scoped) return { status: 'NOT-IN-SCOPE', outOfScope: 'account-not-scanned' };
  const verdict = scopeVerdict(scoped.scope, other);
  if (verdict === 'covered') return { status: 'NOT-REPORTED' };
  if (verdict === 'errored') return { status: 'ERROR' };
  return { status: 'NOT-IN-SCOPE', outOfScope: verdict };
}

type Outcome = { kind: DiffKind; cause: DiffCause } | { unchanged: keyof UnchangedCounts };

/** The transition table: BEFORE's status (rows) against AFTER's (columns), as documented on {@link DIFF_KINDS}. */
function classify(before: SideStatus, after: SideStatus): Outcome | undefined {
  const failedBefore = before === 'FAIL' || before === 'SUPPRESSED';
  switch (after) {
    case 'FAIL':
      if (before === 'FAIL') return { unchanged: 'failing' };
      if (before === 'PASS') return { kind: 'regressed', cause: 'passed-before' };
      return {
        kind: 'new',
        cause:
          before === 'SUPPRESSED'
            ? 'suppression-lapsed'
            : before === 'ERROR'
              ? 'not-evaluated-before'
              : before === 'NOT-IN-SCOPE'
                ? 'outside-before-scope'
                : 'first-failure',
      };
    case 'SUPPRESSED':
      if (before === 'SUPPRESSED') return { unchanged: 'suppressed' };
      if (before === 'ERROR') return { kind: 'evaluated-again', cause: 'evaluated' };
      return { kind: 'suppressed', cause: 'suppression-applied' };
    case 'PASS':
      if (failedBefore) return { kind: 'resolved', cause: 'passed' };
      if (before === 'PASS') return { unchanged: 'passing' };
      if (before === 'ERROR') return { kind: 'evaluated-again', cause: 'evaluated' };
      return { unchanged: 'passesAdded' };
    case 'ERROR':
      return before === 'ERROR' ? { unchanged: 'notEvaluated' } : { kind: 'not-evaluated', cause: 'error' };
    case 'NOT-REPORTED':
      if (failedBefore) return { kind: 'resolved', cause: 'gone' };
      if (before === 'ERROR') return { kind: 'evaluated-again', cause: 'evaluated' };
      return before === 'PASS' ? { unchanged: 'passesRemoved' } : undefined;
    case 'NOT-IN-SCOPE':
      if (failedBefore || before === 'ERROR') return { kind: 'not-observed', cause: 'outside-after-scope' };
      return before === 'PASS' ? { unchanged: 'passesRemoved' } : undefined;
  }
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

function describeSide(input: ComparedInput): DiffReportSide {
  return {
    file: input.label,
    kind: input.kind,
    toolVersion: input.toolVersion,
    startedAt: input.startedAt,
    scanIds: input.reports.map((r) => r.scan.id),
    accounts: sorted(input.reports.map((r) => r.scan.accountId)),
    regions: sorted(input.reports.flatMap((r) => r.scan.regions)),
    checks: new Set(input.reports.flatMap((r) => r.scan.checks.map((c) => c.checkId))).size,
  };
}

const listed = (items: readonly string[], max = 8): string =>
  items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;

/** Where the two reports do not cover the same thing: accounts, regions, checks, global scope, tool version, order. */
function scopeWarnings(before: ComparedInput, after: ComparedInput): DiffWarning[] {
  const warnings: DiffWarning[] = [];
  const byAccount = (input: ComparedInput) => new Map(input.reports.map((r) => [r.scan.accountId, r.scan]));
  const b = byAccount(before);
  const a = byAccount(after);
  const onlyBefore = [...b.keys()].filter((id) => !a.has(id)).sort();
  const onlyAfter = [...a.keys()].filter((id) => !b.has(id)).sort();
  if (onlyBefore.length > 0 || onlyAfter.length > 0) {
    const parts = [
      onlyBefore.length > 0 &&
        `only BEFORE scanned ${listed(onlyBefore)} (its failures are "not observed", not resolved)`,
      onlyAfter.length > 0 && `only AFTER scanned ${listed(onlyAfter)} (its failures count as new)`,
    ].filter(Boolean);
    warnings.push({ kind: 'accounts', message: `The reports cover different accounts: ${parts.join('; ')}.` });
  }
  for (const [input, name] of [
    [before, 'BEFORE'],
    [after, 'AFTER'],
  ] as const) {
    for (const failure of input.notScanned) {
      warnings.push({
        kind: 'account-not-scanned',
        message: `${name} could not scan account ${failure.accountId} (${failure.errorCode}): its findings are not compared.`,
      });
    }
  }
  for (const [accountId, scanB] of b) {
    const scanA = a.get(accountId);
    if (!scanA) continue;
    const who = b.size > 1 || a.size > 1 ? ` of account ${accountId}` : '';
    const regionsB = new Set(scanB.regions);
    const regionsA = new Set(scanA.regions);
    const lostRegions = [...regionsB].filter((r) => !regionsA.has(r)).sort();
    const addedRegions = [...regionsA].filter((r) => !regionsB.has(r)).sort();
    if (lostRegions.length > 0 || addedRegions.length > 0) {
      const parts = [
        lostRegions.length > 0 && `only BEFORE scanned ${listed(lostRegions)}`,
        addedRegions.length > 0 && `only AFTER scanned ${listed(addedRegions)}`,
      ].filter(Boolean);
      warnings.push({ kind: 'regions', message: `The scans${who} cover different regions: ${parts.join('; ')}.` });
    }
    const checksB = new Set(scanB.checks.map((c) => c.checkId));
    const checksA = new Set(scanA.checks.map((c) => c.checkId));
    const lostChecks = [...checksB].filter((c) => !checksA.has(c)).sort();
    const addedChecks = [...checksA].filter((c) => !checksB.has(c)).sort();
    if (lostChecks.length > 0 || addedChecks.length > 0) {
      const parts = [
        lostChecks.length > 0 && `${countOf(lostChecks.length, 'check')} only in BEFORE (${listed(lostChecks, 5)})`,
        addedChecks.length > 0 && `${countOf(addedChecks.length, 'check')} only in AFTER (${listed(addedChecks, 5)})`,
      ].filter(Boolean);
      warnings.push({ kind: 'checks', message: `The scans${who} ran different checks: ${parts.join('; ')}.` });
    }
    if ((scanB.globalScope === false) !== (scanA.globalScope === false)) {
      const without = scanB.globalScope === false ? 'BEFORE' : 'AFTER';
      warnings.push({
        kind: 'global-scope',
        message: `${without}${who} is a region shard without the account-wide (global) scope: global findings are not compared.`,
      });
    }
  }
  const versionsB = sorted(before.reports.map((r) => r.scan.toolVersion).concat(before.toolVersion));
  const versionsA = sorted(after.reports.map((r) => r.scan.toolVersion).concat(after.toolVersion));
  if (versionsB.join() !== versionsA.join()) {
    warnings.push({
      kind: 'tool-version',
      message: `The reports come from different srm-scan versions (BEFORE ${versionsB.join(', ')}, AFTER ${versionsA.join(', ')}): checks, messages and severities may have changed between them.`,
    });
  }
  if (Date.parse(after.startedAt) < Date.parse(before.startedAt)) {
    warnings.push({
      kind: 'order',
      message: `AFTER (${after.startedAt}) started before BEFORE (${before.startedAt}): are the files in the right order?`,
    });
  }
  return warnings;
}

/** Checks whose severity differs between the reports, from their findings. */
function severityChanges(before: IndexedSide, after: IndexedSide): SeverityChange[] {
  const severities = (side: IndexedSide) => {
    const byCheck = new Map<string, Severity>();
    for (const finding of side.findings.values()) {
      if (!byCheck.has(finding.checkId)) byCheck.set(finding.checkId, finding.severity);
    }
    return byCheck;
  };
  const b = severities(before);
  const a = severities(after);
  const changes: SeverityChange[] = [];
  for (const [checkId, severity] of b) {
    const now = a.get(checkId);
    if (now && now !== severity) changes.push({ checkId, before: severity, after: now });
  }
  return changes.sort((x, y) => x.checkId.localeCompare(y.checkId));
}

/** How many changes of each kind, every kind present (zero included), in vocabulary order. */
export const countKinds = (changes: readonly DiffChange[]): Record<DiffKind, number> => {
  const counts = Object.fromEntries(DIFF_KINDS.map((kind) => [kind, 0])) as Record<DiffKind, number>;
  for (const change of changes) counts[change.kind] += 1;
  return counts;
};

const KIND_ORDER = new Map<DiffKind, number>(DIFF_KINDS.map((kind, index) => [kind, index]));

/** Class, obligation (vocabulary order), kind, severity, then check, account and resource. */
export const byGroupAndPriority = (x: DiffChange, y: DiffChange): number =>
  SRM_CLASSES.indexOf(x.srmClass) - SRM_CLASSES.indexOf(y.srmClass) ||
  OBLIGATIONS.indexOf(x.obligation) - OBLIGATIONS.indexOf(y.obligation) ||
  (KIND_ORDER.get(x.kind) ?? 0) - (KIND_ORDER.get(y.kind) ?? 0) ||
  severityRank(x.severity) - severityRank(y.severity) ||
  x.checkId.localeCompare(y.checkId) ||
  x.accountId.localeCompare(y.accountId) ||
  x.resourceArn.localeCompare(y.resourceArn);

/**
 * Compares two reports finding by finding (stable finding id within an account) and says what changed, grouped by the
 * kinds of {@link DIFF_KINDS}, with the scope rules of the lifecycle: a finding missing from a report counts as
 * resolved only when that report covered its scope (`scopeVerdict`). Pure: reads the two parsed reports only.
 *
 * @example
 * const diff = diffReports(readComparedInput('before.json', before), readComparedInput('after.json', after));
 */
export function diffReports(before: ComparedInput, after: ComparedInput): ScanDiff {
  const b = indexSide(before);
  const a = indexSide(after);
  const unchanged: UnchangedCounts = {
    failing: 0,
    suppressed: 0,
    passing: 0,
    notEvaluated: 0,
    passesAdded: 0,
    passesRemoved: 0,
  };
  const changes: DiffChange[] = [];
  const keys = new Set([...b.findings.keys(), ...a.findings.keys()]);
  for (const key of keys) {
    const [accountId = ''] = key.split('\u0000');
    const afterFinding = a.findings.get(key);
    const beforeFinding = b.findings.get(key);
    // Present on at least one side: the key comes from one of the two maps.
    const finding = (afterFinding ?? beforeFinding) as ComparedFinding;
    const beforeSide = sideOf(b, accountId, key, finding);
    const afterSide = sideOf(a, accountId, key, finding);
    const outcome = classify(beforeSide.status, afterSide.status);
    if (!outcome) continue;
    if ('unchanged' in outcome) {
      unchanged[outcome.unchanged] += 1;
      continue;
    }
    const change: DiffChange = {
      kind: outcome.kind,
      cause: outcome.cause,
      id: finding.id,
      accountId,
      checkId: finding.checkId,
      title: finding.title,
      severity: finding.severity,
      srmClass: finding.srmClass,
      obligation: finding.obligation,
      service: finding.service,
      resourceType: finding.resourceType,
      resourceId: finding.resourceId,
      resourceArn: finding.resourceArn,
      region: finding.region,
      before: beforeSide,
      after: afterSide,
    };
    if (outcome.cause === 'suppression-lapsed' && beforeSide.suppression) {
      const expiry = suppressionExpiry(beforeSide.suppression);
      const scanned = Date.parse(a.scopes.get(accountId)?.startedAt ?? after.startedAt);
      change.lapsed = expiry && expiry.getTime() <= scanned ? 'expired' : 'removed';
    }
    changes.push(change);
  }
  return {
    schemaVersion: DIFF_SCHEMA_VERSION,
    before: describeSide(before),
    after: describeSide(after),
    warnings: scopeWarnings(before, after),
    counts: countKinds(changes),
    unchanged,
    changes: changes.sort(byGroupAndPriority),
    severityChanges: severityChanges(b, a),
  };
}

/** Kinds `--fail-on-new` gates on: unsuppressed FAILs that were not failing before. */
const GATED_KINDS: ReadonlySet<DiffKind> = new Set(['new', 'regressed']);

/** The NEW and REGRESSED findings at or above `minimum`: what makes `srm-scan diff --fail-on-new` exit 1. */
export const newFailures = (diff: Pick<ScanDiff, 'changes'>, minimum: Severity): DiffChange[] =>
  diff.changes.filter((change) => GATED_KINDS.has(change.kind) && atLeast(change.severity, minimum));

/** The diff with its `--fail-on-new` gate evaluated. */
export function withGate(diff: ScanDiff, failOnNew: Severity): ScanDiff {
  const findings = newFailures(diff, failOnNew).length;
  return { ...diff, gate: { failOnNew, findings, met: findings > 0 } };
}

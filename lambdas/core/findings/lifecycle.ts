import { z } from 'zod';
import { GLOBAL_REGION } from '../inventory/index.js';
import { redactSecrets } from '../secrets/index.js';
import { type AppliedSuppression, type Finding, findingSchema, type ScanReport } from './model.js';
import { suppressionExpiry } from './suppressions.js';
import type { PassResults } from './table-schema.js';

/**
 * A finding's workflow state, modelled on Security Hub's:
 * - `NEW`: failing, first seen failing in this run (or alerting again after its suppression lapsed);
 * - `ACTIVE`: still failing, already reported;
 * - `REGRESSED`: failing again after it had been `RESOLVED`;
 * - `RESOLVED`: passing now, or the resource is gone; a finding that has only ever passed is `RESOLVED` too;
 * - `SUPPRESSED`: failing, but covered by an unexpired suppression: kept, never alerted.
 */
export const WORKFLOW_STATES = ['NEW', 'ACTIVE', 'REGRESSED', 'RESOLVED', 'SUPPRESSED'] as const;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];

/** Workflow states of a failing finding someone must act on. */
export const OPEN_WORKFLOW_STATES: ReadonlySet<WorkflowState> = new Set(['NEW', 'ACTIVE', 'REGRESSED']);

/** Why a finding is `RESOLVED`: its check passes, or the resource is no longer reported. */
export type Resolution = NonNullable<StoredFinding['resolution']>;

/**
 * The current state of one finding, as stored between runs: the finding's own fields (declared once, in
 * `findingSchema`) plus its workflow. ERROR results are never stored: they only protect the stored state of what
 * they could not evaluate. The store's read-back codec validates items with this schema.
 */
export const storedFindingSchema = findingSchema
  .pick({
    id: true,
    accountId: true,
    checkId: true,
    title: true,
    severity: true,
    srmClass: true,
    obligation: true,
    service: true,
    resourceType: true,
    resourceId: true,
    resourceArn: true,
    region: true,
    message: true,
    suppression: true,
  })
  .extend({
    /** The latest verdict observed (for a `GONE` finding, the last one before it disappeared). */
    status: z.enum(['PASS', 'FAIL']),
    workflow: z.enum(WORKFLOW_STATES),
    /** First run that reported the finding, whatever its status. */
    firstSeenAt: z.string(),
    /**
     * A run that reported it: the latest one that changed the state, or a later one that refreshed it (at most
     * `lastSeenRefreshDays` after the previous write). Unchanged states are not rewritten by every run: the exact last
     * observation is the newest scan summary whose scope covers the finding (`lastObservedAt` in `items.ts`).
     */
    lastSeenAt: z.string(),
    /** When `status` last changed (or the finding was first seen). */
    statusChangedAt: z.string(),
    /**
     * When `workflow` last changed. NEW → ACTIVE is stored with the state's next write, so a stored ACTIVE's
     * `workflowChangedAt` can lag the run that first saw it failing again by up to `lastSeenRefreshDays`.
     */
    workflowChangedAt: z.string(),
    /** First run that saw it failing; tells REGRESSED (failed before) from NEW. */
    firstFailedAt: z.string().optional(),
    /** Set while `workflow` is RESOLVED. */
    resolution: z.enum(['PASSED', 'GONE']).optional(),
    /** Scan that last wrote this state (see `lastSeenAt`). */
    lastScanId: z.string(),
  });
export type StoredFinding = z.output<typeof storedFindingSchema>;

/** Why a finding changed workflow state in this run. */
export type TransitionCause =
  | 'first-failure'
  | 'failed-again'
  | 'suppression-lapsed'
  | 'passed'
  | 'gone'
  | 'suppression-applied';

export type TransitionKind = 'new' | 'regressed' | 'resolved' | 'suppressed';

/** A noteworthy change of one finding in one run: what the digest and the history items record. */
export interface Transition {
  kind: TransitionKind;
  cause: TransitionCause;
  from?: WorkflowState;
  to: WorkflowState;
  at: string;
  scanId: string;
  /** The resulting stored state. */
  state: StoredFinding;
  /** This run's finding (remediation, compliance); absent when the resource is gone. */
  finding?: Finding;
  /** For `suppression-lapsed`: the suppression that covered the finding until this run, and why it stopped. */
  lapsed?: { suppression: AppliedSuppression; reason: 'expired' | 'removed' };
}

/** Lifecycle counts of one run: part of the job result and the scan summary item. */
export interface LifecycleSummary {
  /** Findings that became NEW in this run (first failure, or suppression lapsed). */
  new: number;
  /** Already-known findings still failing (ACTIVE after this run). */
  active: number;
  /** Findings failing again after having been resolved. */
  regressed: number;
  /** Findings that went from failing (open or suppressed) to RESOLVED in this run. */
  resolved: number;
  /** Failing findings observed in this run and covered by a suppression. */
  suppressed: number;
  /** Passing findings that were not failing before (checked and fine). */
  passing: number;
  /** Stored findings left as they were: their check did not run, their region was not scanned or their scope errored. */
  kept: number;
  /** Open failing findings after this run, kept ones included. */
  open: number;
  /** Finding states this run writes: new, changed or due for a `lastSeenAt` refresh. */
  written: number;
  /** Observed findings whose stored state is unchanged and not rewritten (the scan summary records the observation). */
  unchanged: number;
  /** PASS results with no stored state, left out under `passResults: 'count'` (the summary's per-check counts have them). */
  passesNotStored: number;
}

export { PASS_RESULTS, type PassResults } from './table-schema.js';

/** Default longest time a stored, unchanged state goes without a `lastSeenAt` refresh. */
export const DEFAULT_LAST_SEEN_REFRESH_DAYS = 14;

export interface WriteOptions {
  /** Default `store`. */
  passResults?: PassResults;
  /**
   * An unchanged observed state is rewritten once per this many days (default 14), each finding on its own day of
   * the cycle so a nightly run refreshes about 1/N of them. Keeps `lastSeenAt` within N days of the truth and the
   * TTL of RESOLVED states (from `lastSeenAt`) from expiring while they are still observed: keep N well below the
   * history TTL (the job uses at most half of it).
   */
  lastSeenRefreshDays?: number;
}

export interface LifecycleInput {
  /** Stored states of the scanned account before this run. */
  previous: readonly StoredFinding[];
  /** This run's report; its findings carry the suppression the engine stamped on them. */
  report: ScanReport;
  now: Date;
  options?: WriteOptions;
}

export interface LifecycleResult {
  /** Every resulting state: each finding observed (PASS or FAIL) in this run and each finding resolved as gone. */
  states: StoredFinding[];
  /** The subset of `states` to write: new or changed (status, workflow, severity, message, suppression…) or due for a refresh. */
  writes: StoredFinding[];
  transitions: Transition[];
  summary: LifecycleSummary;
}

/** Scopes of one check in which this run could not decide anything. */
export interface ErroredScopes {
  account: boolean;
  regions: Set<string>;
  findingIds: Set<string>;
}

/**
 * An ERROR result whose resource is a scope rather than a resource, e.g.
 * `arn:aws:s3:eu-west-1:123456789012:*` (a region) or `arn:aws:iam::123456789012:*` (the account).
 */
const isScopeArn = (arn: string): boolean => arn.endsWith(':*');

export function erroredScopes(
  findings: readonly Pick<Finding, 'id' | 'checkId' | 'status' | 'resourceArn' | 'region'>[],
): Map<string, ErroredScopes> {
  const byCheck = new Map<string, ErroredScopes>();
  for (const finding of findings) {
    if (finding.status !== 'ERROR') continue;
    let scopes = byCheck.get(finding.checkId);
    if (!scopes) {
      scopes = { account: false, regions: new Set(), findingIds: new Set() };
      byCheck.set(finding.checkId, scopes);
    }
    scopes.findingIds.add(finding.id);
    if (isScopeArn(finding.resourceArn)) {
      if (finding.region === GLOBAL_REGION) scopes.account = true;
      else scopes.regions.add(finding.region);
    }
  }
  return byCheck;
}

/**
 * Whether the run's errors cover a stored finding. A regional error also covers the check's
 * global findings, as the engine turns a check's account-wide results into ERROR when any
 * region failed.
 */
export function isProtected(
  state: Pick<StoredFinding, 'id' | 'region'>,
  scopes: Pick<ErroredScopes, 'account' | 'regions' | 'findingIds'> | undefined,
): boolean {
  if (!scopes) return false;
  return (
    scopes.account ||
    scopes.findingIds.has(state.id) ||
    scopes.regions.has(state.region) ||
    (state.region === GLOBAL_REGION && scopes.regions.size > 0)
  );
}

/**
 * Whether a run covered a finding's scope, or why not: `covered` when its check ran, its region was scanned (a global
 * finding: the run owns the global scope) and no ERROR of that check covers it (`isProtected`).
 */
export type ScopeVerdict = 'covered' | 'check-not-run' | 'region-not-scanned' | 'global-scope-elsewhere' | 'errored';

/** What a run observed, for {@link scopeVerdict}: built once per report with {@link runScope}. */
export interface RunScope {
  checks: ReadonlySet<string>;
  regions: ReadonlySet<string>;
  /** `false` for a region shard that leaves the global scope to another shard. */
  globalScope: boolean;
  errors: ReadonlyMap<string, ErroredScopes>;
}

export const runScope = (report: {
  scan: { checks: readonly { checkId: string }[]; regions: readonly string[]; globalScope?: false };
  findings: readonly Pick<Finding, 'id' | 'checkId' | 'status' | 'resourceArn' | 'region'>[];
}): RunScope => ({
  checks: new Set(report.scan.checks.map((c) => c.checkId)),
  regions: new Set(report.scan.regions),
  globalScope: report.scan.globalScope !== false,
  errors: erroredScopes(report.findings),
});

/** The scope rule of the lifecycle (and of `srm-scan diff`): only what a run could have seen may change. */
export function scopeVerdict(scope: RunScope, finding: Pick<StoredFinding, 'id' | 'checkId' | 'region'>): ScopeVerdict {
  if (!scope.checks.has(finding.checkId)) return 'check-not-run';
  if (finding.region === GLOBAL_REGION ? !scope.globalScope : !scope.regions.has(finding.region)) {
    return finding.region === GLOBAL_REGION ? 'global-scope-elsewhere' : 'region-not-scanned';
  }
  return isProtected(finding, scope.errors.get(finding.checkId)) ? 'errored' : 'covered';
}

/** FAIL wins over PASS when an engine bug reports one finding twice: never hide a failure. */
function dedupe(findings: readonly Finding[]): Finding[] {
  const byId = new Map<string, Finding>();
  for (const finding of findings) {
    if (finding.status === 'ERROR') continue;
    const seen = byId.get(finding.id);
    if (!seen || (seen.status === 'PASS' && finding.status === 'FAIL')) byId.set(finding.id, finding);
  }
  return [...byId.values()];
}

interface Observation {
  state: StoredFinding;
  transition?: Omit<Transition, 'state' | 'at' | 'scanId'>;
}

function observe(previous: StoredFinding | undefined, finding: Finding, at: Date, scanId: string): Observation {
  const now = at.toISOString();
  const status = finding.status === 'FAIL' ? 'FAIL' : 'PASS';
  // The finding's own fields, as `storedFindingSchema` picks them; the report-only ones stay in the report.
  const {
    status: _status,
    compliance: _compliance,
    remediation: _remediation,
    observedAt: _observedAt,
    suppression,
    ...fields
  } = finding;
  const base = {
    ...fields,
    status,
    // Checks must never put a secret in a message; redacting here is defence in depth.
    message: redactSecrets(finding.message),
    firstSeenAt: previous?.firstSeenAt ?? now,
    lastSeenAt: now,
    statusChangedAt: previous && previous.status === status ? previous.statusChangedAt : now,
    lastScanId: scanId,
  } satisfies Partial<StoredFinding>;
  const withWorkflow = (
    workflow: WorkflowState,
    extra: Pick<StoredFinding, 'firstFailedAt' | 'resolution' | 'suppression'>,
  ): StoredFinding => {
    const state: StoredFinding = {
      ...base,
      workflow,
      workflowChangedAt: previous && previous.workflow === workflow ? previous.workflowChangedAt : now,
    };
    if (extra.firstFailedAt) state.firstFailedAt = extra.firstFailedAt;
    if (extra.resolution) state.resolution = extra.resolution;
    if (extra.suppression) state.suppression = extra.suppression;
    return state;
  };
  const from = previous?.workflow;

  if (status === 'PASS') {
    const state = withWorkflow('RESOLVED', { firstFailedAt: previous?.firstFailedAt, resolution: 'PASSED' });
    const wasFailing = from !== undefined && from !== 'RESOLVED';
    return wasFailing
      ? { state, transition: { kind: 'resolved', cause: 'passed', from, to: 'RESOLVED', finding } }
      : { state };
  }

  const firstFailedAt = previous?.firstFailedAt ?? now;
  if (suppression) {
    const state = withWorkflow('SUPPRESSED', { firstFailedAt, suppression });
    return from === 'SUPPRESSED'
      ? { state }
      : {
          state,
          transition: {
            kind: 'suppressed',
            cause: 'suppression-applied',
            ...(from && { from }),
            to: 'SUPPRESSED',
            finding,
          },
        };
  }
  if (!from) {
    const state = withWorkflow('NEW', { firstFailedAt });
    return { state, transition: { kind: 'new', cause: 'first-failure', to: 'NEW', finding } };
  }
  if (OPEN_WORKFLOW_STATES.has(from)) return { state: withWorkflow('ACTIVE', { firstFailedAt }) };
  if (from === 'SUPPRESSED') {
    // Decision: a failing finding whose suppression lapsed (expired or removed) becomes NEW. The
    // team accepted the risk and was never alerted while it was suppressed, so it needs triage
    // again exactly like a first failure. REGRESSED stays reserved for "was fixed, broke again".
    const state = withWorkflow('NEW', { firstFailedAt });
    const lapsed = previous?.suppression;
    const expiry = lapsed && suppressionExpiry(lapsed);
    return {
      state,
      transition: {
        kind: 'new',
        cause: 'suppression-lapsed',
        from,
        to: 'NEW',
        finding,
        ...(lapsed && {
          lapsed: { suppression: lapsed, reason: expiry && expiry.getTime() <= at.getTime() ? 'expired' : 'removed' },
        }),
      },
    };
  }
  // RESOLVED: REGRESSED if it had failed before, NEW if it had only ever passed.
  if (previous?.firstFailedAt) {
    const state = withWorkflow('REGRESSED', { firstFailedAt });
    return { state, transition: { kind: 'regressed', cause: 'failed-again', from, to: 'REGRESSED', finding } };
  }
  const state = withWorkflow('NEW', { firstFailedAt });
  return { state, transition: { kind: 'new', cause: 'first-failure', from, to: 'NEW', finding } };
}

/** The stored state of a finding whose resource this run no longer reports. */
function resolveGone(previous: StoredFinding, now: string, scanId: string): StoredFinding {
  const { suppression: _dropped, ...rest } = previous;
  return { ...rest, workflow: 'RESOLVED', workflowChangedAt: now, resolution: 'GONE', lastScanId: scanId };
}

/** Fields that only record when the state was last written; everything else is a change worth a write. */
const WRITE_BOOKKEEPING: ReadonlySet<string> = new Set(['lastSeenAt', 'lastScanId']);

/** Every stored field but the bookkeeping ones, from the schema: a field added later is compared too. */
const COMPARED_FIELDS = (Object.keys(storedFindingSchema.shape) as (keyof StoredFinding)[]).filter(
  (key) => !WRITE_BOOKKEEPING.has(key),
);

/** JSON with sorted keys and without undefined values: equal for equal values, whatever their origin. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const sameValue = (a: unknown, b: unknown): boolean =>
  a === b || (typeof a === 'object' && typeof b === 'object' && canonical(a) === canonical(b));

/**
 * Whether a state must be written because it differs from the stored one in anything but `lastSeenAt` / `lastScanId`.
 * NEW → ACTIVE (still failing on the next run) is not such a difference: it is what every open finding does on its
 * second run, it makes no transition, and writing it would rewrite every failure once. It rides along with the
 * state's next write (a real change or its refresh); until then the stored NEW reads as ACTIVE once a later scan
 * observed it (`storedWorkflow` in `items.ts`).
 */
export function stateChanged(previous: StoredFinding, next: StoredFinding): boolean {
  const softActive = previous.workflow === 'NEW' && next.workflow === 'ACTIVE';
  return COMPARED_FIELDS.some((field) => {
    if (softActive && (field === 'workflow' || field === 'workflowChangedAt')) return false;
    return !sameValue(previous[field], next[field]);
  });
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** FNV-1a of the finding id as a fraction in [0, 1): the finding's own day in the refresh cycle. */
function refreshPhase(findingId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < findingId.length; i += 1) {
    hash ^= findingId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // murmur3's finaliser: FNV-1a alone barely moves the high bits for ids differing in their last characters.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35) >>> 0;
  hash ^= hash >>> 16;
  return (hash >>> 0) / 2 ** 32;
}

/**
 * Whether an unchanged state is due for a `lastSeenAt` refresh at `now`: time is cut into cycles of `days`, shifted
 * per finding, and a state is refreshed the first run after it crossed into a new cycle. So each state is rewritten at
 * most once per cycle and never goes more than `days` without one, and the refreshes of states first written together
 * spread over the days of the cycle instead of all landing on the same night.
 */
export function refreshDue(state: Pick<StoredFinding, 'id' | 'lastSeenAt'>, now: Date, days: number): boolean {
  const cycle = days * DAY_MS;
  const shift = refreshPhase(state.id) * cycle;
  const last = new Date(state.lastSeenAt).getTime();
  if (!Number.isFinite(last)) return true;
  return Math.floor((now.getTime() + shift) / cycle) > Math.floor((last + shift) / cycle);
}

/**
 * Computes the lifecycle of one run: the previous stored states and this run's findings (suppressions already
 * stamped on them by the engine) in, the new states, the transitions and the counts out. Pure.
 *
 * Scope rules (only what this run could have seen changes):
 * - a stored finding this run does not report is RESOLVED (`GONE`) only when its check ran, its
 *   region was scanned (or it is global) and no ERROR of that check covers it: an ERROR for the
 *   account, for its region (a regional error also covers global findings, as in the engine),
 *   or for the resource itself. Otherwise it is kept unchanged (`kept`);
 * - checks not selected in this run and regions not scanned keep their findings unchanged, and so do global
 *   findings when the run is a region shard without the global scope (`scan.globalScope === false`);
 * - ERROR results are never stored and never change a stored state;
 * - PASS → RESOLVED (`PASSED`); suppressions apply to failing findings only;
 * - a lapsed suppression on a still failing finding makes it NEW again (it alerts).
 *
 * Writes (`writes`): a state is written when it is new, when anything but `lastSeenAt`/`lastScanId` changed, or when
 * its `lastSeenAt` is due for a refresh (`refreshDue`); an unchanged run writes almost nothing. Under
 * `passResults: 'count'` a PASS with no stored state is not written either (a PASS of a finding that failed before is:
 * that is how RESOLVED is detected), and a stored state that never failed is not refreshed, so it expires.
 *
 * @example
 * const { states, transitions, summary } = computeLifecycle({ previous, report, now: new Date() });
 */
export function computeLifecycle(input: LifecycleInput): LifecycleResult {
  const now = input.now.toISOString();
  const scanId = input.report.scan.id;
  const passResults = input.options?.passResults ?? 'store';
  const refreshDays = input.options?.lastSeenRefreshDays ?? DEFAULT_LAST_SEEN_REFRESH_DAYS;
  const previousById = new Map(input.previous.map((state) => [state.id, state]));
  const states: StoredFinding[] = [];
  const writes: StoredFinding[] = [];
  const transitions: Transition[] = [];
  let unchanged = 0;
  let passesNotStored = 0;

  const observed = dedupe(input.report.findings);
  const observedIds = new Set(observed.map((f) => f.id));
  for (const finding of observed) {
    const previous = previousById.get(finding.id);
    const result = observe(previous, finding, input.now, scanId);
    states.push(result.state);
    if (result.transition) transitions.push({ ...result.transition, state: result.state, at: now, scanId });
    if (!previous) {
      if (passResults === 'count' && result.state.status === 'PASS') passesNotStored += 1;
      else writes.push(result.state);
    } else if (result.transition || stateChanged(previous, result.state)) {
      writes.push(result.state);
    } else if (
      refreshDue(previous, input.now, refreshDays) &&
      // Under `count`, a state that never failed is a leftover of `store`: let its TTL run out.
      !(passResults === 'count' && result.state.status === 'PASS' && !result.state.firstFailedAt)
    ) {
      writes.push(result.state);
    } else {
      unchanged += 1;
    }
  }

  const scope = runScope(input.report);
  let kept = 0;
  let keptOpen = 0;
  for (const previous of input.previous) {
    if (observedIds.has(previous.id)) continue;
    const inScope = scopeVerdict(scope, previous) === 'covered';
    if (!inScope) {
      kept += 1;
      if (OPEN_WORKFLOW_STATES.has(previous.workflow) && previous.status === 'FAIL') keptOpen += 1;
      continue;
    }
    // Already resolved: nothing changes, and its TTL (set from lastSeenAt) keeps running.
    if (previous.workflow === 'RESOLVED') continue;
    const state = resolveGone(previous, now, scanId);
    states.push(state);
    writes.push(state);
    transitions.push({
      kind: 'resolved',
      cause: 'gone',
      from: previous.workflow,
      to: 'RESOLVED',
      at: now,
      scanId,
      state,
    });
  }

  const countTransitions = (kind: TransitionKind) => transitions.filter((t) => t.kind === kind).length;
  const observedStates = states.filter((s) => observedIds.has(s.id));
  const summary: LifecycleSummary = {
    new: countTransitions('new'),
    active: observedStates.filter((s) => s.workflow === 'ACTIVE').length,
    regressed: countTransitions('regressed'),
    resolved: countTransitions('resolved'),
    suppressed: observedStates.filter((s) => s.workflow === 'SUPPRESSED').length,
    passing:
      observedStates.filter((s) => s.status === 'PASS').length - transitions.filter((t) => t.cause === 'passed').length,
    kept,
    open: states.filter((s) => OPEN_WORKFLOW_STATES.has(s.workflow)).length + keptOpen,
    written: writes.length,
    unchanged,
    passesNotStored,
  };
  return { states, writes, transitions, summary };
}

import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { CollectionIssue } from '../collectors/types.js';
import { describeIssues } from '../config/config-file.js';
import { servicesNotChecked } from '../coverage/service-coverage.js';
import { GLOBAL_REGION } from '../inventory/index.js';
import { FindingsStoreError } from '../model/errors.js';
import { redactSecrets } from '../secrets/index.js';
import { severityRank } from '../srm/vocabulary.js';
import {
  erroredScopes,
  isProtected,
  type LifecycleSummary,
  OPEN_WORKFLOW_STATES,
  type PassResults,
  type StoredFinding,
  storedFindingSchema,
  type Transition,
} from './lifecycle.js';
import type { ScanReport } from './model.js';
import { FINDINGS_TABLE_SCHEMA } from './table-schema.js';

/**
 * Item layout of the findings table (key names in `table-schema.ts`). Every key starts with the
 * scanned account, so one table serves many accounts.
 *
 * | item | pk | sk | gsi1pk / gsi1sk (`open-findings`) | ttl |
 * |---|---|---|---|---|
 * | finding (current state) | `ACCOUNT#<account>#FINDING#<shard>` | `<checkId>#<findingId>` | open FAILs only: `ACCOUNT#<account>#OPEN#<rank>-<severity>` / `<srmClass>#<obligation>#<checkId>#<findingId>` | RESOLVED only: lastSeenAt + historyTtlDays |
 * | transition (history) | `ACCOUNT#<account>#HISTORY#<shard>` | `<findingId>#<at>` | – | at + historyTtlDays |
 * | scan summary (history) | `ACCOUNT#<account>#SCAN` | `<startedAt>#<scanId>` | – | startedAt + historyTtlDays |
 *
 * A scan summary records the run's scope (`checks[]` with per-check PASS/FAIL/ERROR counts, `regions`,
 * `erroredScopes`), its lifecycle counts (`written`, `unchanged`, `passesNotStored` included) and `passResults`.
 *
 * `<shard>` is one hex digit derived from the finding id: one account's findings spread over 16
 * partitions (16 × 1,000 WCU/s, above a new on-demand table's 4,000 WCU/s), and the previous
 * states are read back with 16 parallel Queries — no Scan of other accounts, no GetItem per finding.
 * Every key (index keys included) starts with `ACCOUNT#<account>#`: an organisation's accounts
 * share the table but never a partition, and a reader of one account never reads another's items.
 *
 * Unchanged states are not rewritten by every run (see `computeLifecycle`): a finding's
 * `lastSeenAt` is the latest run that wrote it (at most `lastSeenRefreshDays` old while it is
 * still observed). The exact last observation comes from the scan summaries: each records the
 * checks that ran, the regions scanned and the scopes that errored (`erroredScopes`), and
 * `lastObservedAt(state, scans)` picks the newest summary covering the finding. A stored finding
 * that a covering run did not report would have been resolved (`GONE`) by that run, so "covered"
 * means "observed".
 */
export const FINDING_SHARDS = 16;

/** Default retention of resolved findings, transitions and scan summaries. */
export const DEFAULT_HISTORY_TTL_DAYS = 90;

/** DynamoDB's BatchWriteItem limit. */
export const BATCH_WRITE_LIMIT = 25;

const { partitionKey: PK, sortKey: SK, ttlAttribute: TTL, openFindingsIndex } = FINDINGS_TABLE_SCHEMA;
const GSI_PK = openFindingsIndex.partitionKey;
const GSI_SK = openFindingsIndex.sortKey;

export type ItemType = 'FINDING' | 'TRANSITION' | 'SCAN';
export type Item = Record<string, AttributeValue>;

/** FNV-1a: a stable, format-independent spread of finding ids over the shards. */
export function shardOf(findingId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < findingId.length; i += 1) {
    hash ^= findingId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash % FINDING_SHARDS).toString(16);
}

/** Key builders, for the store and for anyone querying the table (README, CLI). */
export const findingKeys = {
  findingPartition: (accountId: string, shard: string) => `ACCOUNT#${accountId}#FINDING#${shard}`,
  finding: (accountId: string, state: Pick<StoredFinding, 'id' | 'checkId'>) => ({
    [PK]: findingKeys.findingPartition(accountId, shardOf(state.id)),
    [SK]: `${state.checkId}#${state.id}`,
  }),
  history: (accountId: string, findingId: string, at: string) => ({
    [PK]: `ACCOUNT#${accountId}#HISTORY#${shardOf(findingId)}`,
    [SK]: `${findingId}#${at}`,
  }),
  scanPartition: (accountId: string) => `ACCOUNT#${accountId}#SCAN`,
  scan: (accountId: string, startedAt: string, scanId: string) => ({
    [PK]: findingKeys.scanPartition(accountId),
    [SK]: `${startedAt}#${scanId}`,
  }),
  /** `open-findings` partition of one severity: Query it to list open FAILs, optionally `begins_with(gsi1sk, '<srmClass>#')`. */
  openPartition: (accountId: string, severity: StoredFinding['severity']) =>
    `ACCOUNT#${accountId}#OPEN#${severityRank(severity)}-${severity}`,
  open: (accountId: string, state: StoredFinding) => ({
    [GSI_PK]: findingKeys.openPartition(accountId, state.severity),
    [GSI_SK]: `${state.srmClass}#${state.obligation}#${state.checkId}#${state.id}`,
  }),
};

const epochSeconds = (iso: string, days: number): number =>
  Math.floor(new Date(iso).getTime() / 1000) + Math.round(days * 24 * 60 * 60);

/** An open failing finding: FAIL and NEW, ACTIVE or REGRESSED (what the `open-findings` index lists). */
export const isOpen = (state: StoredFinding): boolean =>
  state.status === 'FAIL' && OPEN_WORKFLOW_STATES.has(state.workflow);

/**
 * The current-state item of a finding. Open FAILs get the sparse `open-findings` keys; RESOLVED
 * findings get a TTL from `lastSeenAt`, so a fixed finding refreshed by every run stays while a
 * vanished one expires `historyTtlDays` after it was last seen. Open and suppressed findings never expire.
 */
export function findingItem(accountId: string, state: StoredFinding, historyTtlDays: number): Item {
  return marshall(
    {
      ...findingKeys.finding(accountId, state),
      type: 'FINDING' satisfies ItemType,
      ...state,
      message: redactSecrets(state.message),
      ...(isOpen(state) && findingKeys.open(accountId, state)),
      ...(state.workflow === 'RESOLVED' && { [TTL]: epochSeconds(state.lastSeenAt, historyTtlDays) }),
    },
    { removeUndefinedValues: true },
  );
}

/** A history item recording one transition; expires after `historyTtlDays`. */
export function transitionItem(accountId: string, transition: Transition, historyTtlDays: number): Item {
  const { state } = transition;
  return marshall(
    {
      ...findingKeys.history(accountId, state.id, transition.at),
      type: 'TRANSITION' satisfies ItemType,
      findingId: state.id,
      checkId: state.checkId,
      resourceArn: state.resourceArn,
      region: state.region,
      severity: state.severity,
      kind: transition.kind,
      cause: transition.cause,
      from: transition.from,
      to: transition.to,
      status: state.status,
      message: redactSecrets(state.message),
      scanId: transition.scanId,
      at: transition.at,
      [TTL]: epochSeconds(transition.at, historyTtlDays),
    },
    { removeUndefinedValues: true },
  );
}

/** Collection issues kept in a scan summary item; the count is always kept. */
const SUMMARY_ISSUE_LIMIT = 100;

export interface ScanRecordExtras {
  lifecycle: LifecycleSummary;
  alert?: { published: boolean; subject?: string; messageId?: string; reason: string };
  /** What the table keeps of PASS results in this run; default `store`. */
  passResults?: PassResults;
}

/** Finding ids of resource-level errors kept per check in a scan summary; past it the whole check counts as errored. */
const ERRORED_IDS_LIMIT = 100;

/** Where one check of a run could not decide anything, as the scan summary records it. */
export interface ErroredScopeRecord {
  checkId: string;
  /** The check errored for the whole account. */
  account: boolean;
  regions: string[];
  /** Findings whose own evaluation errored. */
  findingIds: string[];
  /** More findings errored than `findingIds` lists: readers treat the whole check as errored. */
  truncated?: boolean;
}

/** The scope a run observed: what `lastObservedAt` needs from a scan summary. */
export interface ScanScope {
  scanId: string;
  startedAt: string;
  checkIds: readonly string[];
  regions: readonly string[];
  erroredScopes: readonly ErroredScopeRecord[];
}

function erroredScopeRecords(report: ScanReport): ErroredScopeRecord[] {
  return [...erroredScopes(report.findings)].map(([checkId, scopes]) => ({
    checkId,
    account: scopes.account,
    regions: [...scopes.regions].sort(),
    findingIds: [...scopes.findingIds].slice(0, ERRORED_IDS_LIMIT),
    ...(scopes.findingIds.size > ERRORED_IDS_LIMIT && { truncated: true }),
  }));
}

/** Whether a run with this scope observed the finding: its check ran, its region was scanned and no error covered it. */
export function scopeCovers(scope: ScanScope, state: Pick<StoredFinding, 'id' | 'checkId' | 'region'>): boolean {
  if (!scope.checkIds.includes(state.checkId)) return false;
  if (state.region !== GLOBAL_REGION && !scope.regions.includes(state.region)) return false;
  const errored = scope.erroredScopes.find((e) => e.checkId === state.checkId);
  if (!errored) return true;
  if (errored.truncated) return false;
  return !isProtected(state, {
    account: errored.account,
    regions: new Set(errored.regions),
    findingIds: new Set(errored.findingIds),
  });
}

/**
 * The workflow a reader should show for a stored state: a stored NEW that a later scan observed is ACTIVE (the store
 * does not rewrite a finding only to move it from NEW to ACTIVE). `lastObserved` is `lastObservedAt(state, scans)`.
 */
export function storedWorkflow(state: StoredFinding, lastObserved: string): StoredFinding['workflow'] {
  return state.workflow === 'NEW' && lastObserved > state.workflowChangedAt ? 'ACTIVE' : state.workflow;
}

/**
 * When a stored finding was last observed: its `lastSeenAt`, or the start of a newer scan whose scope covers it
 * (a covering scan either reported it or resolved it). RESOLVED-as-GONE findings were last seen at `lastSeenAt`.
 */
export function lastObservedAt(state: StoredFinding, scans: readonly ScanScope[]): string {
  if (state.resolution === 'GONE') return state.lastSeenAt;
  let latest = state.lastSeenAt;
  for (const scan of scans) {
    if (scan.startedAt > latest && scopeCovers(scan, state)) latest = scan.startedAt;
  }
  return latest;
}

/** The per-run summary item (history): what ran, counts, lifecycle, alert outcome. */
export function scanItem(report: ScanReport, extras: ScanRecordExtras, historyTtlDays: number): Item {
  const { scan } = report;
  const issues: readonly CollectionIssue[] = scan.collectionIssues;
  return marshall(
    {
      ...findingKeys.scan(scan.accountId, scan.startedAt, scan.id),
      type: 'SCAN' satisfies ItemType,
      scanId: scan.id,
      toolVersion: scan.toolVersion,
      accountId: scan.accountId,
      startedAt: scan.startedAt,
      finishedAt: scan.finishedAt,
      regions: [...scan.regions],
      apiCalls: scan.apiCalls,
      // Per-check counts, PASS included: the only record of passes under `passResults: 'count'`.
      checks: scan.checks.map((c) => ({ ...c })),
      erroredScopes: erroredScopeRecords(report),
      passResults: extras.passResults ?? 'store',
      totals: scan.totals,
      coverage: scan.coverage,
      ...(report.coverage && {
        serviceCoverage: report.coverage.services.map((s) => ({ service: s.service, state: s.state })),
        servicesNotChecked: servicesNotChecked(report.coverage),
      }),
      suppressionProblemCount: scan.suppressionProblems.length,
      lifecycle: extras.lifecycle,
      ...(extras.alert && { alert: extras.alert }),
      collectionIssueCount: issues.length,
      collectionIssues: issues.slice(0, SUMMARY_ISSUE_LIMIT).map((i) => ({ ...i, message: redactSecrets(i.message) })),
      [TTL]: epochSeconds(scan.startedAt, historyTtlDays),
    },
    { removeUndefinedValues: true },
  );
}

/**
 * The scope of a scan summary item. Items written before `erroredScopes` existed only count errors per check: a check
 * with any error is then taken as errored everywhere (never claims an observation it cannot prove).
 */
export function parseScanScope(item: Item): ScanScope {
  const raw = unmarshall(item) as Record<string, unknown>;
  const checks = Array.isArray(raw.checks) ? (raw.checks as { checkId?: unknown; errored?: unknown }[]) : [];
  const erroredScopes = Array.isArray(raw.erroredScopes)
    ? (raw.erroredScopes as ErroredScopeRecord[])
    : checks
        .filter((c) => Number(c.errored) > 0)
        .map((c) => ({ checkId: String(c.checkId), account: true, regions: [], findingIds: [], truncated: true }));
  return {
    scanId: String(raw.scanId),
    startedAt: String(raw.startedAt),
    checkIds: checks.map((c) => String(c.checkId)),
    regions: Array.isArray(raw.regions) ? raw.regions.map(String) : [],
    erroredScopes,
  };
}

/** Reads a finding item back; a corrupt item is an error naming its key, never silently dropped. */
export function parseFindingItem(item: Item): StoredFinding {
  const raw = unmarshall(item);
  const parsed = storedFindingSchema.safeParse(raw);
  if (!parsed.success) {
    throw new FindingsStoreError(
      `Finding item ${String(raw[PK])} / ${String(raw[SK])} does not match the stored finding layout: ${describeIssues(parsed.error)}`,
      { cause: parsed.error },
    );
  }
  return parsed.data;
}

/**
 * Size of an item as DynamoDB bills it: attribute name bytes plus value bytes (UTF-8 strings,
 * numbers about one byte per two significant digits plus one, 3 bytes of overhead per list or map
 * plus 1 per element).
 */
export function itemSize(item: Item): number {
  let size = 0;
  for (const [name, value] of Object.entries(item)) size += Buffer.byteLength(name, 'utf8') + valueSize(value);
  return size;
}

function numberSize(n: string): number {
  const digits = n.replace(/^-/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.ceil(Math.max(1, digits.length) / 2) + 1;
}

function valueSize(value: AttributeValue): number {
  if (value.S !== undefined) return Buffer.byteLength(value.S, 'utf8');
  if (value.N !== undefined) return numberSize(value.N);
  if (value.B !== undefined) return value.B.byteLength;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS !== undefined) return value.SS.reduce((sum, s) => sum + Buffer.byteLength(s, 'utf8'), 0);
  if (value.NS !== undefined) return value.NS.reduce((sum, n) => sum + numberSize(n), 0);
  if (value.BS !== undefined) return value.BS.reduce((sum, b) => sum + b.byteLength, 0);
  if (value.L !== undefined) return 3 + value.L.reduce((sum, v) => sum + 1 + valueSize(v), 0);
  if (value.M !== undefined) return 3 + Object.values(value.M).length + itemSize(value.M);
  return 0;
}

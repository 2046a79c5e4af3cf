import {
  type AttributeValue,
  BatchWriteItemCommand,
  type BatchWriteItemCommandOutput,
  DynamoDBClient,
  QueryCommand,
  type QueryCommandOutput,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import pLimit from 'p-limit';
import { z } from 'zod';
import type { AwsClients } from '../aws/clients.js';
import type { CollectionIssue } from '../collectors/types.js';
import { FindingsStoreError } from '../model/errors.js';
import { OBLIGATIONS, SEVERITIES, SRM_CLASSES, severityRank } from '../model/types.js';
import { redactSecrets } from '../secrets/index.js';
import {
  type LifecycleSummary,
  OPEN_WORKFLOW_STATES,
  type StoredFinding,
  type Transition,
  WORKFLOW_STATES,
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
 * `<shard>` is one hex digit derived from the finding id: one account's findings spread over 16
 * partitions (16 × 1,000 WCU/s, above a new on-demand table's 4,000 WCU/s), and the previous
 * states are read back with 16 parallel Queries — no Scan of other accounts, no GetItem per finding.
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
  scan: (accountId: string, startedAt: string, scanId: string) => ({
    [PK]: `ACCOUNT#${accountId}#SCAN`,
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
}

const countBy = <T>(items: readonly T[], key: (item: T) => string): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
};

/** The per-run summary item (history): what ran, counts, lifecycle, alert outcome. */
export function scanItem(report: ScanReport, extras: ScanRecordExtras, historyTtlDays: number): Item {
  const { scan, findings } = report;
  const failing = findings.filter((f) => f.status === 'FAIL');
  const issues: readonly CollectionIssue[] = scan.collectionIssues;
  return marshall(
    {
      ...findingKeys.scan(scan.accountId, scan.startedAt, scan.id),
      type: 'SCAN' satisfies ItemType,
      scanId: scan.id,
      accountId: scan.accountId,
      startedAt: scan.startedAt,
      finishedAt: scan.finishedAt,
      regions: [...scan.regions],
      apiCalls: scan.apiCalls,
      checks: scan.checks.map((c) => ({ ...c })),
      byStatus: countBy(findings, (f) => f.status),
      failedBySeverity: countBy(failing, (f) => f.severity),
      failedBySrmClass: countBy(failing, (f) => f.srmClass),
      lifecycle: extras.lifecycle,
      ...(extras.alert && { alert: extras.alert }),
      collectionIssueCount: issues.length,
      collectionIssues: issues.slice(0, SUMMARY_ISSUE_LIMIT).map((i) => ({ ...i, message: redactSecrets(i.message) })),
      [TTL]: epochSeconds(scan.startedAt, historyTtlDays),
    },
    { removeUndefinedValues: true },
  );
}

const storedFindingSchema = z.object({
  id: z.string().min(1),
  accountId: z.string(),
  checkId: z.string().min(1),
  title: z.string(),
  severity: z.enum(SEVERITIES),
  srmClass: z.enum(SRM_CLASSES),
  obligation: z.enum(OBLIGATIONS),
  service: z.string(),
  resourceType: z.string(),
  resourceId: z.string(),
  resourceArn: z.string().min(1),
  region: z.string().min(1),
  status: z.enum(['PASS', 'FAIL']),
  message: z.string(),
  workflow: z.enum(WORKFLOW_STATES),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  statusChangedAt: z.string(),
  workflowChangedAt: z.string(),
  firstFailedAt: z.string().optional(),
  resolution: z.enum(['PASSED', 'GONE']).optional(),
  suppression: z
    .object({
      index: z.number(),
      checkId: z.string(),
      resource: z.string(),
      reason: z.string(),
      owner: z.string().optional(),
      expiresAt: z.string().optional(),
    })
    .optional(),
  lastScanId: z.string(),
});

/** Reads a finding item back; a corrupt item is an error naming its key, never silently dropped. */
export function parseFindingItem(item: Item): StoredFinding {
  const raw = unmarshall(item);
  const parsed = storedFindingSchema.safeParse(raw);
  if (!parsed.success) {
    throw new FindingsStoreError(
      `Finding item ${String(raw[PK])} / ${String(raw[SK])} does not match the stored finding layout: ${parsed.error.issues
        .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
        .join('; ')}`,
      { cause: parsed.error },
    );
  }
  const { data } = parsed;
  const state: StoredFinding = {
    ...data,
    ...(data.suppression && {
      suppression: {
        index: data.suppression.index,
        checkId: data.suppression.checkId,
        resource: data.suppression.resource,
        reason: data.suppression.reason,
        ...(data.suppression.owner && { owner: data.suppression.owner }),
        ...(data.suppression.expiresAt && { expiresAt: data.suppression.expiresAt }),
      },
    }),
  };
  return state;
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

/** What a write cost: items, their billed size, the write units they consumed and how hard it was. */
export interface WriteStats {
  items: number;
  bytes: number;
  /** One per started KB of each item (standard table class). */
  writeUnits: number;
  /** BatchWriteItem requests sent, re-sends of unprocessed items included. */
  requests: number;
  /** Items DynamoDB returned as unprocessed and that were sent again. */
  retriedItems: number;
}

/**
 * Retry policy for `UnprocessedItems`: exponential backoff with "equal jitter" (half the delay
 * fixed, half random) so concurrent writers spread out yet always back off; up to `maxAttempts`
 * sends per batch of 25. Errors the SDK throws (throttling included) are retried by the client's
 * own retry strategy first; once it gives up, the store stops and reports what was not written.
 */
export interface RetryPolicy {
  /** Sends per batch, the first included. Default 12. */
  maxAttempts: number;
  /** Delay before the first re-send, ms. Default 100. */
  baseDelayMs: number;
  /** Longest delay, ms. Default 10,000. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 12, baseDelayMs: 100, maxDelayMs: 10_000 };

/** Backoff before re-send number `retry` (1-based). */
export function backoffDelay(policy: RetryPolicy, retry: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return ceiling / 2 + random() * (ceiling / 2);
}

export interface FindingsStoreOptions {
  client: DynamoDBClient;
  tableName: string;
  historyTtlDays?: number;
  retry?: Partial<RetryPolicy>;
  /** BatchWriteItem requests in flight at once. Default 8. */
  concurrency?: number;
  /** Injected in tests to make backoff instant. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface RunRecord {
  report: ScanReport;
  states: readonly StoredFinding[];
  transitions: readonly Transition[];
  lifecycle: LifecycleSummary;
  alert?: ScanRecordExtras['alert'];
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const describeError = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

/** The DynamoDB findings table: reads an account's current states, writes a run in batches. */
export class FindingsStore {
  readonly tableName: string;
  readonly historyTtlDays: number;
  readonly #client: DynamoDBClient;
  readonly #retry: RetryPolicy;
  readonly #concurrency: number;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #random: () => number;

  constructor(options: FindingsStoreOptions) {
    this.tableName = options.tableName;
    this.historyTtlDays = options.historyTtlDays ?? DEFAULT_HISTORY_TTL_DAYS;
    this.#client = options.client;
    this.#retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.#concurrency = options.concurrency ?? 8;
    this.#sleep = options.sleep ?? defaultSleep;
    this.#random = options.random ?? Math.random;
  }

  /** A store whose DynamoDB client comes from the shared factory (so its calls are counted). */
  static fromClients(
    clients: AwsClients,
    options: { tableName: string; region: string; historyTtlDays?: number } & Omit<
      FindingsStoreOptions,
      'client' | 'tableName' | 'historyTtlDays'
    >,
  ): FindingsStore {
    const { region, ...rest } = options;
    return new FindingsStore({ ...rest, client: clients.get(DynamoDBClient, region) });
  }

  /**
   * The current states of one account's findings: one paginated, strongly consistent Query per
   * shard, all shards in parallel. Items past their TTL that DynamoDB has not deleted yet
   * (deletion lags up to a few days) are left out, as if gone.
   */
  async loadCurrent(accountId: string, now: Date): Promise<StoredFinding[]> {
    const nowSeconds = Math.floor(now.getTime() / 1000);
    const shards = Array.from({ length: FINDING_SHARDS }, (_, i) => i.toString(16));
    const pages = await Promise.all(shards.map((shard) => this.#queryPartition(accountId, shard)));
    return pages
      .flat()
      .filter((item) => {
        const ttl = item[TTL]?.N;
        return ttl === undefined || Number(ttl) > nowSeconds;
      })
      .map(parseFindingItem);
  }

  async #queryPartition(accountId: string, shard: string): Promise<Item[]> {
    const items: Item[] = [];
    let startKey: Item | undefined;
    const partition = findingKeys.findingPartition(accountId, shard);
    do {
      let page: QueryCommandOutput;
      try {
        page = await this.#client.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: '#pk = :pk',
            ExpressionAttributeNames: { '#pk': PK },
            ExpressionAttributeValues: { ':pk': { S: partition } },
            ConsistentRead: true,
            ...(startKey && { ExclusiveStartKey: startKey }),
          }),
        );
      } catch (error) {
        throw new FindingsStoreError(
          `Could not read the previous findings of account ${accountId} from table ${this.tableName} (partition ${partition}): ${describeError(error)}`,
          { cause: error },
        );
      }
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return items;
  }

  /**
   * Writes one run: finding states and transitions first, then the scan summary item, so a summary
   * exists only for a run whose findings were all stored.
   */
  async saveRun(record: RunRecord): Promise<WriteStats> {
    const accountId = record.report.scan.accountId;
    const items = [
      ...record.states.map((s) => findingItem(accountId, s, this.historyTtlDays)),
      ...record.transitions.map((t) => transitionItem(accountId, t, this.historyTtlDays)),
    ];
    const body = await this.writeItems(items);
    const summary = await this.writeItems([
      scanItem(
        record.report,
        { lifecycle: record.lifecycle, ...(record.alert && { alert: record.alert }) },
        this.historyTtlDays,
      ),
    ]);
    return {
      items: body.items + summary.items,
      bytes: body.bytes + summary.bytes,
      writeUnits: body.writeUnits + summary.writeUnits,
      requests: body.requests + summary.requests,
      retriedItems: body.retriedItems + summary.retriedItems,
    };
  }

  /**
   * Puts items with BatchWriteItem, 25 per request, several requests in flight. Unprocessed items
   * are re-sent with backoff until stored or `maxAttempts` is reached. Nothing is lost silently:
   * if any item could not be written, a `FindingsStoreError` says how many, after every other
   * batch has been tried (or, when a request fails outright, after the batches in flight settle).
   */
  async writeItems(items: readonly Item[]): Promise<WriteStats> {
    const stats: WriteStats = { items: 0, bytes: 0, writeUnits: 0, requests: 0, retriedItems: 0 };
    const batches: Item[][] = [];
    for (let i = 0; i < items.length; i += BATCH_WRITE_LIMIT) batches.push(items.slice(i, i + BATCH_WRITE_LIMIT));
    const limit = pLimit(this.#concurrency);
    let lost = 0;
    let gaveUp = 0;
    let failure: unknown;

    const writeBatch = async (batch: Item[]): Promise<void> => {
      if (failure !== undefined) {
        lost += batch.length;
        return;
      }
      let pending: WriteRequest[] = batch.map((item) => ({ PutRequest: { Item: item } }));
      for (let attempt = 1; pending.length > 0; attempt += 1) {
        if (attempt > 1) await this.#sleep(backoffDelay(this.#retry, attempt - 1, this.#random));
        let output: BatchWriteItemCommandOutput;
        try {
          stats.requests += 1;
          output = await this.#client.send(new BatchWriteItemCommand({ RequestItems: { [this.tableName]: pending } }));
        } catch (error) {
          failure ??= error;
          lost += pending.length;
          return;
        }
        const unprocessed = output.UnprocessedItems?.[this.tableName] ?? [];
        const stored = pending.length - unprocessed.length;
        stats.items += stored;
        pending = unprocessed;
        if (pending.length === 0) break;
        if (attempt >= this.#retry.maxAttempts) {
          gaveUp += pending.length;
          lost += pending.length;
          return;
        }
        stats.retriedItems += pending.length;
      }
    };

    await Promise.all(batches.map((batch) => limit(() => writeBatch(batch))));
    // Sizes are counted for what was stored; per-item attribution under retries is not worth tracking.
    if (lost === 0) {
      for (const item of items) {
        const size = itemSize(item);
        stats.bytes += size;
        stats.writeUnits += Math.max(1, Math.ceil(size / 1024));
      }
      return stats;
    }
    const reasons = [
      gaveUp > 0 &&
        `${gaveUp} still unprocessed after ${this.#retry.maxAttempts} attempts per batch (the table is throttling writes)`,
      failure !== undefined && `a BatchWriteItem request failed: ${describeError(failure)}`,
    ].filter(Boolean);
    throw new FindingsStoreError(
      `${lost} of ${items.length} items were not stored in table ${this.tableName}: ${reasons.join('; ')}. The next run recomputes the lifecycle from what was stored.`,
      { cause: failure },
    );
  }
}

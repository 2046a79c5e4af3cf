import {
  BatchWriteItemCommand,
  type BatchWriteItemCommandOutput,
  DynamoDBClient,
  QueryCommand,
  type QueryCommandOutput,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import pLimit from 'p-limit';
import { backoffCeiling, sleep as defaultSleep } from '../aws/backoff.js';
import { chunks } from '../aws/batches.js';
import { type AwsClients, describeAwsErrorText } from '../aws/clients.js';
import { FindingsStoreError } from '../model/errors.js';
import {
  BATCH_WRITE_LIMIT,
  DEFAULT_HISTORY_TTL_DAYS,
  FINDING_SHARDS,
  findingItem,
  findingKeys,
  type Item,
  itemSize,
  parseFindingItem,
  parseScanScope,
  type ScanRecordExtras,
  type ScanScope,
  scanItem,
  transitionItem,
} from './items.js';
import type { LifecycleSummary, PassResults, StoredFinding, Transition } from './lifecycle.js';
import type { ScanReport } from './model.js';
import { FINDINGS_TABLE_SCHEMA } from './table-schema.js';

const { partitionKey: PK, sortKey: SK, ttlAttribute: TTL, openFindingsIndex } = FINDINGS_TABLE_SCHEMA;

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

/** What one run wrote, by item type. */
export interface RunWriteStats extends WriteStats {
  /** Finding current-state items. */
  findings: number;
  /** Transition (history) items. */
  transitions: number;
  /** Scan summary items (1). */
  summaries: number;
}

/**
 * Default write budget of one store, in write units per second: a new on-demand table's warm
 * throughput (4,000 WCU/s). Runs that share a table at the same time (an organisation scan) should
 * split it: `4,000 / concurrent accounts`, or the table's warm throughput once raised.
 */
export const DEFAULT_WRITE_UNITS_PER_SECOND = 4_000;

/**
 * DynamoDB's write limit per partition key value, of the table and of each index alike: 1,000 WCU/s. The finding
 * and history partitions are sharded 16 ways, so only the `open-findings` index's partition of one account and
 * severity (every open FAIL of that severity, written together on a first run) can reach it; pacing it here keeps
 * the index from throttling, which would throttle the table's writes too.
 */
export const PARTITION_WRITE_UNITS_PER_SECOND = 1_000;

/** Write units of one item (standard table class): one per started KB. */
export const writeUnitsOf = (item: Item): number => Math.max(1, Math.ceil(itemSize(item) / 1024));

/**
 * A token bucket of write units, one second of burst. Tokens are taken synchronously and may go
 * negative: a caller then sleeps for its share of the debt, so concurrent batches queue up in
 * order and the average rate stays at `perSecond`, with no timer of its own.
 */
export class WriteBudget {
  readonly perSecond: number;
  #tokens: number;
  #last: number;
  readonly #now: () => number;
  readonly #sleep: (ms: number) => Promise<void>;

  constructor(perSecond: number, now: () => number, sleep: (ms: number) => Promise<void>) {
    this.perSecond = perSecond;
    this.#tokens = perSecond;
    this.#now = now;
    this.#last = now();
    this.#sleep = sleep;
  }

  /** Waits until `units` fit in the budget. Returns the delay, ms (0 when they fit at once). */
  async take(units: number): Promise<number> {
    const now = this.#now();
    this.#tokens = Math.min(this.perSecond, this.#tokens + ((now - this.#last) / 1000) * this.perSecond);
    this.#last = now;
    this.#tokens -= units;
    if (this.#tokens >= 0) return 0;
    const delay = (-this.#tokens / this.perSecond) * 1000;
    await this.#sleep(delay);
    return delay;
  }
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
  const ceiling = backoffCeiling(policy.baseDelayMs, retry, policy.maxDelayMs);
  return ceiling / 2 + random() * (ceiling / 2);
}

export interface FindingsStoreOptions {
  client: DynamoDBClient;
  tableName: string;
  historyTtlDays?: number;
  retry?: Partial<RetryPolicy>;
  /** BatchWriteItem requests in flight at once. Default 8. */
  concurrency?: number;
  /** Write units per second this store may consume (token bucket, 1 s burst). Default {@link DEFAULT_WRITE_UNITS_PER_SECOND}. */
  writeUnitsPerSecond?: number;
  /** Write units per second per partition key value (table and index). Default {@link PARTITION_WRITE_UNITS_PER_SECOND}. */
  partitionWriteUnitsPerSecond?: number;
  /** Injected in tests to make backoff instant. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Clock of the write budget, ms. Injected in tests. */
  now?: () => number;
}

export interface RunRecord {
  report: ScanReport;
  /** States to write: `computeLifecycle`'s `writes` (new, changed or refreshed), not every observed state. */
  states: readonly StoredFinding[];
  transitions: readonly Transition[];
  lifecycle: LifecycleSummary;
  alert?: ScanRecordExtras['alert'];
  passResults?: PassResults;
}

/** The DynamoDB findings table: reads an account's current states, writes a run in batches. */
export class FindingsStore {
  readonly tableName: string;
  readonly historyTtlDays: number;
  readonly #client: DynamoDBClient;
  readonly #retry: RetryPolicy;
  readonly #concurrency: number;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #random: () => number;
  readonly #budget: WriteBudget;
  readonly #partitionBudgets = new Map<string, WriteBudget>();
  readonly #partitionPerSecond: number;
  readonly #now: () => number;

  constructor(options: FindingsStoreOptions) {
    this.tableName = options.tableName;
    this.historyTtlDays = options.historyTtlDays ?? DEFAULT_HISTORY_TTL_DAYS;
    this.#client = options.client;
    this.#retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.#concurrency = options.concurrency ?? 8;
    this.#sleep = options.sleep ?? defaultSleep;
    this.#random = options.random ?? Math.random;
    const perSecond = options.writeUnitsPerSecond ?? DEFAULT_WRITE_UNITS_PER_SECOND;
    if (!(perSecond > 0)) {
      throw new FindingsStoreError(`writeUnitsPerSecond: must be a positive number, got ${perSecond}.`);
    }
    this.#now = options.now ?? Date.now;
    this.#budget = new WriteBudget(perSecond, this.#now, this.#sleep);
    this.#partitionPerSecond = options.partitionWriteUnitsPerSecond ?? PARTITION_WRITE_UNITS_PER_SECOND;
    if (!(this.#partitionPerSecond > 0)) {
      throw new FindingsStoreError(
        `partitionWriteUnitsPerSecond: must be a positive number, got ${this.#partitionPerSecond}.`,
      );
    }
  }

  /**
   * Waits until a batch fits both the store's budget and the budget of every partition it writes to (the table's
   * `pk` and, for open FAILs, the index's `gsi1pk`). The waits run side by side: the longest one decides.
   */
  async #pace(requests: readonly WriteRequest[]): Promise<void> {
    let total = 0;
    const byPartition = new Map<string, number>();
    for (const request of requests) {
      const item = request.PutRequest?.Item;
      const units = item ? writeUnitsOf(item) : 1;
      total += units;
      for (const key of [item?.[PK]?.S, item?.[openFindingsIndex.partitionKey]?.S]) {
        if (key !== undefined) byPartition.set(key, (byPartition.get(key) ?? 0) + units);
      }
    }
    const waits = [this.#budget.take(total)];
    for (const [key, units] of byPartition) {
      let budget = this.#partitionBudgets.get(key);
      if (!budget) {
        budget = new WriteBudget(this.#partitionPerSecond, this.#now, this.#sleep);
        this.#partitionBudgets.set(key, budget);
      }
      waits.push(budget.take(units));
    }
    await Promise.all(waits);
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

  /**
   * The scopes of one account's scan summaries started at or after `since` (ISO), oldest first: with
   * `lastObservedAt`, when each finding was last observed, although unchanged states are not rewritten.
   */
  async loadScanScopes(accountId: string, since: string): Promise<ScanScope[]> {
    const items = await this.#queryPartition(accountId, undefined, since);
    return items.map(parseScanScope);
  }

  async #queryPartition(accountId: string, shard: string | undefined, since?: string): Promise<Item[]> {
    const items: Item[] = [];
    let startKey: Item | undefined;
    const partition =
      shard === undefined ? findingKeys.scanPartition(accountId) : findingKeys.findingPartition(accountId, shard);
    const what = shard === undefined ? 'scan summaries' : 'previous findings';
    do {
      let page: QueryCommandOutput;
      try {
        page = await this.#client.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: since === undefined ? '#pk = :pk' : '#pk = :pk AND #sk >= :since',
            ExpressionAttributeNames: { '#pk': PK, ...(since !== undefined && { '#sk': SK }) },
            ExpressionAttributeValues: {
              ':pk': { S: partition },
              ...(since !== undefined && { ':since': { S: since } }),
            },
            ConsistentRead: true,
            ...(startKey && { ExclusiveStartKey: startKey }),
          }),
        );
      } catch (error) {
        throw new FindingsStoreError(
          `Could not read the ${what} of account ${accountId} from table ${this.tableName} (partition ${partition}): ${describeAwsErrorText(error)}`,
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
   * exists only for a run whose findings were all stored (readers take a summary's scope as observed).
   * Every state must belong to the scanned account: one account's run never writes another's keys.
   */
  async saveRun(record: RunRecord): Promise<RunWriteStats> {
    const accountId = record.report.scan.accountId;
    const foreign = [...record.states, ...record.transitions.map((t) => t.state)].filter(
      (s) => s.accountId !== accountId,
    );
    if (foreign.length > 0) {
      throw new FindingsStoreError(
        `Refusing to store ${foreign.length} finding state(s) of account ${foreign[0]?.accountId} in the run of account ${accountId}: each account's run writes only its own partitions.`,
      );
    }
    const items = [
      ...record.states.map((s) => findingItem(accountId, s, this.historyTtlDays)),
      ...record.transitions.map((t) => transitionItem(accountId, t, this.historyTtlDays)),
    ];
    const body = await this.writeItems(items);
    const summary = await this.writeItems([
      scanItem(
        record.report,
        {
          lifecycle: record.lifecycle,
          ...(record.alert && { alert: record.alert }),
          ...(record.passResults && { passResults: record.passResults }),
        },
        this.historyTtlDays,
      ),
    ]);
    return {
      findings: record.states.length,
      transitions: record.transitions.length,
      summaries: 1,
      items: body.items + summary.items,
      bytes: body.bytes + summary.bytes,
      writeUnits: body.writeUnits + summary.writeUnits,
      requests: body.requests + summary.requests,
      retriedItems: body.retriedItems + summary.retriedItems,
    };
  }

  /**
   * Puts items with BatchWriteItem, 25 per request, up to `concurrency` requests in flight, each
   * send (re-sends included) paced by the write budget. Unprocessed items
   * are re-sent with backoff until stored or `maxAttempts` is reached. Nothing is lost silently:
   * if any item could not be written, a `FindingsStoreError` says how many, after every other
   * batch has been tried (or, when a request fails outright, after the batches in flight settle).
   */
  async writeItems(items: readonly Item[]): Promise<WriteStats> {
    const stats: WriteStats = { items: 0, bytes: 0, writeUnits: 0, requests: 0, retriedItems: 0 };
    const batches = chunks(items, BATCH_WRITE_LIMIT);
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
        await this.#pace(pending);
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
        stats.bytes += itemSize(item);
        stats.writeUnits += writeUnitsOf(item);
      }
      return stats;
    }
    const reasons = [
      gaveUp > 0 &&
        `${gaveUp} still unprocessed after ${this.#retry.maxAttempts} attempts per batch (the table is throttling writes)`,
      failure !== undefined && `a BatchWriteItem request failed: ${describeAwsErrorText(failure)}`,
    ].filter(Boolean);
    throw new FindingsStoreError(
      `${lost} of ${items.length} items were not stored in table ${this.tableName}: ${reasons.join('; ')}. The next run recomputes the lifecycle from what was stored.`,
      { cause: failure },
    );
  }
}

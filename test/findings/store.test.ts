import {
  type AttributeValue,
  BatchWriteItemCommand,
  type BatchWriteItemCommandInput,
  DynamoDBClient,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BATCH_WRITE_LIMIT,
  FINDING_SHARDS,
  findingItem,
  itemSize,
  scanItem,
} from '../../lambdas/core/findings/items.js';
import { backoffDelay, DEFAULT_RETRY_POLICY, FindingsStore, WriteBudget } from '../../lambdas/core/findings/store.js';
import { FindingsStoreError } from '../../lambdas/core/model/errors.js';
import { ACCOUNT, CHECK_A, day, finding, report } from '../helpers/findings.js';
import { byArn, sampleStates } from '../helpers/stored-findings.js';

const TABLE = 'srm-scan-findings';
const dynamo = mockClient(DynamoDBClient);

const items = (n: number) => Array.from({ length: n }, (_, i) => marshall({ pk: `p${i}`, sk: `s${i}`, n: i }));

const newStore = (overrides: Partial<ConstructorParameters<typeof FindingsStore>[0]> = {}) => {
  const delays: number[] = [];
  const store = new FindingsStore({
    client: new DynamoDBClient({ region: 'us-east-1' }),
    tableName: TABLE,
    sleep: async (ms) => {
      delays.push(ms);
    },
    ...overrides,
  });
  return { store, delays };
};

const sentItems = (input: BatchWriteItemCommandInput) => input.RequestItems?.[TABLE] ?? [];

describe('Class: FindingsStore', () => {
  beforeEach(() => {
    dynamo.reset();
  });
  afterEach(() => {
    dynamo.reset();
  });

  it('writes items in BatchWriteItem requests of at most 25', async () => {
    // Prepare
    dynamo.on(BatchWriteItemCommand).resolves({ UnprocessedItems: {} });
    const { store } = newStore();

    // Act
    const stats = await store.writeItems(items(60));

    // Assess
    const sizes = dynamo.commandCalls(BatchWriteItemCommand).map((c) => sentItems(c.args[0].input).length);
    expect(sizes.sort((a, b) => b - a)).toEqual([25, 25, 10]);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(BATCH_WRITE_LIMIT);
    expect(stats).toMatchObject({ items: 60, requests: 3, retriedItems: 0 });
    expect(stats.bytes).toBe(items(60).reduce((sum, item) => sum + itemSize(item), 0));
    expect(stats.writeUnits).toBe(60);
  });

  it('re-sends UnprocessedItems with growing backoff until every item is stored', async () => {
    // Prepare
    let calls = 0;
    dynamo.on(BatchWriteItemCommand).callsFake((input: BatchWriteItemCommandInput) => {
      calls += 1;
      const sent = sentItems(input);
      // The first two answers leave all but one item unprocessed, as a throttled partition does.
      return { UnprocessedItems: calls <= 2 ? { [TABLE]: sent.slice(1) } : {} };
    });
    const { store, delays } = newStore({ random: () => 1 });
    const written = items(25);

    // Act
    const stats = await store.writeItems(written);

    // Assess
    const calls_ = dynamo.commandCalls(BatchWriteItemCommand).map((c) => sentItems(c.args[0].input).length);
    expect(calls_).toEqual([25, 24, 23]);
    const stored = new Set(
      dynamo
        .commandCalls(BatchWriteItemCommand)
        .flatMap((c, i, all) => {
          const sent = sentItems(c.args[0].input);
          return i === all.length - 1 ? sent : sent.slice(0, 1);
        })
        .map((r) => String(unmarshall(r.PutRequest?.Item ?? {}).pk)),
    );
    expect(stored.size).toBe(25);
    expect(stats).toMatchObject({ items: 25, requests: 3, retriedItems: 24 + 23 });
    expect(delays).toEqual([DEFAULT_RETRY_POLICY.baseDelayMs, DEFAULT_RETRY_POLICY.baseDelayMs * 2]);
  });

  it('gives up after the maximum attempts and names how many items were lost', async () => {
    // Prepare
    dynamo.on(BatchWriteItemCommand).callsFake((input: BatchWriteItemCommandInput) => {
      const sent = sentItems(input);
      const keys = sent.map((r) => String(unmarshall(r.PutRequest?.Item ?? {}).pk));
      // The batch holding p0 never gets its first three items through; other batches succeed.
      return { UnprocessedItems: keys.includes('p0') ? { [TABLE]: sent.slice(0, 3) } : {} };
    });
    const { store, delays } = newStore({ retry: { maxAttempts: 4 } });

    // Act
    const attempt = store.writeItems(items(30));

    // Assess
    await expect(attempt).rejects.toThrow(FindingsStoreError);
    await expect(attempt).rejects.toThrow(
      /^3 of 30 items were not stored in table srm-scan-findings: 3 still unprocessed after 4 attempts/,
    );
    expect(dynamo.commandCalls(BatchWriteItemCommand)).toHaveLength(4 + 1);
    expect(delays).toHaveLength(3);
  });

  it('reports items of a failed request as lost, with the SDK error as cause', async () => {
    // Prepare
    const denied = Object.assign(new Error('User is not authorized to perform dynamodb:BatchWriteItem'), {
      name: 'AccessDeniedException',
    });
    dynamo.on(BatchWriteItemCommand).rejects(denied);
    const { store } = newStore({ concurrency: 1 });

    // Act
    const error = await store.writeItems(items(50)).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(FindingsStoreError);
    expect((error as FindingsStoreError).message).toMatch(/^50 of 50 items were not stored .*AccessDeniedException/);
    expect((error as FindingsStoreError).cause).toBe(denied);
    expect(dynamo.commandCalls(BatchWriteItemCommand)).toHaveLength(1);
  });

  it('reads the previous states with one paginated Query per shard and drops items past their TTL', async () => {
    // Prepare
    const { states } = sampleStates();
    const open = byArn(states, 'arn:aws:s3:::open');
    const fine = byArn(states, 'arn:aws:s3:::fine');
    const gone = byArn(states, 'arn:aws:s3:::gone');
    const openItem = findingItem(ACCOUNT, open, 90);
    const fineItem = findingItem(ACCOUNT, fine, 90);
    const expiredItem = findingItem(ACCOUNT, gone, -1);
    const partitionOf = (item: Record<string, AttributeValue>) => item.pk?.S;
    dynamo.on(QueryCommand).callsFake((input: QueryCommandInput) => {
      const pk = input.ExpressionAttributeValues?.[':pk']?.S;
      const here = [openItem, fineItem, expiredItem].filter((item) => partitionOf(item) === pk);
      // Two pages per partition that holds something: exercises LastEvaluatedKey.
      if (here.length > 0 && !input.ExclusiveStartKey)
        return { Items: here.slice(0, 1), LastEvaluatedKey: { pk: { S: pk ?? '' } } };
      return { Items: input.ExclusiveStartKey ? here.slice(1) : [] };
    });
    const { store } = newStore();

    // Act
    const loaded = await store.loadCurrent(ACCOUNT, day(2));

    // Assess
    expect(loaded.map((s) => s.resourceArn).sort()).toEqual(['arn:aws:s3:::fine', 'arn:aws:s3:::open']);
    expect(loaded.find((s) => s.resourceArn === 'arn:aws:s3:::open')).toEqual(open);
    const queried = new Set(
      dynamo.commandCalls(QueryCommand).map((c) => c.args[0].input.ExpressionAttributeValues?.[':pk']?.S),
    );
    expect(queried.size).toBe(FINDING_SHARDS);
    expect(dynamo.commandCalls(QueryCommand).every((c) => c.args[0].input.ConsistentRead === true)).toBe(true);
  });

  it('fails loudly on a corrupt finding item instead of dropping it', async () => {
    // Prepare
    dynamo.on(QueryCommand).resolves({ Items: [marshall({ pk: 'ACCOUNT#1#FINDING#0', sk: 'x#y', type: 'FINDING' })] });
    const { store } = newStore();

    // Act
    const attempt = store.loadCurrent(ACCOUNT, day(0));

    // Assess
    await expect(attempt).rejects.toThrow(/Finding item ACCOUNT#1#FINDING#0 \/ x#y does not match/);
  });

  it('writes the scan summary only after every finding and transition is stored', async () => {
    // Prepare
    dynamo.on(BatchWriteItemCommand).resolves({ UnprocessedItems: {} });
    const { states, lifecycle } = sampleStates();
    const { store } = newStore();

    // Act
    const stats = await store.saveRun({
      report: report([]),
      states,
      transitions: lifecycle.transitions,
      lifecycle: lifecycle.summary,
    });

    // Assess
    const calls = dynamo.commandCalls(BatchWriteItemCommand).map((c) => sentItems(c.args[0].input));
    const types = calls.map((batch) => batch.map((r) => r.PutRequest?.Item?.type?.S));
    expect(types.at(-1)).toEqual(['SCAN']);
    expect(types.slice(0, -1).flat()).not.toContain('SCAN');
    expect(stats.items).toBe(states.length + lifecycle.transitions.length + 1);
  });
});

describe('Class: FindingsStore, write path at scale', () => {
  beforeEach(() => {
    dynamo.reset();
  });
  afterEach(() => {
    dynamo.reset();
  });

  it('refuses to write a state of another account into the scanned account run', async () => {
    // Prepare
    dynamo.on(BatchWriteItemCommand).resolves({ UnprocessedItems: {} });
    const { states, lifecycle } = sampleStates();
    const foreign = { ...byArn(states, 'arn:aws:s3:::open'), accountId: '210987654321' };
    const { store } = newStore();

    // Act
    const attempt = store.saveRun({
      report: report([]),
      states: [foreign],
      transitions: [],
      lifecycle: lifecycle.summary,
    });

    // Assess
    await expect(attempt).rejects.toThrow(/of account 210987654321 in the run of account 123456789012/);
    expect(dynamo.commandCalls(BatchWriteItemCommand)).toHaveLength(0);
  });

  it('keeps at most `concurrency` BatchWriteItem requests in flight', async () => {
    // Prepare
    let inFlight = 0;
    let peak = 0;
    dynamo.on(BatchWriteItemCommand).callsFake(async () => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight -= 1;
      return { UnprocessedItems: {} };
    });
    const { store } = newStore({ concurrency: 4 });

    // Act
    const stats = await store.writeItems(items(1_000));

    // Assess
    expect(stats).toMatchObject({ items: 1_000, requests: 40 });
    expect(peak).toBe(4);
  });

  it('paces writes to the write-unit budget: 1,000 one-unit items at 200 units/s wait about 4 s in all', async () => {
    // Prepare
    dynamo.on(BatchWriteItemCommand).resolves({ UnprocessedItems: {} });
    const { store, delays } = newStore({ writeUnitsPerSecond: 200, now: () => 0 });

    // Act
    await store.writeItems(items(1_000));

    // Assess
    // One second of burst (200 units) is free; the other 800 units wait 800 / 200 = 4 s, spread over the batches.
    expect(Math.max(...delays)).toBeCloseTo(4_000, 0);
    expect(delays.filter((d) => d > 0).length).toBe(32);
  });

  it('paces the writes to one index partition: 200 open FAILs of one severity at 50 units/s wait about 3 s', async () => {
    // Prepare
    dynamo.on(BatchWriteItemCommand).resolves({ UnprocessedItems: {} });
    const { store, delays } = newStore({ partitionWriteUnitsPerSecond: 50, now: () => 0 });
    const open = Array.from({ length: 200 }, (_, i) =>
      marshall({ pk: `ACCOUNT#${ACCOUNT}#FINDING#${(i % 16).toString(16)}`, sk: `s${i}`, gsi1pk: 'OPEN#high' }),
    );

    // Act
    await store.writeItems(open);

    // Assess
    // The table partitions (16 shards, ~13 items each) stay within budget; the one index partition does not.
    expect(Math.max(...delays)).toBeCloseTo(3_000, 0);
  });

  it('lets a budget refill with time and charges re-sent items again', async () => {
    // Prepare
    let clock = 0;
    const slept: number[] = [];
    const budget = new WriteBudget(
      100,
      () => clock,
      async (ms) => {
        slept.push(ms);
      },
    );

    // Act
    const first = await budget.take(100);
    const second = await budget.take(50);
    clock += 1_000;
    const third = await budget.take(50);

    // Assess
    expect([first, second, third]).toEqual([0, 500, 0]);
    expect(slept).toEqual([500]);
  });

  it('reads the scan summaries of one account since a date, with their scopes', async () => {
    // Prepare
    const { lifecycle } = sampleStates();
    const summary = scanItem(
      report([finding(CHECK_A, 'arn:aws:s3:::a', 'PASS')], { startedAt: day(3).toISOString() }),
      { lifecycle: lifecycle.summary },
      90,
    );
    dynamo.on(QueryCommand).resolves({ Items: [summary] });
    const { store } = newStore();

    // Act
    const scopes = await store.loadScanScopes(ACCOUNT, day(2).toISOString());

    // Assess
    expect(scopes).toMatchObject([{ startedAt: day(3).toISOString(), checkIds: [CHECK_A], erroredScopes: [] }]);
    const input = dynamo.commandCalls(QueryCommand)[0]?.args[0].input;
    expect(input?.KeyConditionExpression).toBe('#pk = :pk AND #sk >= :since');
    expect(input?.ExpressionAttributeValues).toEqual({
      ':pk': { S: `ACCOUNT#${ACCOUNT}#SCAN` },
      ':since': { S: day(2).toISOString() },
    });
  });
});

describe('Function: backoffDelay', () => {
  it('doubles up to the cap with half of each delay random', () => {
    // Prepare
    const policy = { maxAttempts: 12, baseDelayMs: 100, maxDelayMs: 1000 };

    // Act
    const lowest = [1, 2, 3, 4, 5].map((n) => backoffDelay(policy, n, () => 0));
    const highest = [1, 2, 3, 4, 5].map((n) => backoffDelay(policy, n, () => 1));

    // Assess
    expect(lowest).toEqual([50, 100, 200, 400, 500]);
    expect(highest).toEqual([100, 200, 400, 800, 1000]);
  });
});

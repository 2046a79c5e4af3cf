import PQueue from 'p-queue';
import type { AwsClients } from '../aws/clients.js';
import { describeAwsError } from '../aws/clients.js';
import { createCollectContext } from '../collectors/context.js';
import type { CollectionIssue, SliceCollector, SliceCollectors } from '../collectors/types.js';
import { GLOBAL_REGION, type SliceKey, type SliceTypes } from '../inventory/index.js';

export interface CollectProgress {
  slice: SliceKey;
  /** `global` for account-wide slices. */
  region: string;
  done: number;
  total: number;
}

export interface CollectOptions {
  slices: Iterable<SliceKey>;
  collectors: SliceCollectors<SliceKey>;
  accountId: string;
  partition: string;
  regions: readonly string[];
  /** Region for global APIs (IAM, S3 listing, S3 Control). */
  homeRegion: string;
  clients: AwsClients;
  /** Slice×region collections running at once. */
  concurrency?: number;
  onProgress?: (progress: CollectProgress) => void;
  /**
   * Epoch milliseconds by which collection must stop (the Lambda's time budget). A slice×region not started by
   * then, or still running then, is abandoned and becomes a {@link TIME_BUDGET_EXCEEDED} collection issue: its
   * checks report ERROR for exactly that scope, as for any collection failure.
   */
  deadline?: number;
  /** Default `Date.now`. */
  clock?: () => number;
  /**
   * Called once per slice when it is settled in every region (collected, failed or abandoned), with the slices and
   * issues so far: a check whose slices are all settled can be evaluated while the rest is still being collected.
   */
  onSliceSettled?: (slice: SliceKey, state: CollectedInventory) => void;
}

/** The `errorCode` of a collection issue for a scope the run's time budget left unscanned. */
export const TIME_BUDGET_EXCEEDED = 'TimeBudgetExceeded';

const abandoned = Symbol('abandoned');

/** Resolves with the work's result, or with `abandoned` once `deadline` passes (the work is left running). */
async function beforeDeadline<T>(
  work: Promise<T>,
  deadline: number,
  clock: () => number,
): Promise<T | typeof abandoned> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expiry = new Promise<typeof abandoned>((resolve) => {
    timer = setTimeout(() => resolve(abandoned), Math.max(0, deadline - clock()));
  });
  try {
    return await Promise.race([work, expiry]);
  } finally {
    clearTimeout(timer);
  }
}

export interface CollectedInventory {
  slices: Partial<SliceTypes>;
  issues: CollectionIssue[];
}

/** The slices plus every slice they depend on, transitively. */
export function sliceClosure(
  slices: Iterable<SliceKey>,
  collectors: Pick<SliceCollectors<SliceKey>, SliceKey>,
): Set<SliceKey> {
  const closure = new Set<SliceKey>();
  const visit = (key: SliceKey) => {
    if (closure.has(key)) return;
    closure.add(key);
    for (const dependency of collectors[key].dependsOn ?? []) visit(dependency);
  };
  for (const key of slices) visit(key);
  return closure;
}

type Unit = { slice: SliceKey; region: string };

/**
 * Collects the requested slices (and their dependencies) once each: global slices once per
 * account, regional ones in every region, all concurrently within `concurrency`. A slice
 * never waits on anything but its own dependencies. Failures become collection issues;
 * this function does not throw for an AWS error.
 */
export async function collectInventory(options: CollectOptions): Promise<CollectedInventory> {
  const closure = sliceClosure(options.slices, options.collectors);
  const issues: CollectionIssue[] = [];
  const values: Partial<Record<SliceKey, unknown>> = {};
  // Listings that other slices read per resource, and those per-resource reads, take a free slot first: they are the
  // long paced chains (S3 bucket settings, Lambda policies, RDS snapshot attributes), and queued behind hundreds of
  // quick listings of empty regions they would start seconds late and end the scan late.
  const queue = new PQueue({ concurrency: options.concurrency ?? 24 });
  const feeds = new Set([...closure].flatMap((slice) => options.collectors[slice].dependsOn ?? []));
  const limitOf =
    (collector: SliceCollector<SliceKey>) =>
    <T>(task: () => Promise<T>): Promise<T> =>
      queue.add(task, {
        priority: feeds.has(collector.key) || (collector.dependsOn ?? []).length > 0 ? 1 : 0,
      });
  const units: Unit[] = [...closure].flatMap((slice) =>
    options.collectors[slice].scope === 'regional'
      ? options.regions.map((region) => ({ slice, region }))
      : [{ slice, region: GLOBAL_REGION }],
  );
  let done = 0;
  const settled = new Map<SliceKey, Promise<void>>();

  /** Scopes in which a dependency failed: `global`, or a region. */
  const failedScopes = (slice: SliceKey): Set<string> =>
    new Set(issues.filter((i) => i.slice === slice && i.resourceArn === undefined).map((i) => i.region));

  const runUnit = async (
    collector: SliceCollector<SliceKey>,
    region: string,
    dependencyValues: Partial<Record<SliceKey, unknown>>,
  ): Promise<unknown> => {
    const dependencies = collector.dependsOn ?? [];
    const blocked = dependencies.find((d) => {
      const failed = failedScopes(d);
      return failed.has(GLOBAL_REGION) || failed.has(region);
    });
    try {
      if (blocked) {
        issues.push({
          slice: collector.key,
          region,
          errorCode: 'DependencyFailed',
          message: `Not collected because ${blocked} could not be collected${region === GLOBAL_REGION ? '' : ` in ${region}`}.`,
        });
        return undefined;
      }
      const context = createCollectContext({
        slice: collector.key,
        accountId: options.accountId,
        partition: options.partition,
        region: region === GLOBAL_REGION ? options.homeRegion : region,
        regions: options.regions,
        clients: options.clients,
        dependencies: dependencyValues as Partial<SliceTypes>,
        issues,
      });
      const timeBudgetIssue = (): undefined => {
        issues.push({
          slice: collector.key,
          region,
          errorCode: TIME_BUDGET_EXCEEDED,
          message: `Not collected${region === GLOBAL_REGION ? '' : ` in ${region}`}: the run's time budget ran out; the next run (or a smaller region shard) scans it.`,
        });
        return undefined;
      };
      const { deadline } = options;
      const limit = limitOf(collector);
      if (deadline === undefined) return await limit(() => collector.collect(context));
      const clock = options.clock ?? Date.now;
      return await limit(async () => {
        if (clock() >= deadline) return timeBudgetIssue();
        const result = await beforeDeadline(collector.collect(context), deadline, clock);
        return result === abandoned ? timeBudgetIssue() : result;
      });
    } catch (error) {
      issues.push({ slice: collector.key, region, ...describeAwsError(error) });
      return undefined;
    } finally {
      done += 1;
      options.onProgress?.({ slice: collector.key, region, done, total: units.length });
    }
  };

  const unitsRun = new Map<string, Promise<unknown>>();
  /**
   * One slice×region, once. A regional slice that depends on a regional slice waits only for that slice in its own
   * region and sees only that region's part (Lambda policies in us-east-1 start as soon as us-east-1's functions are
   * listed, not after the slowest region's); any other dependency is waited for in every region and seen whole.
   */
  const runUnitOnce = (slice: SliceKey, region: string): Promise<unknown> => {
    const key = `${slice}\n${region}`;
    const existing = unitsRun.get(key);
    if (existing) return existing;
    const collector = options.collectors[slice] as SliceCollector<SliceKey>;
    const promise = (async () => {
      const dependencyValues = Object.fromEntries(
        await Promise.all(
          (collector.dependsOn ?? []).map(async (dependency) => {
            const sameRegion = collector.scope === 'regional' && options.collectors[dependency].scope === 'regional';
            if (!sameRegion) {
              await collectSlice(dependency);
              return [dependency, values[dependency]] as const;
            }
            const part = await runUnitOnce(dependency, region);
            return [dependency, Array.isArray(part) ? part : []] as const;
          }),
        ),
      );
      return runUnit(collector, region, dependencyValues);
    })();
    unitsRun.set(key, promise);
    return promise;
  };

  const collectSlice = (slice: SliceKey): Promise<void> => {
    const existing = settled.get(slice);
    if (existing) return existing;
    const collector = options.collectors[slice] as SliceCollector<SliceKey>;
    const promise = (async () => {
      if (collector.scope === 'regional') {
        const parts = await Promise.all(options.regions.map((region) => runUnitOnce(slice, region)));
        values[slice] = parts.flatMap((part) => (Array.isArray(part) ? part : []));
      } else {
        const value = await runUnitOnce(slice, GLOBAL_REGION);
        if (value !== undefined) values[slice] = value;
      }
      options.onSliceSettled?.(slice, { slices: values as Partial<SliceTypes>, issues });
    })();
    settled.set(slice, promise);
    return promise;
  };

  await Promise.all([...closure].map(collectSlice));
  return { slices: values as Partial<SliceTypes>, issues };
}

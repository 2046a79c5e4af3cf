import pLimit from 'p-limit';
import type { AwsClients } from '../aws/clients.js';
import { describeAwsError } from '../aws/clients.js';
import type { SliceKey, SliceTypes } from '../inventory/index.js';
import type { CollectContext, CollectionIssue } from './types.js';

export interface CollectContextOptions {
  slice: SliceKey;
  accountId: string;
  partition: string;
  region: string;
  regions: readonly string[];
  clients: AwsClients;
  /** Already collected slices this one depends on. */
  dependencies: Partial<SliceTypes>;
  /** Receives per-resource issues. */
  issues: CollectionIssue[];
  /** Concurrent per-resource calls for this slice and region. */
  concurrency?: number;
}

export function createCollectContext(options: CollectContextOptions): CollectContext {
  const limit = pLimit(options.concurrency ?? 8);
  return {
    accountId: options.accountId,
    partition: options.partition,
    region: options.region,
    regions: options.regions,
    clients: options.clients,
    get<K extends SliceKey>(key: K): SliceTypes[K] {
      const value = options.dependencies[key];
      if (value === undefined) throw new Error(`Slice ${options.slice} read ${key}, which it does not depend on.`);
      return value as SliceTypes[K];
    },
    reportIssue({ resourceArn, region, error }) {
      options.issues.push({ slice: options.slice, region, resourceArn, ...describeAwsError(error) });
    },
    mapLimited: (items, fn) => Promise.all(items.map((item) => limit(() => fn(item)))),
  };
}

/**
 * Runs one call per resource with the context's bounded concurrency. A failing resource is
 * reported as a collection issue and left out; the others are still collected.
 */
export async function collectEach<T extends { arn: string; region: string }, U>(
  context: CollectContext,
  items: readonly T[],
  fn: (item: T) => Promise<U>,
): Promise<U[]> {
  const results = await context.mapLimited(items, async (item): Promise<U[]> => {
    try {
      return [await fn(item)];
    } catch (error) {
      context.reportIssue({ resourceArn: item.arn, region: item.region, error });
      return [];
    }
  });
  return results.flat();
}

import type { AwsClients } from '../aws/clients.js';
import type { SliceKey, SliceTypes } from '../inventory/index.js';

/** A slice that could not be collected, for one region, or for one resource when `resourceArn` is set. */
export interface CollectionIssue {
  slice: SliceKey;
  /** `global` for account-wide slices. */
  region: string;
  resourceArn?: string;
  errorCode: string;
  message: string;
}

export interface CollectContext {
  accountId: string;
  partition: string;
  /** The region being collected; for global slices, the partition's home region for global APIs. */
  region: string;
  /** Every region this scan covers (a global slice may fan out over them). */
  regions: readonly string[];
  clients: AwsClients;
  /**
   * A dependency's value (declared in `dependsOn`): merged across all regions, except that a regional slice
   * depending on a regional slice sees only its own region's part (and starts as soon as that part is collected).
   */
  get<K extends SliceKey>(key: K): SliceTypes[K];
  /** Records a failure for one resource; the collector keeps going with the others. */
  reportIssue(issue: { resourceArn: string; region: string; error: unknown }): void;
  /** Maps with bounded concurrency, for the per-resource calls that no batch API replaces. */
  mapLimited<T, U>(items: readonly T[], fn: (item: T) => Promise<U>): Promise<U[]>;
}

export type RegionalSliceKey = {
  [K in SliceKey]: SliceTypes[K] extends readonly unknown[] ? K : never;
}[SliceKey];

export interface SliceCollector<K extends SliceKey> {
  key: K;
  /** Regional slices (arrays only) are collected per region and concatenated; global ones once per account. */
  scope: K extends RegionalSliceKey ? 'regional' | 'global' : 'global';
  /** IAM actions the collection calls (the scanner role's read-only permissions). */
  actions: readonly string[];
  /**
   * Slices that must be collected first and are read through `context.get`: in every region, or only in the unit's
   * own region when both this slice and the dependency are regional.
   */
  dependsOn?: readonly SliceKey[];
  /**
   * Collects the slice. Throwing records a collection issue for the whole scope (the region,
   * or the account for global slices); per-resource failures go through `reportIssue`.
   */
  collect: (context: CollectContext) => Promise<SliceTypes[K]>;
}

export type SliceCollectors<K extends SliceKey> = { [P in K]: SliceCollector<P> };

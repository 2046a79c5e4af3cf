/**
 * The reference "large account" of shared/design/aws-limits.md, in one place: what the benchmark seeds, what the
 * minimal-call model counts and what the call-count test asserts all read these numbers.
 */

/** Seventeen commercial regions; the first holds 80 % of every regional resource type. */
export const BENCH_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-north-1',
  'ap-south-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-southeast-1',
  'ap-southeast-2',
  'sa-east-1',
] as const;

export const PRIMARY_REGION = BENCH_REGIONS[0];

/** Share of each regional resource type that lives in the primary region. */
export const PRIMARY_SHARE = 0.8;

/** Resource counts at scale 1. */
export const REFERENCE_COUNTS = {
  buckets: 1_000,
  users: 500,
  roles: 2_000,
  customerManagedPolicies: 300,
  instances: 5_000,
  securityGroups: 10_000,
  volumes: 6_000,
  snapshots: 10_000,
  rdsInstances: 300,
  rdsManualSnapshots: 600,
  lambdaFunctions: 1_000,
} as const;

export type ResourceKind = keyof typeof REFERENCE_COUNTS;

/** Counts per resource type at a scale (rounded; at least one of each when the scale is above zero). */
export type AccountSize = Record<ResourceKind, number>;

export function accountSize(scale: number): AccountSize {
  if (!(scale > 0)) throw new RangeError(`scale must be above 0, got ${scale}`);
  return Object.fromEntries(
    Object.entries(REFERENCE_COUNTS).map(([kind, count]) => [kind, Math.max(1, Math.round(count * scale))]),
  ) as AccountSize;
}

/**
 * How `total` resources spread over the regions: `PRIMARY_SHARE` in the primary region, the rest evenly over the
 * others (the first regions take the remainder). Deterministic, so the model and the seeder agree exactly.
 */
export function spread(total: number, regions: readonly string[] = BENCH_REGIONS): Map<string, number> {
  const [primary, ...others] = regions;
  const result = new Map<string, number>(regions.map((r) => [r, 0]));
  if (primary === undefined) return result;
  const inPrimary = others.length === 0 ? total : Math.round(total * PRIMARY_SHARE);
  result.set(primary, inPrimary);
  const rest = total - inPrimary;
  others.forEach((region, i) => {
    result.set(region, Math.floor(rest / others.length) + (i < rest % others.length ? 1 : 0));
  });
  return result;
}

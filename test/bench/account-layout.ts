import { accountSize, BENCH_REGIONS, PRIMARY_REGION, type ResourceKind, spread } from './reference-account.js';

/** Where each resource of the synthetic account lives: a count per region (global kinds sit in the primary region). */
export type AccountLayout = Record<ResourceKind, Map<string, number>>;

/** IAM resources are global: their count is kept under the primary region. */
const GLOBAL_KINDS: readonly ResourceKind[] = ['users', 'roles', 'customerManagedPolicies'];

const total = (counts: Map<string, number>): number => [...counts.values()].reduce((sum, n) => sum + n, 0);

/**
 * Moves the count of every region where `parent` has none to the primary region: a snapshot needs a volume or a
 * database instance of its own region.
 */
function withParent(counts: Map<string, number>, parent: Map<string, number>): Map<string, number> {
  const result = new Map(counts);
  for (const [region, n] of counts) {
    if (n > 0 && (parent.get(region) ?? 0) === 0 && region !== PRIMARY_REGION) {
      result.set(region, 0);
      result.set(PRIMARY_REGION, (result.get(PRIMARY_REGION) ?? 0) + n);
    }
  }
  return result;
}

/**
 * The synthetic account at a scale: the reference counts spread 80 % in the primary region and the rest evenly
 * over the other 16. Every instance brings its root volume, so a region never has fewer volumes than instances.
 * Pure and deterministic: the seeder creates exactly this and the minimal-call model counts exactly this.
 */
export function accountLayout(scale: number, regions: readonly string[] = BENCH_REGIONS): AccountLayout {
  const size = accountSize(scale);
  const layout = Object.fromEntries(
    (Object.keys(size) as ResourceKind[]).map((kind) => [
      kind,
      GLOBAL_KINDS.includes(kind)
        ? new Map(regions.map((r) => [r, r === PRIMARY_REGION ? size[kind] : 0]))
        : spread(size[kind], regions),
    ]),
  ) as AccountLayout;
  layout.volumes = new Map(regions.map((r) => [r, Math.max(layout.volumes.get(r) ?? 0, layout.instances.get(r) ?? 0)]));
  layout.snapshots = withParent(layout.snapshots, layout.volumes);
  layout.rdsManualSnapshots = withParent(layout.rdsManualSnapshots, layout.rdsInstances);
  return layout;
}

/** Resources of one kind across all regions. */
export const countOf = (layout: AccountLayout, kind: ResourceKind): number => total(layout[kind]);

import type { EcrRegistryScanning, EcrRepository } from '../../inventory/index.js';

/** An ECR repository filter: `*` matches any run of characters, everything else itself. */
export function matchesRepositoryFilter(name: string, filter: string): boolean {
  const pattern = filter
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${pattern}$`).test(name);
}

/** How a repository's pushed images get scanned, or null when they are not scanned automatically. */
export interface RepositoryScanning {
  /** `enhanced continuous scanning`, `enhanced scan on push`, `basic scan on push`. */
  mode: string;
  /** Why: `registry rule filter prod-*`, `the repository's scan-on-push setting`. */
  source: string;
}

/**
 * Decides from the registry's scanning configuration whether a repository's images are scanned:
 * - ENHANCED (Amazon Inspector): only the registry's CONTINUOUS_SCAN and SCAN_ON_PUSH rules count;
 *   the repository-level setting is ignored;
 * - BASIC: a SCAN_ON_PUSH rule whose filter matches, or the repository's own (deprecated)
 *   scan-on-push flag.
 * MANUAL rules scan nothing by themselves.
 */
export function repositoryScanning(
  repository: EcrRepository,
  registry: EcrRegistryScanning,
): RepositoryScanning | null {
  const enhanced = registry.scanType === 'ENHANCED';
  const frequencies = enhanced ? ['CONTINUOUS_SCAN', 'SCAN_ON_PUSH'] : ['SCAN_ON_PUSH'];
  for (const frequency of frequencies) {
    for (const rule of registry.rules.filter((r) => r.scanFrequency === frequency)) {
      const filter = rule.repositoryFilters.find((f) => matchesRepositoryFilter(repository.name, f));
      if (filter !== undefined) {
        return {
          mode: `${enhanced ? 'enhanced' : 'basic'} ${frequency === 'CONTINUOUS_SCAN' ? 'continuous scanning' : 'scan on push'}`,
          source: `registry rule filter ${filter}`,
        };
      }
    }
  }
  if (!enhanced && repository.scanOnPush) {
    return { mode: 'basic scan on push', source: "the repository's scan-on-push setting" };
  }
  return null;
}

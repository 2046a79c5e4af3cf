import picomatch from 'picomatch';
import type { Check } from '../checks/define-check.js';
import { ConfigurationError } from '../model/errors.js';
import { atLeast, type Framework, type Obligation, type Severity, type SrmClass } from '../srm/vocabulary.js';

export interface CheckSelection {
  /** Check id globs, e.g. `s3-*`, `iam-root-*`. */
  checks?: readonly string[];
  /** Check ids to leave out (globs). */
  excludeChecks?: readonly string[];
  services?: readonly string[];
  srmClasses?: readonly SrmClass[];
  obligations?: readonly Obligation[];
  minSeverity?: Severity;
  frameworks?: readonly Framework[];
}

/** What each selection field is called where the user wrote it: configuration keys, or the CLI's flags. */
export type SelectionLabels = Readonly<Record<keyof CheckSelection, string>>;

export const CONFIG_SELECTION_LABELS: SelectionLabels = {
  checks: 'checks',
  excludeChecks: 'excludeChecks',
  services: 'services',
  srmClasses: 'srmClasses',
  obligations: 'obligations',
  minSeverity: 'minSeverity',
  frameworks: 'frameworks',
};

const GLOB_OPTIONS = { nocase: true } as const;

const matcher = (globs: readonly string[] | undefined) =>
  globs && globs.length > 0 ? picomatch([...globs], GLOB_OPTIONS) : undefined;

const describeValue = (value: string | readonly string[]): string =>
  typeof value === 'string' ? value : value.join(',');

/**
 * Filters the catalogue. Every filter narrows. A check id glob (included or excluded) that matches no check, an
 * unknown service, or a selection that leaves no check at all is a configuration error naming the fields as the
 * user wrote them (`labels`), so a typo can never silently become an empty or a full scan.
 *
 * @example
 * selectChecks(CHECKS, { services: ['rds'], srmClasses: ['account'] }, CLI_LABELS);
 * // throws: the selection --services rds --srm-class account matches no check …
 */
export function selectChecks(
  catalogue: readonly Check[],
  selection: CheckSelection = {},
  labels: SelectionLabels = CONFIG_SELECTION_LABELS,
): Check[] {
  for (const field of ['checks', 'excludeChecks'] as const) {
    for (const glob of selection[field] ?? []) {
      if (!catalogue.some((c) => picomatch.isMatch(c.id, glob, GLOB_OPTIONS))) {
        throw new ConfigurationError(`${labels[field]}: "${glob}" matches no check id (see \`srm-scan checks\`).`);
      }
    }
  }
  const services = selection.services?.map((s) => s.toLowerCase());
  const known: string[] = [...new Set(catalogue.map((c) => c.service))].sort();
  for (const service of services ?? []) {
    if (!known.includes(service)) {
      throw new ConfigurationError(
        `${labels.services}: "${service}" is not a service srm-scan checks (one of ${known.join(', ')}).`,
      );
    }
  }
  const include = matcher(selection.checks);
  const exclude = matcher(selection.excludeChecks);
  const selected = catalogue.filter(
    (c) =>
      (!include || include(c.id)) &&
      !exclude?.(c.id) &&
      (!services?.length || services.includes(c.service)) &&
      (!selection.srmClasses?.length || selection.srmClasses.includes(c.srmClass)) &&
      (!selection.obligations?.length || selection.obligations.includes(c.obligation)) &&
      (!selection.minSeverity || atLeast(c.severity, selection.minSeverity)) &&
      (!selection.frameworks?.length || c.compliance.some((ref) => selection.frameworks?.includes(ref.framework))),
  );
  if (selected.length === 0) {
    const used = (Object.keys(labels) as (keyof CheckSelection)[])
      .filter((field) => selection[field] !== undefined && (selection[field]?.length ?? 0) > 0)
      .map((field) => `${labels[field]} ${describeValue(selection[field] as string | readonly string[])}`);
    throw new ConfigurationError(
      `The selection ${used.join(', ')} matches no check: these filters have no check in common (see \`srm-scan checks\`).`,
    );
  }
  return selected;
}

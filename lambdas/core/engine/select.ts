import picomatch from 'picomatch';
import type { Check } from '../checks/define-check.js';
import { ConfigurationError } from '../model/errors.js';
import { atLeast, type Framework, type Obligation, type Severity, type SrmClass } from '../model/types.js';

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

const matcher = (globs: readonly string[] | undefined) =>
  globs && globs.length > 0 ? picomatch([...globs], { nocase: true }) : undefined;

/**
 * Filters the catalogue. Every filter narrows; an id glob that matches nothing is a
 * configuration error, so a typo cannot silently turn into an empty scan.
 */
export function selectChecks(catalogue: readonly Check[], selection: CheckSelection = {}): Check[] {
  const include = matcher(selection.checks);
  const exclude = matcher(selection.excludeChecks);
  for (const glob of selection.checks ?? []) {
    if (!catalogue.some((c) => picomatch.isMatch(c.id, glob, { nocase: true }))) {
      throw new ConfigurationError(`checks: "${glob}" matches no check id (see \`srm-scan checks\`).`);
    }
  }
  const services = selection.services?.map((s) => s.toLowerCase());
  for (const service of services ?? []) {
    if (!catalogue.some((c) => c.service === service)) {
      throw new ConfigurationError(`services: "${service}" is not a service srm-scan checks.`);
    }
  }
  return catalogue.filter(
    (c) =>
      (!include || include(c.id)) &&
      !exclude?.(c.id) &&
      (!services?.length || services.includes(c.service)) &&
      (!selection.srmClasses?.length || selection.srmClasses.includes(c.srmClass)) &&
      (!selection.obligations?.length || selection.obligations.includes(c.obligation)) &&
      (!selection.minSeverity || atLeast(c.severity, selection.minSeverity)) &&
      (!selection.frameworks?.length || c.compliance.some((ref) => selection.frameworks?.includes(ref.framework))),
  );
}

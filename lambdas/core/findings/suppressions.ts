import picomatch from 'picomatch';
import { parseArn } from '../aws/arn.js';
import { DEFAULT_BROAD_SUPPRESSION_MAX_DAYS, type Suppression } from '../config/suppression-schema.js';
import type { AppliedSuppression, Finding, SuppressionProblem } from './model.js';

/**
 * Glob semantics for suppressions, close to IAM's: `*` matches any run of characters
 * including `/` (an ARN is not a file path), `?` one character. `bash: true` makes picomatch
 * treat a single star as a globstar.
 */
const GLOB_OPTIONS = { bash: true, dot: true } as const;

/** A suppression as the engine applies it: where it came from and when it stops. */
export interface CompiledSuppression {
  /** Position in the configured list (0-based), so a report can point at the entry. */
  index: number;
  suppression: Suppression;
  /** The instant it stops applying; absent when it never expires. */
  expiresAt?: Date;
  expired: boolean;
  matchesCheck: (checkId: string) => boolean;
  matchesResource: (resourceArn: string) => boolean;
}

/**
 * When a suppression stops applying. A date-only `expiresAt` (`2026-12-31`) covers that whole
 * UTC day, so it stops at the next midnight UTC; a date-time stops at that instant.
 *
 * @example
 * suppressionExpiry({ ..., expiresAt: '2026-12-31' }); // 2027-01-01T00:00:00.000Z
 */
export function suppressionExpiry(suppression: Pick<Suppression, 'expiresAt'>): Date | undefined {
  const { expiresAt } = suppression;
  if (!expiresAt) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(expiresAt)) {
    const day = new Date(`${expiresAt}T00:00:00.000Z`);
    return new Date(day.getTime() + 24 * 60 * 60 * 1000);
  }
  return new Date(expiresAt);
}

/**
 * Prepares suppressions for matching at `now`: check id globs match case-insensitively (as check
 * selection does), resource ARN globs case-sensitively; `*` crosses `/`.
 */
export function compileSuppressions(suppressions: readonly Suppression[], now: Date): CompiledSuppression[] {
  return suppressions.map((suppression, index) => {
    const expiresAt = suppressionExpiry(suppression);
    const checkMatcher = picomatch(suppression.checkId, { ...GLOB_OPTIONS, nocase: true });
    const resourceMatcher = picomatch(suppression.resource, GLOB_OPTIONS);
    return {
      index,
      suppression,
      ...(expiresAt && { expiresAt }),
      expired: expiresAt !== undefined && now.getTime() >= expiresAt.getTime(),
      matchesCheck: (checkId: string) => checkMatcher(checkId),
      matchesResource: (resourceArn: string) => resourceMatcher(resourceArn),
    };
  });
}

const covers = (compiled: CompiledSuppression, finding: { checkId: string; resourceArn: string }): boolean =>
  compiled.matchesCheck(finding.checkId) && compiled.matchesResource(finding.resourceArn);

/** The first unexpired suppression (in configured order) covering the finding. */
export function findActiveSuppression(
  compiled: readonly CompiledSuppression[],
  finding: { checkId: string; resourceArn: string },
): CompiledSuppression | undefined {
  return compiled.find((c) => !c.expired && covers(c, finding));
}

/** The record a finding keeps of the suppression that covers it. */
export function appliedSuppression(compiled: CompiledSuppression): AppliedSuppression {
  const { checkId, resource, reason, owner, expiresAt } = compiled.suppression;
  return { index: compiled.index, checkId, resource, reason, ...(owner && { owner }), ...(expiresAt && { expiresAt }) };
}

/** A resource pattern that can match an ARN: it starts with `arn:` or with a wildcard. */
const looksLikeArnPattern = (resource: string): boolean => resource.startsWith('arn:') || /^[*?[{]/.test(resource);

const isWildcard = (text: string): boolean => /^[*?]*$/.test(text);

/**
 * True when a resource pattern names no particular resource: only wildcards, or an ARN whose resource part is a
 * wildcard, possibly after a resource type (`*`, `arn:aws:*`, `arn:aws:s3:::*`, `arn:aws:ec2:*:*:instance/*`).
 */
export function coversEveryResource(resource: string): boolean {
  if (isWildcard(resource)) return true;
  if (!resource.startsWith('arn:')) return false;
  const arn = parseArn(resource);
  // Fewer than six fields: a wildcard before the resource part swallows the rest (`arn:aws:*`).
  if (!arn) return resource.includes('*');
  return isWildcard(arn.resource) || /^[\w-]+[/:][*?]+$/.test(arn.resource);
}

const describeEntry = (c: CompiledSuppression): string =>
  `suppression #${c.index + 1} (checkId "${c.suppression.checkId}", resource "${c.suppression.resource}"${c.suppression.owner ? `, owner ${c.suppression.owner}` : ''})`;

const problemBase = (compiled: CompiledSuppression) => {
  const { checkId, resource, owner, expiresAt } = compiled.suppression;
  return { index: compiled.index, checkId, resource, ...(owner && { owner }), ...(expiresAt && { expiresAt }) };
};

const DAY_MS = 24 * 60 * 60 * 1000;

export interface ApplySuppressionsInput {
  suppressions: readonly Suppression[];
  now: Date;
  /** Checks that ran in this scan: a suppression for checks that did not run is not "unused". */
  ranCheckIds: readonly string[];
  /** Every check id in the catalogue, to catch a check id glob that can never match. */
  catalogueCheckIds: readonly string[];
  /** A suppression covering every resource may not be open-ended nor expire later than this. */
  broadSuppressionMaxDays?: number;
}

/**
 * Stamps every FAIL covered by an unexpired suppression with that suppression (the first in configured order), and
 * reviews the suppressions so none is silently ignored:
 * - `expired`: past `expiresAt`; the failures it covered are reported (and alerted) again;
 * - `unknown-check`: its check id glob matches no check in the catalogue (a typo);
 * - `resource-not-arn`: its resource pattern can never match an ARN;
 * - `too-broad`: it covers every resource of its checks and never expires, or expires further ahead than allowed;
 * - `unused`: active, its checks ran, yet it covered no failing finding (stale: remove it).
 * PASS and ERROR findings are never stamped: only a failure can be accepted. Pure.
 */
export function applySuppressions(
  findings: readonly Finding[],
  input: ApplySuppressionsInput,
): { findings: Finding[]; problems: SuppressionProblem[] } {
  const compiled = compileSuppressions(input.suppressions, input.now);
  const matched = new Map<number, number>();
  const stamped = findings.map((finding) => {
    if (finding.status !== 'FAIL' || compiled.length === 0) return finding;
    for (const c of compiled) {
      if (c.expired && covers(c, finding)) matched.set(c.index, (matched.get(c.index) ?? 0) + 1);
    }
    const active = findActiveSuppression(compiled, finding);
    if (!active) return finding;
    matched.set(active.index, (matched.get(active.index) ?? 0) + 1);
    return { ...finding, suppression: appliedSuppression(active) };
  });

  const maxDays = input.broadSuppressionMaxDays ?? DEFAULT_BROAD_SUPPRESSION_MAX_DAYS;
  const problems: SuppressionProblem[] = [];
  for (const c of compiled) {
    const count = matched.get(c.index) ?? 0;
    const base = problemBase(c);
    if (c.expired) {
      problems.push({
        kind: 'expired',
        ...base,
        matched: count,
        detail: `${describeEntry(c)} expired at ${c.expiresAt?.toISOString()}: ${count} failing finding(s) it covered are reported again. Renew it with a new expiresAt or remove it.`,
      });
      continue;
    }
    if (!input.catalogueCheckIds.some((id) => c.matchesCheck(id))) {
      problems.push({
        kind: 'unknown-check',
        ...base,
        detail: `${describeEntry(c)} matches no check id in the catalogue, so it suppresses nothing (see \`srm-scan checks\`).`,
      });
      continue;
    }
    if (!looksLikeArnPattern(c.suppression.resource)) {
      problems.push({
        kind: 'resource-not-arn',
        ...base,
        detail: `${describeEntry(c)} has a resource pattern that is not an ARN glob (it must start with "arn:" or a wildcard), so it suppresses nothing.`,
      });
      continue;
    }
    if (coversEveryResource(c.suppression.resource)) {
      const limit = input.now.getTime() + maxDays * DAY_MS;
      if (!c.expiresAt || c.expiresAt.getTime() > limit) {
        problems.push({
          kind: 'too-broad',
          ...base,
          detail: `${describeEntry(c)} covers every resource of its checks ${c.expiresAt ? `until ${c.expiresAt.toISOString()}` : 'and never expires'}: name the resources, or set an expiresAt within ${maxDays} days.`,
        });
      }
    }
    if (count === 0 && input.ranCheckIds.some((id) => c.matchesCheck(id))) {
      problems.push({
        kind: 'unused',
        ...base,
        detail: `${describeEntry(c)} covered no failing finding in this scan; if the resource was fixed or deleted, remove it.`,
      });
    }
  }
  return { findings: stamped, problems };
}

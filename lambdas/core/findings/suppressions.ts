import picomatch from 'picomatch';
import { describeIssues } from '../config/config-file.js';
import { type Suppression, suppressionSchema } from './suppression-schema.js';

/**
 * Glob semantics for suppressions, close to IAM's: `*` matches any run of characters
 * including `/` (an ARN is not a file path), `?` one character. `bash: true` makes picomatch
 * treat a single star as a globstar.
 */
const GLOB_OPTIONS = { bash: true, dot: true } as const;

/** A suppression as the lifecycle applies it: where it came from and when it stops. */
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

/** What a stored finding records about the suppression that covers it. */
export interface AppliedSuppression {
  index: number;
  checkId: string;
  resource: string;
  reason: string;
  owner?: string;
  expiresAt?: string;
}

export const SUPPRESSION_PROBLEM_KINDS = [
  'expired',
  'unused',
  'unknown-check',
  'resource-not-arn',
  'malformed',
] as const;
export type SuppressionProblemKind = (typeof SUPPRESSION_PROBLEM_KINDS)[number];

/** A suppression that needs someone's attention; reported in the job result and the digest. */
export interface SuppressionProblem {
  kind: SuppressionProblemKind;
  /** Position in the configured list (0-based). */
  index: number;
  checkId?: string;
  resource?: string;
  owner?: string;
  expiresAt?: string;
  /** One sentence saying what is wrong and what it means. */
  detail: string;
  /** For `expired`: failing findings of this run it would have covered (they alert again). */
  matched?: number;
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

/** The first expired suppression covering the finding: explains why it alerts again. */
export function findExpiredSuppression(
  compiled: readonly CompiledSuppression[],
  finding: { checkId: string; resourceArn: string },
): CompiledSuppression | undefined {
  return compiled.find((c) => c.expired && covers(c, finding));
}

/** The record a stored finding keeps of the suppression that covers it. */
export function appliedSuppression(compiled: CompiledSuppression): AppliedSuppression {
  const { checkId, resource, reason, owner, expiresAt } = compiled.suppression;
  return { index: compiled.index, checkId, resource, reason, ...(owner && { owner }), ...(expiresAt && { expiresAt }) };
}

const describeEntry = (s: Suppression): string =>
  `suppression #INDEX (checkId "${s.checkId}", resource "${s.resource}"${s.owner ? `, owner ${s.owner}` : ''})`;

const problemBase = (compiled: CompiledSuppression) => {
  const { checkId, resource, owner, expiresAt } = compiled.suppression;
  return {
    index: compiled.index,
    checkId,
    resource,
    ...(owner && { owner }),
    ...(expiresAt && { expiresAt }),
  };
};

const label = (compiled: CompiledSuppression): string =>
  describeEntry(compiled.suppression).replace('#INDEX', `#${compiled.index + 1}`);

/** A resource pattern that can match an ARN: it starts with `arn:` or with a wildcard. */
const looksLikeArnPattern = (resource: string): boolean => resource.startsWith('arn:') || /^[*?[{]/.test(resource);

export interface SuppressionReviewInput {
  /** Failing findings of this run each suppression covered (by `index`), active or expired. */
  matchedFailures: ReadonlyMap<number, number>;
  /** Checks that ran in this scan: a suppression for checks that did not run is not "unused". */
  ranCheckIds: readonly string[];
  /** Every check id in the catalogue, to catch a check id glob that can never match. */
  catalogueCheckIds?: readonly string[];
}

/**
 * Reviews the suppressions after a run, so none is silently ignored:
 * - `expired`: past `expiresAt`; the findings it covered alert again;
 * - `unknown-check`: its check id glob matches no check in the catalogue (a typo);
 * - `resource-not-arn`: its resource pattern can never match an ARN;
 * - `unused`: active, its checks ran, yet it covered no failing finding (stale: remove it).
 */
export function reviewSuppressions(
  compiled: readonly CompiledSuppression[],
  input: SuppressionReviewInput,
): SuppressionProblem[] {
  const problems: SuppressionProblem[] = [];
  for (const c of compiled) {
    const matched = input.matchedFailures.get(c.index) ?? 0;
    if (c.expired) {
      const when = c.expiresAt?.toISOString() ?? c.suppression.expiresAt;
      problems.push({
        kind: 'expired',
        ...problemBase(c),
        matched,
        detail: `${label(c)} expired at ${when}: ${matched} failing finding(s) it covered are alerted again. Renew it with a new expiresAt or remove it.`,
      });
      continue;
    }
    if (input.catalogueCheckIds && !input.catalogueCheckIds.some((id) => c.matchesCheck(id))) {
      problems.push({
        kind: 'unknown-check',
        ...problemBase(c),
        detail: `${label(c)} matches no check id in the catalogue, so it suppresses nothing (see \`srm-scan checks\`).`,
      });
      continue;
    }
    if (!looksLikeArnPattern(c.suppression.resource)) {
      problems.push({
        kind: 'resource-not-arn',
        ...problemBase(c),
        detail: `${label(c)} has a resource pattern that is not an ARN glob (it must start with "arn:" or a wildcard), so it suppresses nothing.`,
      });
      continue;
    }
    if (matched === 0 && input.ranCheckIds.some((id) => c.matchesCheck(id))) {
      problems.push({
        kind: 'unused',
        ...problemBase(c),
        detail: `${label(c)} covered no failing finding in this scan; if the resource was fixed or deleted, remove it.`,
      });
    }
  }
  return problems;
}

/**
 * Validates a raw suppression list entry by entry, for callers that would rather report a
 * malformed entry (and apply the others) than fail the whole run, e.g. a nightly Lambda whose
 * suppressions come from stack props. Malformed entries come back as `malformed` problems.
 *
 * @example
 * const { suppressions, problems } = parseSuppressions(JSON.parse(text));
 */
export function parseSuppressions(input: unknown): { suppressions: Suppression[]; problems: SuppressionProblem[] } {
  if (!Array.isArray(input)) {
    return {
      suppressions: [],
      problems: [
        { kind: 'malformed', index: 0, detail: 'The suppression list is not an array; no suppression applies.' },
      ],
    };
  }
  const suppressions: Suppression[] = [];
  const problems: SuppressionProblem[] = [];
  input.forEach((entry: unknown, index) => {
    const parsed = suppressionSchema.safeParse(entry);
    if (parsed.success) {
      suppressions.push(parsed.data);
      return;
    }
    const raw = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    problems.push({
      kind: 'malformed',
      index,
      ...(typeof raw.checkId === 'string' && { checkId: raw.checkId }),
      ...(typeof raw.resource === 'string' && { resource: raw.resource }),
      ...(typeof raw.owner === 'string' && { owner: raw.owner }),
      detail: `Suppression #${index + 1} is malformed and was not applied: ${describeIssues(parsed.error)}.`,
    });
  });
  return { suppressions, problems };
}

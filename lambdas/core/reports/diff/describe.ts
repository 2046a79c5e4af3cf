import type {
  DiffChange,
  DiffKind,
  DiffReportSide,
  OutOfScope,
  ScanDiff,
  SideStatus,
  UnchangedCounts,
} from '../../diff/compare.js';
import { DIFF_KINDS } from '../../diff/compare.js';
import {
  OBLIGATIONS,
  type Obligation,
  SRM_CLASS_DESCRIPTIONS,
  SRM_CLASSES,
  type SrmClass,
} from '../../srm/vocabulary.js';

/** The words every human output of `srm-scan diff` uses, stated once for the table and the Markdown. */

export const KIND_LABELS: Readonly<Record<DiffKind, string>> = {
  new: 'NEW',
  regressed: 'REGRESSED',
  resolved: 'RESOLVED',
  suppressed: 'SUPPRESSED',
  'not-evaluated': 'NOT EVALUATED',
  'evaluated-again': 'EVALUATED AGAIN',
  'not-observed': 'NOT OBSERVED',
};

const UNCHANGED_LABELS: Readonly<Record<keyof UnchangedCounts, string>> = {
  failing: 'still failing',
  suppressed: 'still suppressed',
  passing: 'still passing',
  notEvaluated: 'still not evaluated',
  passesAdded: 'passes added',
  passesRemoved: 'passes no longer reported',
};

const STATUS_TEXT: Readonly<Record<SideStatus, string>> = {
  FAIL: 'failing',
  SUPPRESSED: 'suppressed',
  PASS: 'passing',
  ERROR: 'not evaluated',
  'NOT-REPORTED': 'not reported',
  'NOT-IN-SCOPE': 'not in scope',
};

const OUT_OF_SCOPE_TEXT: Readonly<Record<OutOfScope, string>> = {
  'account-not-scanned': 'account not scanned',
  'check-not-run': 'check not run',
  'region-not-scanned': 'region not scanned',
  'global-scope-elsewhere': 'global scope left to another shard',
};

const scopeText = (outOfScope: OutOfScope | undefined) => OUT_OF_SCOPE_TEXT[outOfScope ?? 'account-not-scanned'];

/** `NEW 1 · RESOLVED 2`: the kinds with a non-zero count, in vocabulary order; `none` when nothing changed. */
export const kindTally = (counts: Readonly<Record<DiffKind, number>>): string =>
  DIFF_KINDS.filter((kind) => counts[kind] > 0)
    .map((kind) => `${KIND_LABELS[kind]} ${counts[kind]}`)
    .join(' · ') || 'none';

/** `still failing 40 · still passing 210`: the non-zero unchanged counts. */
export const unchangedTally = (unchanged: UnchangedCounts): string =>
  (Object.keys(UNCHANGED_LABELS) as (keyof UnchangedCounts)[])
    .filter((key) => unchanged[key] > 0)
    .map((key) => `${UNCHANGED_LABELS[key]} ${unchanged[key]}`)
    .join(' · ') || 'nothing else';

/** `before.json (scan 1f2e…, 2026-11-20T03:00:00.000Z, srm-scan 0.1.0)`. */
export const sideLine = (side: DiffReportSide): string =>
  `${side.file} (${side.kind === 'organization' ? `organisation, ${side.accounts.length} account(s), ` : `scan ${side.scanIds.join(', ')}, `}${side.startedAt}, srm-scan ${side.toolVersion})`;

/**
 * One sentence saying why the finding changed and what the report says of it: AFTER's message for what is seen now,
 * BEFORE's for what is gone. Messages come from the reports, which masked secrets.
 */
export function changeDetail(change: DiffChange): string {
  const { before, after } = change;
  const now = after.message ?? '';
  const then = before.message ?? '';
  const severity =
    before.severity && after.severity && before.severity !== after.severity
      ? ` (severity ${before.severity} → ${after.severity})`
      : '';
  const detail = (() => {
    switch (change.cause) {
      case 'first-failure':
        return `failing, not reported in BEFORE: ${now}`;
      case 'suppression-lapsed': {
        const reason = before.suppression ? ` (was: ${before.suppression.reason})` : '';
        return `suppression ${change.lapsed === 'expired' ? 'expired' : 'removed'}${reason}: ${now}`;
      }
      case 'not-evaluated-before':
        return `failing, not evaluated in BEFORE: ${now}`;
      case 'outside-before-scope':
        return `failing, outside BEFORE's scope (${scopeText(before.outOfScope)}): ${now}`;
      case 'passed-before':
        return `failing, passed in BEFORE: ${now}`;
      case 'passed':
        return `passes now (was ${STATUS_TEXT[before.status]}): ${now}`;
      case 'gone':
        return `no longer reported although AFTER covered its scope (was ${STATUS_TEXT[before.status]}): ${then}`;
      case 'suppression-applied': {
        const s = after.suppression;
        const who = s?.owner ? `, owner ${s.owner}` : '';
        const until = s?.expiresAt ? `, until ${s.expiresAt}` : ', no expiry';
        return `suppressed now (was ${STATUS_TEXT[before.status]}): ${s?.reason ?? ''}${who}${until}`;
      }
      case 'error':
        return `not evaluated in AFTER (was ${STATUS_TEXT[before.status]})${now ? `: ${now}` : ': an ERROR covers its scope'}`;
      case 'evaluated':
        return `evaluated again (was not evaluated), now ${STATUS_TEXT[after.status]}${now ? `: ${now}` : ''}`;
      case 'outside-after-scope':
        return `outside AFTER's scope (${scopeText(after.outOfScope)}), was ${STATUS_TEXT[before.status]}: not compared`;
    }
  })();
  return `${detail}${severity}`;
}

export interface ObligationGroup {
  obligation: Obligation;
  changes: DiffChange[];
}

export interface ClassGroup {
  srmClass: SrmClass;
  /** `INFRASTRUCTURE SERVICES`-style label and the customer's share, from the vocabulary. */
  label: string;
  inShort: string;
  obligations: ObligationGroup[];
  changes: DiffChange[];
}

/** The listed changes grouped by SRM class, then obligation, in vocabulary order; empty groups left out. */
export function groupChanges(changes: readonly DiffChange[]): ClassGroup[] {
  return SRM_CLASSES.map((srmClass) => {
    const inClass = changes.filter((c) => c.srmClass === srmClass);
    return {
      srmClass,
      label: SRM_CLASS_DESCRIPTIONS[srmClass].label,
      inShort: SRM_CLASS_DESCRIPTIONS[srmClass].inShort,
      changes: inClass,
      obligations: OBLIGATIONS.map((obligation) => ({
        obligation,
        changes: inClass.filter((c) => c.obligation === obligation),
      })).filter((group) => group.changes.length > 0),
    };
  }).filter((group) => group.changes.length > 0);
}

/** The accounts and the regions of both reports, each once, BEFORE's first. */
export const diffScope = (diff: ScanDiff): { accounts: string[]; regions: string[] } => ({
  accounts: [...new Set([...diff.before.accounts, ...diff.after.accounts])],
  regions: [...new Set([...diff.before.regions, ...diff.after.regions])],
});

/** Whether more than one account takes part: the human outputs then name the account of each change. */
export const severalAccounts = (diff: ScanDiff): boolean => diffScope(diff).accounts.length > 1;

/** `Gate --fail-on-new high: met, 2 NEW or REGRESSED finding(s) at or above high.` */
export const gateLine = (diff: ScanDiff): string | undefined =>
  diff.gate &&
  `Gate --fail-on-new ${diff.gate.failOnNew}: ${diff.gate.met ? 'met' : 'not met'}, ${diff.gate.findings} NEW or REGRESSED finding(s) at or above ${diff.gate.failOnNew}.`;

/** Kinds the human outputs list one by one; `not-observed` is summarised (it can be every finding of a region). */
export const listedChanges = (diff: ScanDiff): DiffChange[] => diff.changes.filter((c) => c.kind !== 'not-observed');

/**
 * `Not observed (84): failing or not evaluated in BEFORE, outside AFTER's scope (region not scanned 80, check not run
 * 4): not compared, not resolved; --format json lists them.` Undefined when there are none.
 */
export function notObservedLine(diff: ScanDiff): string | undefined {
  const notObserved = diff.changes.filter((c) => c.kind === 'not-observed');
  if (notObserved.length === 0) return undefined;
  const reasons = new Map<string, number>();
  for (const change of notObserved) {
    const reason = scopeText(change.after.outOfScope);
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  const why = [...reasons].map(([reason, n]) => `${reason} ${n}`).join(', ');
  return `Not observed (${notObserved.length}): failing or not evaluated in BEFORE, outside AFTER's scope (${why}): not compared, not resolved; --format json lists them.`;
}

import type { AccountScanResult } from '../job/run-summary.js';
import { redactSecrets } from '../secrets/index.js';
import {
  type NotifyOn,
  SEVERITIES,
  type Severity,
  SRM_CLASS_DESCRIPTIONS,
  SRM_CLASSES,
  type SrmClass,
} from '../srm/vocabulary.js';
import { CHAT_LIMITS, type ChatNotification, cap, chatCode, chatEscape } from './chat.js';
import { type Digest, SUBJECT_MAX_LENGTH } from './digest.js';

/**
 * The organisation digest: one message for the security team across every account of an organisation scan, from
 * each account's compact result (`AccountScanResult`). The deployed organisation mode sends it from its aggregation
 * step; `srm-scan scan --accounts|--org --alert-topic-arn` sends the same message.
 */

/** One account's outcome, its region shards merged. */
export interface DigestAccountOutcome {
  accountId: string;
  status: 'SCANNED' | 'PARTIAL' | 'FAILED';
  shards: number;
  /** Present unless every shard failed. */
  result?: Omit<AccountScanResult, 'kind' | 'scanId' | 'startedAt'> & { scanIds: string[] };
  errors: { error: string; cause?: string; regions?: readonly string[] }[];
}

const zeroBy = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

function addInto<K extends string>(target: Record<K, number>, source: Partial<Record<K, number>>): void {
  for (const [key, value] of Object.entries(source) as [K, number][]) target[key] = (target[key] ?? 0) + value;
}

/**
 * Merges the map run's exported executions by account (an account scanned in region shards has one result per
 * shard). An account with a failed shard, or a shard the time budget cut short, is PARTIAL: its totals cover only
 * what was scanned. Pure.
 */
export function mergeAccountResults(
  succeeded: readonly AccountScanResult[],
  failed: readonly { accountId: string; regions?: readonly string[]; error: string; cause?: string }[],
): DigestAccountOutcome[] {
  const byAccount = new Map<string, DigestAccountOutcome>();
  const outcome = (accountId: string): DigestAccountOutcome => {
    let entry = byAccount.get(accountId);
    if (!entry) {
      entry = { accountId, status: 'SCANNED', shards: 0, errors: [] };
      byAccount.set(accountId, entry);
    }
    return entry;
  };
  for (const r of succeeded) {
    const entry = outcome(r.accountId);
    entry.shards += 1;
    if (!r.complete) entry.status = 'PARTIAL';
    const merged = entry.result ?? {
      scanIds: [],
      accountId: r.accountId,
      regions: [],
      complete: true,
      notCollected: 0,
      durationSeconds: 0,
      checks: 0,
      totals: { PASS: 0, FAIL: 0, SUPPRESSED: 0, ERROR: 0 },
      failedBySrmClass: zeroBy(SRM_CLASSES),
      failedBySeverity: zeroBy(SEVERITIES),
      coverage: { evaluated: 0, notEvaluated: 0, share: 1 },
      lifecycle: { new: 0, regressed: 0, resolved: 0, open: 0 },
      collectionIssues: 0,
      alertable: { count: 0, sample: [] },
      apiCalls: 0,
    };
    merged.scanIds.push(r.scanId);
    merged.regions = [...new Set([...merged.regions, ...r.regions])].sort();
    merged.complete &&= r.complete;
    merged.notCollected += r.notCollected;
    merged.durationSeconds = Math.max(merged.durationSeconds, r.durationSeconds);
    merged.checks = Math.max(merged.checks, r.checks);
    addInto(merged.totals, r.totals);
    addInto(merged.failedBySrmClass, r.failedBySrmClass);
    addInto(merged.failedBySeverity, r.failedBySeverity);
    const evaluated = merged.coverage.evaluated + r.coverage.evaluated;
    const notEvaluated = merged.coverage.notEvaluated + r.coverage.notEvaluated;
    merged.coverage = {
      evaluated,
      notEvaluated,
      share: evaluated + notEvaluated === 0 ? 1 : evaluated / (evaluated + notEvaluated),
    };
    if (r.lifecycle && merged.lifecycle) addInto(merged.lifecycle, r.lifecycle);
    merged.collectionIssues += r.collectionIssues;
    merged.alertable = {
      count: merged.alertable.count + r.alertable.count,
      sample: [...merged.alertable.sample, ...r.alertable.sample],
    };
    merged.apiCalls += r.apiCalls;
    entry.result = merged;
  }
  for (const f of failed) {
    const entry = outcome(f.accountId);
    entry.shards += 1;
    entry.errors.push({ error: f.error, ...(f.cause && { cause: f.cause }), ...(f.regions && { regions: f.regions }) });
  }
  for (const entry of byAccount.values()) {
    if (entry.errors.length > 0) entry.status = entry.result ? 'PARTIAL' : 'FAILED';
  }
  return [...byAccount.values()].sort((a, b) => a.accountId.localeCompare(b.accountId));
}

/** The organisation's totals: what the summary item stores and the digest's header shows. */
export interface OrganizationDigestSummary {
  executionName: string;
  startedAt: string;
  accounts: { total: number; scanned: number; partial: number; failed: number };
  totals: { PASS: number; FAIL: number; SUPPRESSED: number; ERROR: number };
  failedBySrmClass: Record<SrmClass, number>;
  lifecycle: { new: number; regressed: number; resolved: number; open: number };
  alertable: number;
  /** Why the run stopped early, when it did (the state machine's error). */
  runError?: string;
}

export function summariseOrganization(
  outcomes: readonly DigestAccountOutcome[],
  context: { executionName: string; startedAt: string; runError?: string },
): OrganizationDigestSummary {
  const totals = { PASS: 0, FAIL: 0, SUPPRESSED: 0, ERROR: 0 };
  const failedBySrmClass = zeroBy(SRM_CLASSES);
  const lifecycle = { new: 0, regressed: 0, resolved: 0, open: 0 };
  let alertable = 0;
  for (const o of outcomes) {
    if (!o.result) continue;
    addInto(totals, o.result.totals);
    addInto(failedBySrmClass, o.result.failedBySrmClass);
    if (o.result.lifecycle) addInto(lifecycle, o.result.lifecycle);
    alertable += o.result.alertable.count;
  }
  const count = (status: DigestAccountOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  return {
    executionName: context.executionName,
    startedAt: context.startedAt,
    accounts: { total: outcomes.length, scanned: count('SCANNED'), partial: count('PARTIAL'), failed: count('FAILED') },
    totals,
    failedBySrmClass,
    lifecycle,
    alertable,
    ...(context.runError && { runError: context.runError }),
  };
}

const ATTENTION = { FAILED: 0, PARTIAL: 1, SCANNED: 2 } as const;

/** The order both digests list accounts in: failed, then partial, then scanned; by account id within each. */
export const byAttention = (x: DigestAccountOutcome, y: DigestAccountOutcome): number =>
  ATTENTION[x.status] - ATTENTION[y.status] || x.accountId.localeCompare(y.accountId);

/** SNS's limit is 256 KiB; the body stops well before it and says how many accounts it left out. */
const BODY_LIMIT = 200 * 1024;

/**
 * The organisation digest: one message, accounts in order (failed and partial first), each with its failures by
 * SRM class and its new or regressed findings at or above the alert severity under their SRM class. Pure.
 */
export function formatOrganizationDigest(
  summary: OrganizationDigestSummary,
  outcomes: readonly DigestAccountOutcome[],
  minSeverity: Severity,
): Digest {
  const a = summary.accounts;
  const subject =
    `srm-scan organisation: ${summary.alertable} new finding${summary.alertable === 1 ? '' : 's'} (${minSeverity}+) in ${a.total} account${a.total === 1 ? '' : 's'}${a.failed ? `, ${a.failed} failed` : ''}${a.partial ? `, ${a.partial} partial` : ''}`.slice(
      0,
      SUBJECT_MAX_LENGTH,
    );
  const head = [
    `srm-scan organisation digest, run ${summary.executionName} started ${summary.startedAt}`,
    ...(summary.runError ? [`THE RUN STOPPED EARLY: ${summary.runError}`] : []),
    `Accounts: ${a.total} - ${a.scanned} scanned, ${a.partial} partial, ${a.failed} failed`,
    `Findings: ${summary.totals.PASS} PASS, ${summary.totals.FAIL} FAIL, ${summary.totals.SUPPRESSED} SUPPRESSED, ${summary.totals.ERROR} ERROR`,
    `Lifecycle: ${summary.lifecycle.new} new, ${summary.lifecycle.regressed} regressed, ${summary.lifecycle.resolved} resolved, ${summary.lifecycle.open} open`,
    `FAIL by SRM class: ${SRM_CLASSES.map((c) => `${c} ${summary.failedBySrmClass[c]}`).join(', ')}`,
    '',
  ];
  const ordered = [...outcomes].sort(byAttention);
  const listedIn = (o: DigestAccountOutcome) => o.result?.alertable.sample.length ?? 0;
  const sections = ordered.map((o) => {
    const lines = [`ACCOUNT ${o.accountId} - ${o.status}${o.shards > 1 ? ` (${o.shards} region shards)` : ''}`];
    for (const e of o.errors) {
      lines.push(
        `  Error${e.regions ? ` (regions ${e.regions.join(', ')})` : ''}: ${redactSecrets(`${e.error}${e.cause ? `: ${e.cause}` : ''}`).slice(0, 500)}`,
      );
    }
    const r = o.result;
    if (r) {
      if (!r.complete)
        lines.push(
          `  Time budget ran out: ${r.notCollected} scope(s) not collected, reported as ERROR; nothing there was resolved.`,
        );
      lines.push(
        `  ${r.totals.FAIL} FAIL, ${r.totals.ERROR} ERROR, coverage ${(Math.floor(r.coverage.share * 1000) / 10).toFixed(1)}%, ${r.lifecycle?.new ?? 0} new, ${r.lifecycle?.resolved ?? 0} resolved`,
      );
      for (const srmClass of SRM_CLASSES) {
        const listed = r.alertable.sample.filter((f) => f.srmClass === srmClass);
        if (r.failedBySrmClass[srmClass] === 0 && listed.length === 0) continue;
        lines.push(`  ${srmClass}: ${r.failedBySrmClass[srmClass]} FAIL`);
        // Resource names come from the accounts: a secret pasted into one is masked, as on an account's digest.
        for (const f of listed)
          lines.push(
            redactSecrets(
              `    ${f.kind.toUpperCase()} [${f.severity}] ${f.checkId} ${f.resourceId} (${f.region}): ${f.title}`,
            ),
          );
      }
      const unlisted = r.alertable.count - r.alertable.sample.length;
      if (unlisted > 0)
        lines.push(`  ... and ${unlisted} more new finding(s): query the findings table for account ${o.accountId}.`);
    }
    return [...lines, ''].join('\n');
  });
  let body = head.join('\n');
  let bytes = Buffer.byteLength(body, 'utf8');
  let accountsShown = 0;
  let listed = 0;
  for (const [index, section] of sections.entries()) {
    const sectionBytes = Buffer.byteLength(section, 'utf8');
    if (bytes + sectionBytes > BODY_LIMIT) break;
    body += `\n${section}`;
    bytes += sectionBytes + 1;
    accountsShown += 1;
    listed += listedIn(ordered[index] as DigestAccountOutcome);
  }
  if (accountsShown < sections.length)
    body += `\n... ${sections.length - accountsShown} more account(s) left out to fit the message; see the organisation summary item.\n`;
  return {
    subject: subject.replace(/[^\x20-\x7e]/g, '?'),
    body,
    bytes: Buffer.byteLength(body, 'utf8'),
    // For subscription filter policies, as on an account's digest; the account is the whole organisation.
    attributes: { severity: summary.alertable > 0 ? minSeverity : 'none', accountId: 'organization' },
    shown: listed,
    omitted: summary.alertable - listed,
  };
}

/** Whether the digest goes out: always, never, or on new findings, failed or partial accounts, or an early stop. */
export function shouldNotify(notifyOn: NotifyOn, summary: OrganizationDigestSummary): boolean {
  if (notifyOn === 'always') return true;
  if (notifyOn === 'never') return false;
  return (
    summary.alertable > 0 ||
    summary.accounts.failed > 0 ||
    summary.accounts.partial > 0 ||
    summary.runError !== undefined
  );
}

/**
 * The organisation digest as an AWS Chatbot custom notification, from the same summary and account outcomes as the
 * e-mail digest (`formatOrganizationDigest`): totals, then failed and partial accounts first, each with its new or
 * regressed findings while they fit. Text from the accounts goes through `chatEscape` / `chatCode`. Pure.
 */
export function formatOrganizationChatNotification(
  summary: OrganizationDigestSummary,
  outcomes: readonly DigestAccountOutcome[],
  minSeverity: Severity,
  subject: string,
): ChatNotification {
  const a = summary.accounts;
  const head = [
    `*Run* ${chatCode(summary.executionName)} · *Accounts* ${a.total}: ${a.scanned} scanned, ${a.partial} partial, ${a.failed} failed`,
    ...(summary.runError ? [`*The run stopped early:* ${chatCode(summary.runError)}`] : []),
    `*Results* FAIL ${summary.totals.FAIL} · PASS ${summary.totals.PASS} · SUPPRESSED ${summary.totals.SUPPRESSED} · ERROR ${summary.totals.ERROR}`,
    `*Lifecycle* new ${summary.lifecycle.new} · regressed ${summary.lifecycle.regressed} · resolved ${summary.lifecycle.resolved} · open ${summary.lifecycle.open}`,
    `*New and regressed (${minSeverity} and above)* ${summary.alertable}`,
    '',
  ].join('\n');
  const ordered = outcomes
    .filter((o) => o.status !== 'SCANNED' || (o.result?.alertable.count ?? 0) > 0)
    .sort(byAttention);
  const blocks: string[] = [];
  let budget = CHAT_LIMITS.description - head.length - 120;
  for (const o of ordered) {
    const lines = [`*Account* ${chatCode(o.accountId)} ${o.status}`];
    for (const e of o.errors.slice(0, 1))
      lines.push(`      ${chatCode(`${e.error}${e.cause ? `: ${e.cause}` : ''}`, 200)}`);
    for (const f of o.result?.alertable.sample ?? []) {
      lines.push(
        `      *${f.severity.toUpperCase()}* ${f.kind.toUpperCase()}: ${chatEscape(f.title)} ${chatCode(f.resourceId, 120)} (${chatEscape(f.region)}) · ${SRM_CLASS_DESCRIPTIONS[f.srmClass].label}`,
      );
    }
    const block = lines.join('\n');
    if (block.length + 1 > budget) break;
    blocks.push(block);
    budget -= block.length + 1;
  }
  const more = ordered.length - blocks.length;
  const description = cap(
    [head, ...blocks, ...(more > 0 ? [`… and ${more} more account(s): see the e-mail digest.`] : [])].join('\n'),
    CHAT_LIMITS.description,
  );
  return {
    version: '1.0',
    source: 'custom',
    id: summary.executionName,
    content: {
      textType: 'client-markdown',
      title: cap(
        `${summary.alertable > 0 || a.failed > 0 ? ':warning:' : ':white_check_mark:'} ${chatEscape(subject)}`,
        CHAT_LIMITS.title,
      ),
      description,
      nextSteps: ['Every finding: the findings table, by account; the organisation summary item has this run'],
      keywords: ['srm-scan', 'organization'],
    },
    metadata: {
      threadId: 'srm-scan-organization',
      summary: subject,
      eventType: 'srm-scan Organization Digest',
      relatedResources: [],
      additionalContext: { executionName: summary.executionName, alertable: String(summary.alertable) },
    },
  };
}

export interface OrganizationDigestInput {
  /** Each scanned account's result (a region shard's result per shard). */
  succeeded: readonly AccountScanResult[];
  /** Accounts, or shards, that could not be scanned, with their error. */
  failed: readonly { accountId: string; regions?: readonly string[]; error: string; cause?: string }[];
  run: { executionName: string; startedAt: string; runError?: string };
  minSeverity: Severity;
  notifyOn: NotifyOn;
  /** Also format it as an AWS Chatbot custom notification. */
  chat?: boolean;
}

/**
 * The organisation digest of a run, the same wherever it is sent from (the deployed aggregation step, the command
 * line): the accounts merged and summarised, whether it goes out, and the message in e-mail and, with `chat`, chat
 * form. Pure.
 */
export function buildOrganizationDigest(input: OrganizationDigestInput): {
  outcomes: DigestAccountOutcome[];
  summary: OrganizationDigestSummary;
  send: boolean;
  digest: Digest;
  chat?: ChatNotification;
} {
  const outcomes = mergeAccountResults(input.succeeded, input.failed);
  const summary = summariseOrganization(outcomes, input.run);
  const digest = formatOrganizationDigest(summary, outcomes, input.minSeverity);
  const chat = input.chat
    ? formatOrganizationChatNotification(summary, outcomes, input.minSeverity, digest.subject)
    : undefined;
  return { outcomes, summary, send: shouldNotify(input.notifyOn, summary), digest, ...(chat && { chat }) };
}

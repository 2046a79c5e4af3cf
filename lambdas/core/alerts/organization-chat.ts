import { type Severity, SRM_CLASS_DESCRIPTIONS } from '../srm/vocabulary.js';
import { CHAT_LIMITS, type ChatNotification, chatCode, chatEscape } from './chat.js';
import type { DigestAccountOutcome, OrganizationDigestSummary } from './organization-digest.js';

const cap = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

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
  const rank = { FAILED: 0, PARTIAL: 1, SCANNED: 2 } as const;
  const ordered = [...outcomes]
    .filter((o) => o.status !== 'SCANNED' || (o.result?.alertable.count ?? 0) > 0)
    .sort((x, y) => rank[x.status] - rank[y.status] || x.accountId.localeCompare(y.accountId));
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

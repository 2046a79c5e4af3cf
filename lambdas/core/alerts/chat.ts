import type { Transition } from '../findings/lifecycle.js';
import { describeCoverage } from '../findings/model.js';
import { redactSecrets } from '../secrets/index.js';
import { OBLIGATION_LABELS, SRM_CLASS_DESCRIPTIONS } from '../srm/vocabulary.js';
import { type DigestInput, formatSubject, highestSeverity } from './digest.js';

/**
 * The digest as an AWS Chatbot (Amazon Q Developer in chat applications) custom notification, the format Chatbot
 * forwards to Slack and Microsoft Teams (it drops plain-text SNS messages). Rendered from the same data as the
 * e-mail digest (`DigestInput`: the alertable transitions `selectAlertable` chose), never selecting on its own.
 *
 * `textType: client-markdown` renders as Slack mrkdwn in Slack and Markdown in Teams. Everything that comes from
 * the account (resource ids and ARNs, messages, which quote names and tags) is attacker-controlled: it goes inside
 * code spans (no formatting, links or mentions there), with backticks replaced and `&`, `<`, `>` escaped as
 * Slack requires, and secrets redacted like every other output.
 */
export interface ChatNotification {
  version: '1.0';
  source: 'custom';
  id: string;
  content: {
    textType: 'client-markdown';
    title: string;
    description: string;
    nextSteps: string[];
    keywords: string[];
  };
  metadata: {
    threadId: string;
    summary: string;
    eventType: string;
    relatedResources: string[];
    additionalContext: Record<string, string>;
  };
}

/**
 * Size caps. AWS publishes no limit for custom notifications; Slack truncates a section's text at 3,000
 * characters, so the description stays under it and the rest is counted ("… and N more").
 */
export const CHAT_LIMITS = {
  title: 250,
  description: 3000,
  nextSteps: 3,
  nextStep: 300,
  keywords: 10,
  relatedResources: 10,
} as const;

/**
 * Bytes the e-mail digest leaves for the chat notification in one structured SNS message: the notification (at
 * most ~4 KB of text, up to 3 bytes a character, escaped once more inside the message) and the digest's own JSON
 * escaping (a byte per line break or quote).
 */
export const CHAT_DIGEST_RESERVE_BYTES = 40 * 1024;

const SEVERITY_MARK: Readonly<Record<string, string>> = {
  critical: ':red_circle:',
  high: ':large_orange_circle:',
  medium: ':large_yellow_circle:',
  low: ':white_circle:',
  informational: ':white_circle:',
};

/** One line, secrets redacted, `&`, `<`, `>` as entities (Slack's escaping; Teams shows them as the characters). */
export function chatEscape(text: string): string {
  return redactSecrets(text)
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .trim();
}

/** Attacker-controlled text as an inline code span: no mrkdwn/Markdown, links or mentions are interpreted in it. */
export function chatCode(text: string, maxLength = 400): string {
  const escaped = chatEscape(text).replace(/`/g, 'ˋ');
  const cut = escaped.length > maxLength ? `${escaped.slice(0, maxLength - 1).replace(/&[a-z]*$/, '')}…` : escaped;
  return `\`${cut.length > 0 ? cut : ' '}\``;
}

/** `text` cut to `max` characters, with an ellipsis when cut. */
export const cap = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

function findingLines(transition: Transition): string {
  const { state } = transition;
  const label = transition.kind === 'regressed' ? 'REGRESSED' : 'NEW';
  const why = transition.cause === 'suppression-lapsed' ? ' (suppression lapsed)' : '';
  return [
    `${SEVERITY_MARK[state.severity] ?? ''} *${state.severity.toUpperCase()}* ${label}${why}: ${chatEscape(state.title)}`,
    `      ${chatCode(state.resourceArn, 200)} (${chatEscape(state.region)}) · ${chatEscape(SRM_CLASS_DESCRIPTIONS[state.srmClass].label)} / ${chatEscape(OBLIGATION_LABELS[state.obligation])}`,
    `      ${chatCode(state.message)}`,
  ].join('\n');
}

/**
 * Formats the chat notification: title (the e-mail subject), totals and coverage, the new and regressed findings
 * most severe first while they fit, resolved count, collection issues, and next steps (the fix of the first
 * finding, where the full list is). Pure.
 */
export function formatChatNotification(input: DigestInput): ChatNotification {
  const { scan } = input.report;
  const l = input.lifecycle;
  const subject = formatSubject(scan.accountId, input.alertable, l);
  const highest = highestSeverity(input.alertable);
  const t = scan.totals;
  const head = [
    `*Account* ${chatCode(scan.accountId)} · *Regions* ${scan.regions.length} · *Scan* ${chatCode(scan.id)}`,
    `*Results* FAIL ${t.FAIL} · PASS ${t.PASS} · SUPPRESSED ${t.SUPPRESSED} · ERROR ${t.ERROR}`,
    chatEscape(describeCoverage(scan.coverage)),
    `*Lifecycle* new ${l.new} · regressed ${l.regressed} · resolved ${l.resolved} · open ${l.open}`,
    '',
    input.alertable.length > 0
      ? `*New and regressed failing findings (${input.minSeverity} and above): ${input.alertable.length}*`
      : `No new or regressed failing finding at ${input.minSeverity} severity or above.`,
  ].join('\n');
  const issues = scan.collectionIssues.length;
  const tail = [
    '',
    `*Resolved since the previous scan* ${l.resolved}`,
    `*Collection issues* ${issues}${issues > 0 ? ' (affected checks report ERROR)' : ''}`,
  ].join('\n');

  const blocks: string[] = [];
  // Room for the "… and N more" line.
  let budget = CHAT_LIMITS.description - head.length - tail.length - 120;
  for (const transition of input.alertable) {
    const block = findingLines(transition);
    if (block.length + 1 > budget) break;
    blocks.push(block);
    budget -= block.length + 1;
  }
  const omitted = input.alertable.length - blocks.length;
  const more =
    omitted > 0
      ? [`… and ${omitted} more: see the e-mail digest${input.table ? ` or table ${chatCode(input.table.name)}` : ''}.`]
      : [];
  const description = cap([head, ...blocks, ...more, tail].join('\n'), CHAT_LIMITS.description);

  const first = input.alertable[0];
  const fix = first?.finding?.remediation;
  const nextSteps = [
    ...(first && fix ? [`Fix the first one: ${chatCode(fix.cli ?? fix.text, 200)}`] : []),
    ...(first?.finding?.remediation.url ? [`Docs: ${first.finding.remediation.url}`] : []),
    input.table
      ? `Every finding: DynamoDB table ${chatCode(input.table.name)} (${chatEscape(input.table.region)}), or run srm-scan scan`
      : 'Every finding: the scan report (srm-scan scan --format json)',
  ]
    .slice(0, CHAT_LIMITS.nextSteps)
    .map((step) => cap(step, CHAT_LIMITS.nextStep));

  return {
    version: '1.0',
    source: 'custom',
    id: scan.id,
    content: {
      textType: 'client-markdown',
      title: cap(
        `${highest === 'none' ? ':white_check_mark:' : (SEVERITY_MARK[highest] ?? '')} ${chatEscape(subject)}`,
        CHAT_LIMITS.title,
      ),
      description,
      nextSteps,
      keywords: ['srm-scan', scan.accountId, ...(highest === 'none' ? [] : [highest])].slice(0, CHAT_LIMITS.keywords),
    },
    metadata: {
      threadId: `srm-scan-${scan.accountId}`,
      summary: subject,
      eventType: 'srm-scan Digest',
      relatedResources: input.alertable
        .map((a) => a.state.resourceArn)
        .filter((arn) => arn.startsWith('arn:'))
        .slice(0, CHAT_LIMITS.relatedResources),
      additionalContext: { accountId: scan.accountId, scanId: scan.id, highestSeverity: highest },
    },
  };
}

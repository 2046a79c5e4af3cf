import { byGroupAndPriority, DIFF_KINDS, type DiffChange, type ScanDiff } from '../../diff/compare.js';
import { OBLIGATION_LABELS, severityRank } from '../../srm/vocabulary.js';
import {
  changeDetail,
  diffScope,
  gateLine,
  groupChanges,
  KIND_LABELS,
  kindTally,
  listedChanges,
  notObservedLine,
  severalAccounts,
  unchangedTally,
} from './describe.js';

/** Rows listed by default: a pull-request comment stays well under GitHub's 65,536 characters. */
const DEFAULT_MARKDOWN_ROWS = 200;

/** U+2060 WORD JOINER: invisible, and stops `@name` from mentioning someone in a GitHub comment. */
const WORD_JOINER = '\u2060';

/**
 * Text from a report (resource names, tags in messages: attacker-controlled) as inert Markdown, in a paragraph or a
 * table cell: line breaks become spaces; `&`, `<`, `>` become entities (no HTML); Markdown punctuation (`\`, backtick,
 * `*`, `_`, `[`, `]`, `|`, `~`, `$`) is backslash-escaped (no code, emphasis, links, images, table cells, math);
 * `://` and `www.` are broken up so no autolink is made; `@` is followed by a word joiner so nobody is mentioned.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~$]/g, '\\$&')
    .replace(/:\/\//g, ':\\/\\/')
    .replace(/www\./gi, (match) => `${match.slice(0, 3)}\\.`)
    .replace(/@/g, `@${WORD_JOINER}`);
}

/**
 * An identifier (resource id, ARN, check id) in a code span when nothing in it can end the span or the table cell
 * (no backtick, pipe, backslash, control character or edge space); escaped text otherwise. Inside a code span nothing
 * is a link, HTML or a mention.
 */
export function markdownCode(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses.
  const inert = text.length > 0 && text.trim() === text && !/[`|\\\u0000-\u001f\u007f\u2028\u2029]/.test(text);
  return inert ? `\`${text}\`` : escapeMarkdown(text);
}

const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;

/** The changes the comment lists: the most important first (kind, then severity) up to `maxRows`. */
function selectRows(changes: readonly DiffChange[], maxRows: number): DiffChange[] {
  if (changes.length <= maxRows) return [...changes];
  const kindOrder = (c: DiffChange) => DIFF_KINDS.indexOf(c.kind);
  return [...changes]
    .sort((a, b) => kindOrder(a) - kindOrder(b) || severityRank(a.severity) - severityRank(b.severity))
    .slice(0, maxRows)
    .sort(byGroupAndPriority);
}

export interface DiffMarkdownOptions {
  /** Most changes listed (default {@link DEFAULT_MARKDOWN_ROWS}); the counts always cover all of them. */
  maxRows?: number;
}

/**
 * `srm-scan diff --format markdown`, for a pull-request comment or a CI job summary: a heading with the counts, the
 * two reports, the scope warnings as a quote, a count table, then one table of changes per SRM class and obligation.
 * Every text taken from the reports goes through {@link escapeMarkdown} or {@link markdownCode}.
 */
export function renderDiffMarkdown(diff: ScanDiff, options: DiffMarkdownOptions = {}): string {
  const maxRows = options.maxRows ?? DEFAULT_MARKDOWN_ROWS;
  const headline = DIFF_KINDS.filter((kind) => diff.counts[kind] > 0)
    .map((kind) => `${diff.counts[kind]} ${KIND_LABELS[kind].toLowerCase()}`)
    .join(', ');
  const { accounts, regions } = diffScope(diff);
  const side = (name: string, s: ScanDiff['before']) =>
    `**${name}:** ${markdownCode(s.file)} · ${s.kind === 'organization' ? `organisation (${s.accounts.length} accounts)` : `scan ${markdownCode(s.scanIds.join(', '))}`} · ${escapeMarkdown(s.startedAt)} · srm-scan ${escapeMarkdown(s.toolVersion)}`;
  const out: string[] = [
    `## srm-scan diff: ${headline || 'no change'}`,
    '',
    `${side('Before', diff.before)}  `,
    `${side('After', diff.after)}  `,
    `Accounts: ${accounts.map(markdownCode).join(', ')} · Regions: ${regions.map(escapeMarkdown).join(', ')}`,
  ];
  for (const warning of diff.warnings) out.push('', `> **Scope warning:** ${escapeMarkdown(warning.message)}`);
  const gate = gateLine(diff);
  if (gate) out.push('', `**${escapeMarkdown(gate)}**`);
  out.push(
    '',
    `**Changes:** ${escapeMarkdown(kindTally(diff.counts))}  `,
    `**Unchanged:** ${escapeMarkdown(unchangedTally(diff.unchanged))}`,
  );

  const listed = listedChanges(diff);
  const shown = selectRows(listed, maxRows);
  const withAccount = severalAccounts(diff);
  for (const group of groupChanges(shown)) {
    out.push('', `### ${escapeMarkdown(group.label)}`, '', `*${escapeMarkdown(group.inShort)}*`);
    for (const { obligation, changes } of group.obligations) {
      out.push(
        '',
        `**${escapeMarkdown(OBLIGATION_LABELS[obligation])}**`,
        '',
        row(['Change', 'Severity', 'Check', ...(withAccount ? ['Account'] : []), 'Resource', 'Region', 'Detail']),
        row(['---', '---', '---', ...(withAccount ? ['---'] : []), '---', '---', '---']),
        ...changes.map((c) =>
          row([
            `**${KIND_LABELS[c.kind]}**`,
            escapeMarkdown(c.severity),
            markdownCode(c.checkId),
            ...(withAccount ? [markdownCode(c.accountId)] : []),
            markdownCode(c.resourceId),
            escapeMarkdown(c.region),
            escapeMarkdown(changeDetail(c)),
          ]),
        ),
      );
    }
  }
  if (shown.length < listed.length) {
    out.push(
      '',
      `*${listed.length - shown.length} more change(s) not listed: the most important ${shown.length} are shown. \`srm-scan diff --format json\` lists them all.*`,
    );
  }
  const notObserved = notObservedLine(diff);
  if (notObserved) out.push('', `*${escapeMarkdown(notObserved)}*`);
  if (diff.changes.length === 0) out.push('', 'No finding changed between the two reports.');
  if (diff.severityChanges.length > 0) {
    out.push(
      '',
      '**Severity changes**',
      '',
      ...diff.severityChanges.map(
        (s) => `- ${markdownCode(s.checkId)}: ${escapeMarkdown(s.before)} → ${escapeMarkdown(s.after)}`,
      ),
    );
  }
  return `${out.join('\n')}\n`;
}

import { servicesNotChecked } from '../coverage/service-coverage.js';
import { findingKeys } from '../findings/items.js';
import type { LifecycleSummary, StoredFinding, Transition } from '../findings/lifecycle.js';
import type { SuppressionProblem } from '../findings/model.js';
import { describeCoverage, type ScanReport } from '../findings/model.js';
import { FINDINGS_TABLE_SCHEMA } from '../findings/table-schema.js';
import { GLOBAL_REGION } from '../inventory/index.js';
import { redactSecrets } from '../secrets/index.js';
import { srmClassTitle } from '../srm/headings.js';
import {
  atLeast,
  type NotifyOn,
  OBLIGATION_LABELS,
  OBLIGATIONS,
  type Obligation,
  SEVERITIES,
  type Severity,
  SRM_CLASS_DESCRIPTIONS,
  SRM_CLASSES,
  type SrmClass,
  severityRank,
} from '../srm/vocabulary.js';

/**
 * SNS allows 256 KiB (262,144 bytes) per message, attributes included. The body stays under
 * this, leaving room for the subject and the message attributes.
 */
export const DIGEST_MAX_BYTES = 256 * 1024 - 4 * 1024;

/** SNS: subject ASCII, fewer than 100 characters, no line breaks. */
export const SUBJECT_MAX_LENGTH = 99;

const LIST_LIMIT = { suppressions: 25, collectionIssues: 30 } as const;

/** New or regressed failing findings at or above `minSeverity`, most severe first: what the digest alerts on. */
export function selectAlertable(transitions: readonly Transition[], minSeverity: Severity): Transition[] {
  return transitions
    .filter(
      (t) =>
        (t.kind === 'new' || t.kind === 'regressed') &&
        t.state.status === 'FAIL' &&
        atLeast(t.state.severity, minSeverity),
    )
    .sort(compareTransitions);
}

function compareTransitions(a: Transition, b: Transition): number {
  return (
    severityRank(a.state.severity) - severityRank(b.state.severity) ||
    (a.kind === b.kind ? 0 : a.kind === 'new' ? -1 : 1) ||
    a.state.title.localeCompare(b.state.title) ||
    a.state.resourceArn.localeCompare(b.state.resourceArn)
  );
}

/** Whether to publish, with the reason in words (reported in the job result). */
export function decideAlert(
  notifyOn: NotifyOn,
  alertable: number,
  minSeverity: Severity,
): { send: boolean; reason: string } {
  const what = `${alertable} new or regressed failing finding(s) at ${minSeverity} severity or above`;
  if (notifyOn === 'never') return { send: false, reason: `notifyOn is "never" (${what})` };
  if (notifyOn === 'always') return { send: true, reason: `notifyOn is "always" (${what})` };
  return alertable > 0 ? { send: true, reason: what } : { send: false, reason: `no change to alert: ${what}` };
}

/** The most severe severity among the alerted findings; `none` when there is none (filter policies match it). */
export function highestSeverity(alertable: readonly Transition[]): Severity | 'none' {
  const ranks = alertable.map((t) => severityRank(t.state.severity));
  return ranks.length > 0 ? (SEVERITIES[Math.min(...ranks)] ?? 'none') : 'none';
}

/** Printable ASCII on one line: what SNS accepts in a subject. */
const toAsciiLine = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();

/**
 * The e-mail subject, e.g. `srm-scan 123456789012: 2 new critical, 1 regressed high`: ASCII,
 * at most 99 characters, no line break. Counts that do not fit become `+N more`.
 */
export function formatSubject(
  accountId: string,
  alertable: readonly Transition[],
  lifecycle: Pick<LifecycleSummary, 'open' | 'resolved'>,
): string {
  const prefix = `srm-scan ${toAsciiLine(accountId)}: `;
  const parts: string[] = [];
  for (const severity of SEVERITIES) {
    for (const kind of ['new', 'regressed'] as const) {
      const n = alertable.filter((t) => t.kind === kind && t.state.severity === severity).length;
      if (n > 0) parts.push(`${n} ${kind} ${severity}`);
    }
  }
  if (parts.length === 0) parts.push(`no new findings, ${lifecycle.open} open, ${lifecycle.resolved} resolved`);
  let subject = toAsciiLine(prefix + (parts[0] ?? ''));
  for (let shown = parts.length; shown >= 1; shown -= 1) {
    const rest = parts.length - shown;
    const candidate = toAsciiLine(`${prefix}${parts.slice(0, shown).join(', ')}${rest > 0 ? `, +${rest} more` : ''}`);
    if (candidate.length <= SUBJECT_MAX_LENGTH) {
      subject = candidate;
      break;
    }
  }
  return subject.slice(0, SUBJECT_MAX_LENGTH);
}

/** `INFRASTRUCTURE SERVICES (EC2, EBS, VPC) - you secure the guest OS, network controls and data`. */
const classHeading = (srmClass: SrmClass): string =>
  `${srmClassTitle(srmClass)} - ${SRM_CLASS_DESCRIPTIONS[srmClass].inShort}`;

const byteLength = (text: string): number => Buffer.byteLength(text, 'utf8');

/** Cuts text to at most `maxBytes` of UTF-8 without splitting a character. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (byteLength(text) <= maxBytes) return text;
  let bytes = 0;
  let end = 0;
  for (const character of text) {
    const size = byteLength(character);
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += character.length;
  }
  return text.slice(0, end);
}

/** Lines with secrets redacted and no stray line breaks inside a line. */
class Lines {
  readonly lines: string[] = [];
  bytes = 0;

  push(...lines: string[]): this {
    for (const line of lines) {
      for (const part of redactSecrets(line).split(/\r?\n/)) {
        this.lines.push(part);
        this.bytes += byteLength(part) + 1;
      }
    }
    return this;
  }

  append(other: Lines): this {
    this.lines.push(...other.lines);
    this.bytes += other.bytes;
    return this;
  }

  toString(): string {
    return this.lines.join('\n');
  }
}

const oneLine = (text: string): string => text.replace(/\s*[\r\n]+\s*/g, ' ').trim();

function findingBlock(transition: Transition): Lines {
  const state: StoredFinding = transition.state;
  const finding = transition.finding;
  const label = transition.kind === 'regressed' ? 'REGRESSED' : 'NEW';
  const lapsed = transition.lapsed;
  const why =
    transition.cause === 'suppression-lapsed'
      ? ` (suppression ${lapsed?.reason === 'expired' ? `expired ${lapsed.suppression.expiresAt}` : 'removed'})`
      : transition.kind === 'regressed'
        ? ' (was resolved)'
        : '';
  const remediation = finding?.remediation;
  const fix = remediation?.cli ?? remediation?.text;
  const block = new Lines().push(
    `  [${state.severity.toUpperCase()}] ${label}${why}: ${oneLine(state.title)}`,
    `    Resource: ${state.resourceArn} (${state.region})`,
    `    Finding:  ${oneLine(state.message)}`,
  );
  if (fix) block.push(`    Fix:      ${oneLine(fix)}`);
  if (remediation?.url) block.push(`    Docs:     ${remediation.url}`);
  return block.push('');
}

function limitedList<T>(items: readonly T[], limit: number, render: (item: T) => string, noun: string): string[] {
  const shown = items.slice(0, limit).map((item) => `  - ${oneLine(render(item))}`);
  if (items.length > limit) shown.push(`  ... and ${items.length - limit} more ${noun}`);
  return shown;
}

export interface DigestInput {
  report: ScanReport;
  lifecycle: LifecycleSummary;
  /** From `selectAlertable`. */
  alertable: readonly Transition[];
  minSeverity: Severity;
  /** Where the full list lives, for the pointer at the end. */
  table?: { name: string; region: string };
  /** Body limit in UTF-8 bytes; default `DIGEST_MAX_BYTES`. */
  maxBytes?: number;
}

export interface Digest {
  subject: string;
  body: string;
  /** UTF-8 size of the body. */
  bytes: number;
  /** SNS message attributes, for subscription filter policies. */
  attributes: { severity: Severity | 'none'; accountId: string };
  /** Alerted findings listed in the body, and those left out by the size cap. */
  shown: number;
  omitted: number;
}

function header(input: DigestInput): Lines {
  const { scan } = input.report;
  const { lifecycle: l } = input;
  const t = scan.totals;
  const seconds = Math.round((Date.parse(scan.finishedAt) - Date.parse(scan.startedAt)) / 1000);
  return new Lines().push(
    `srm-scan digest for AWS account ${scan.accountId}`,
    `Scan ${scan.id}: ${scan.startedAt} to ${scan.finishedAt} (${Number.isFinite(seconds) ? seconds : '?'} s)`,
    `Regions: ${scan.regions.join(', ')}`,
    '',
    'TOTALS',
    `  Findings: ${t.findings} results - ${t.PASS} PASS, ${t.FAIL} FAIL, ${t.SUPPRESSED} SUPPRESSED, ${t.ERROR} ERROR`,
    `  ${describeCoverage(scan.coverage)}`,
    `  New: ${l.new}   Regressed: ${l.regressed}   Still open: ${l.active}   Resolved: ${l.resolved}   Suppressed: ${l.suppressed}`,
    `  Open failing findings in total: ${l.open}`,
    `  Alerted below: ${input.alertable.length} new or regressed at ${input.minSeverity} severity or above`,
    '',
  );
}

function tail(input: DigestInput): Lines {
  const { lifecycle: l } = input;
  const issues = input.report.scan.collectionIssues;
  const lines = new Lines().push(
    `RESOLVED: ${l.resolved} finding(s) resolved since the previous scan (fixed, or the resource is gone).`,
    '',
  );
  const problems = input.report.scan.suppressionProblems;
  const expired = problems.filter((p) => p.kind === 'expired');
  const others = problems.filter((p) => p.kind !== 'expired');
  const detail = (p: SuppressionProblem) => p.detail;
  if (expired.length > 0) {
    lines.push(
      `EXPIRED SUPPRESSIONS (${expired.length}) - the findings they covered alert again`,
      ...limitedList(expired, LIST_LIMIT.suppressions, detail, 'expired suppressions'),
      '',
    );
  }
  if (others.length > 0) {
    lines.push(
      `SUPPRESSION WARNINGS (${others.length})`,
      ...limitedList(others, LIST_LIMIT.suppressions, detail, 'suppression warnings'),
      '',
    );
  }
  lines.push(
    `COLLECTION ISSUES (${issues.length})${issues.length === 0 ? ': none' : ' - affected checks report ERROR and keep their previous state'}`,
  );
  if (issues.length > 0) {
    lines.push(
      ...limitedList(
        issues,
        LIST_LIMIT.collectionIssues,
        (i) =>
          `${i.slice}${i.region === GLOBAL_REGION ? '' : ` in ${i.region}`}${i.resourceArn ? ` for ${i.resourceArn}` : ''}: ${i.errorCode}: ${i.message}`,
        'collection issues',
      ),
    );
  }
  const unchecked = input.report.coverage ? servicesNotChecked(input.report.coverage) : [];
  if (unchecked.length > 0) {
    lines.push(
      '',
      `IN USE, NOT CHECKED (${unchecked.length}) - services this account uses that srm-scan did not check (srm-scan coverage)`,
      ...limitedList(unchecked, LIST_LIMIT.collectionIssues, (name) => name, 'services'),
    );
  }
  return lines.push('');
}

function footer(input: DigestInput): Lines {
  const lines = new Lines().push('WHERE TO LOOK');
  if (!input.table) return lines.push('  The full report is in the scan output (JSON).');
  const { name, region } = input.table;
  const index = FINDINGS_TABLE_SCHEMA.openFindingsIndex;
  const key = findingKeys.openPartition(input.report.scan.accountId, 'critical');
  return lines.push(
    `  Every finding is in DynamoDB table ${name} (${region}); open failing findings by severity in index ${index.name}:`,
    `  aws dynamodb query --region ${region} --table-name ${name} --index-name ${index.name} --key-condition-expression "${index.partitionKey} = :p" --expression-attribute-values '{":p":{"S":"${key}"}}'`,
    `  (replace 0-critical with 1-high, 2-medium, 3-low or 4-informational).`,
  );
}

/**
 * Formats the digest: totals; the new and regressed failing findings grouped by SRM class, then
 * obligation (severity, title, resource, region, one-line remediation); resolved count; expired
 * and problematic suppressions; collection issues; where to find everything. The body is plain
 * text, secrets redacted, and never larger than `maxBytes` in UTF-8: findings that do not fit are
 * summarised as "... and N more". Pure.
 */
export function formatDigest(input: DigestInput): Digest {
  const maxBytes = input.maxBytes ?? DIGEST_MAX_BYTES;
  const accountId = input.report.scan.accountId;
  const head = header(input);
  const end = tail(input).append(footer(input));
  const heading = new Lines().push(`NEW AND REGRESSED FINDINGS (${input.minSeverity} and above)`, '');
  const ordered = [...input.alertable].sort(
    (a, b) =>
      SRM_CLASSES.indexOf(a.state.srmClass) - SRM_CLASSES.indexOf(b.state.srmClass) ||
      OBLIGATIONS.indexOf(a.state.obligation) - OBLIGATIONS.indexOf(b.state.obligation) ||
      compareTransitions(a, b),
  );

  const body = new Lines();
  // Room for the "... and N more" line, whatever N.
  const reserve = 200;
  let budget = maxBytes - head.bytes - end.bytes - reserve;
  let shown = 0;
  if (ordered.length > 0 && heading.bytes <= budget) {
    body.append(heading);
    budget -= heading.bytes;
    let srmClass: SrmClass | undefined;
    let obligation: Obligation | undefined;
    for (const transition of ordered) {
      const groups = new Lines();
      if (transition.state.srmClass !== srmClass) {
        groups.push(`== ${classHeading(transition.state.srmClass)} ==`);
        obligation = undefined;
      }
      if (transition.state.obligation !== obligation)
        groups.push(`-- ${OBLIGATION_LABELS[transition.state.obligation]} --`);
      const block = findingBlock(transition);
      if (groups.bytes + block.bytes > budget) break;
      body.append(groups).append(block);
      budget -= groups.bytes + block.bytes;
      srmClass = transition.state.srmClass;
      obligation = transition.state.obligation;
      shown += 1;
    }
  } else if (ordered.length === 0) {
    body.push(`No new or regressed failing finding at ${input.minSeverity} severity or above.`, '');
  }
  const omitted = ordered.length - shown;
  if (omitted > 0) {
    const where = input.table ? `table ${input.table.name}` : 'the scan report';
    body.push(`... and ${omitted} more new or regressed finding(s) not shown (message size limit): see ${where}.`, '');
  }

  let text = new Lines().append(head).append(body).append(end).toString();
  if (byteLength(text) > maxBytes) {
    // Only reachable with a tiny limit or thousands of long issue lines: cut, and say so.
    const marker = '\n[digest truncated at the message size limit]';
    text = truncateUtf8(text, maxBytes - byteLength(marker)) + marker;
  }
  return {
    subject: formatSubject(accountId, input.alertable, input.lifecycle),
    body: text,
    bytes: byteLength(text),
    attributes: { severity: highestSeverity(input.alertable), accountId },
    shown,
    omitted,
  };
}

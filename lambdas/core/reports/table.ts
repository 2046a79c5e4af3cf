import { describeCoverage, type Finding, type ScanReport } from '../findings/model.js';
import { srmClassTitle } from '../srm/headings.js';
import {
  OBLIGATION_LABELS,
  OBLIGATIONS,
  SEVERITIES,
  SRM_CLASS_DESCRIPTIONS,
  SRM_CLASSES,
  severityRank,
} from '../srm/vocabulary.js';
import { renderCoverage } from './coverage.js';
import { terminalSafe, wrap } from './terminal.js';

export interface TableOptions {
  /** List PASS findings one by one instead of counting them. */
  showPasses?: boolean;
}

/** How a finding is listed: a suppressed FAIL is reported apart from the failures. */
export type Shown = 'FAIL' | 'ERROR' | 'PASS' | 'SUPPRESSED';
export const shownAs = (finding: Finding): Shown =>
  finding.status === 'FAIL' && finding.suppression ? 'SUPPRESSED' : finding.status;

/** `FAIL 3 · PASS 40 · ERROR 1 · suppressed 2` (suppressed only when there are some): the table's and HTML's totals. */
export const totalsLine = (t: Readonly<Record<Shown, number>>): string =>
  `FAIL ${t.FAIL} · PASS ${t.PASS} · ERROR ${t.ERROR}${t.SUPPRESSED > 0 ? ` · suppressed ${t.SUPPRESSED}` : ''}`;

const tally = (findings: readonly Finding[]): string => {
  const counts: Record<Shown, number> = { FAIL: 0, PASS: 0, ERROR: 0, SUPPRESSED: 0 };
  for (const finding of findings) counts[shownAs(finding)] += 1;
  return totalsLine(counts);
};

const ORDER: Record<Shown, number> = { FAIL: 0, ERROR: 1, PASS: 2, SUPPRESSED: 3 };
const byPriority = (a: Finding, b: Finding) =>
  ORDER[shownAs(a)] - ORDER[shownAs(b)] ||
  severityRank(a.severity) - severityRank(b.severity) ||
  a.checkId.localeCompare(b.checkId) ||
  a.resourceArn.localeCompare(b.resourceArn);

const INDENT = '          ';

function renderFinding(finding: Finding): string[] {
  const shown = shownAs(finding);
  const head = `    ${shown === 'SUPPRESSED' ? 'SUPPR' : shown.padEnd(5)} ${finding.severity.padEnd(8)} ${finding.checkId}  ${finding.resourceId} (${finding.region})`;
  const lines = [head, `${INDENT}${wrap(finding.message, 100, INDENT)}`];
  if (shown === 'FAIL' && finding.remediation.cli) lines.push(`${INDENT}fix: ${finding.remediation.cli}`);
  const suppression = finding.suppression;
  if (suppression) {
    const who = suppression.owner ? ` · owner ${suppression.owner}` : '';
    const until = suppression.expiresAt ? ` · until ${suppression.expiresAt}` : ' · no expiry';
    lines.push(`${INDENT}${wrap(`suppressed: ${suppression.reason}${who}${until}`, 100, INDENT)}`);
  }
  return lines;
}

/**
 * The human report: grouped by SRM class (each headed by what AWS handles and what the customer owes), then by
 * obligation; FAILs first by severity, then ERRORs; PASSes counted. Suppressed failures are listed in their own
 * section with reason, owner and expiry, never among the FAILs. Suppression warnings and collection issues follow,
 * and the coverage line ends the report.
 */
export function renderTable(report: ScanReport, options: TableOptions = {}): string {
  const { scan, findings } = report;
  const seconds = (Date.parse(scan.finishedAt) - Date.parse(scan.startedAt)) / 1000;
  const severities = SEVERITIES.filter((s) => scan.totals.failedBySeverity[s] > 0)
    .map((s) => `${s} ${scan.totals.failedBySeverity[s]}`)
    .join(' · ');
  const out: string[] = [
    `srm-scan ${scan.toolVersion} · account ${scan.accountId} · regions ${scan.regions.join(', ')}`,
    `scan ${scan.id} · ${scan.startedAt} · ${seconds.toFixed(1)} s · ${scan.apiCalls.total} API calls · ${scan.checks.length} checks`,
    `Totals: ${totalsLine(scan.totals)}${severities ? `   (failures: ${severities})` : ''}`,
  ];

  const listed = findings.filter((f) => shownAs(f) !== 'SUPPRESSED');
  for (const srmClass of SRM_CLASSES) {
    const inClass = findings.filter((f) => f.srmClass === srmClass);
    const description = SRM_CLASS_DESCRIPTIONS[srmClass];
    out.push(
      '',
      `━━ ${srmClassTitle(srmClass)} ━━ ${tally(inClass)}`,
      `  AWS handles: ${wrap(description.awsHandles, 100, '               ')}`,
      `  You owe:     ${wrap(description.customerOwes, 100, '               ')}`,
    );
    if (inClass.length === 0) {
      out.push('  (no resources of this class were evaluated)');
      continue;
    }
    for (const obligation of OBLIGATIONS) {
      const group = inClass.filter((f) => f.obligation === obligation);
      if (group.length === 0) continue;
      out.push('', `  ${OBLIGATION_LABELS[obligation]} — ${tally(group)}`);
      const shown = listed
        .filter((f) => f.srmClass === srmClass && f.obligation === obligation)
        .filter((f) => options.showPasses || f.status !== 'PASS')
        .sort(byPriority);
      for (const finding of shown) out.push(...renderFinding(finding));
      const passes = group.filter((f) => f.status === 'PASS').length;
      if (!options.showPasses && passes > 0)
        out.push(`    PASS  ${passes} resource check${passes === 1 ? '' : 's'} met`);
    }
  }

  const suppressed = findings.filter((f) => shownAs(f) === 'SUPPRESSED').sort(byPriority);
  if (suppressed.length > 0) {
    out.push('', `Suppressed failures (${suppressed.length}) — accepted risks, not counted as FAIL, never alerted:`);
    for (const finding of suppressed) out.push(...renderFinding(finding));
  }
  if (scan.suppressionProblems.length > 0) {
    out.push('', `Suppression warnings (${scan.suppressionProblems.length}):`);
    for (const problem of scan.suppressionProblems) out.push(`  ${wrap(problem.detail, 110, '    ')}`);
  }
  if (scan.collectionIssues.length > 0) {
    out.push('', `Collection issues (${scan.collectionIssues.length}) — checks needing these data report ERROR:`);
    for (const issue of scan.collectionIssues) {
      out.push(`  ${issue.slice} in ${issue.resourceArn ?? issue.region}: ${issue.errorCode}: ${issue.message}`);
    }
  }
  if (report.coverage) out.push('', renderCoverage(report.coverage).trimEnd());
  out.push('', describeCoverage(scan.coverage));
  return `${terminalSafe(out.join('\n'))}\n`;
}

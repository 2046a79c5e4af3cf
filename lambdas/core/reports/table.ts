import type { Finding, ScanReport } from '../findings/model.js';
import { OBLIGATIONS, SEVERITIES, SRM_CLASSES, type Status, severityRank } from '../model/types.js';
import { OBLIGATION_LABELS, SRM_CLASS_DESCRIPTIONS } from '../srm/classes.js';

export interface TableOptions {
  /** List PASS findings one by one instead of counting them. */
  showPasses?: boolean;
}

const count = (findings: readonly Finding[], status: Status) => findings.filter((f) => f.status === status).length;

const tally = (findings: readonly Finding[]) =>
  `FAIL ${count(findings, 'FAIL')} · PASS ${count(findings, 'PASS')} · ERROR ${count(findings, 'ERROR')}`;

const byPriority = (a: Finding, b: Finding) =>
  (a.status === b.status ? 0 : a.status === 'FAIL' ? -1 : b.status === 'FAIL' ? 1 : a.status === 'ERROR' ? -1 : 1) ||
  severityRank(a.severity) - severityRank(b.severity) ||
  a.checkId.localeCompare(b.checkId) ||
  a.resourceArn.localeCompare(b.resourceArn);

const wrap = (text: string, width: number, indent: string): string => {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : `${indent}${l}`)).join('\n');
};

function renderFinding(finding: Finding): string[] {
  const head = `    ${finding.status.padEnd(5)} ${finding.severity.padEnd(8)} ${finding.checkId}  ${finding.resourceId} (${finding.region})`;
  const lines = [head, `          ${wrap(finding.message, 100, '          ')}`];
  if (finding.status === 'FAIL' && finding.remediation.cli) lines.push(`          fix: ${finding.remediation.cli}`);
  return lines;
}

/**
 * The human report: grouped by SRM class (each headed by what AWS handles and what the
 * customer owes), then by obligation; FAILs first by severity, then ERRORs; PASSes counted.
 */
export function renderTable(report: ScanReport, options: TableOptions = {}): string {
  const { scan, findings } = report;
  const seconds = (Date.parse(scan.finishedAt) - Date.parse(scan.startedAt)) / 1000;
  const failures = findings.filter((f) => f.status === 'FAIL');
  const severities = SEVERITIES.map((s) => [s, failures.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${s} ${n}`)
    .join(' · ');
  const out: string[] = [
    `srm-scan · account ${scan.accountId} · regions ${scan.regions.join(', ')}`,
    `scan ${scan.id} · ${scan.startedAt} · ${seconds.toFixed(1)} s · ${scan.apiCalls.total} API calls · ${scan.checks.length} checks`,
    `Totals: ${tally(findings)}${severities ? `   (failures: ${severities})` : ''}`,
  ];

  for (const srmClass of SRM_CLASSES) {
    const inClass = findings.filter((f) => f.srmClass === srmClass);
    const description = SRM_CLASS_DESCRIPTIONS[srmClass];
    out.push(
      '',
      `━━ ${description.label.toUpperCase()} (${description.services}) ━━ ${tally(inClass)}`,
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
      const listed = group.filter((f) => options.showPasses || f.status !== 'PASS').sort(byPriority);
      for (const finding of listed) out.push(...renderFinding(finding));
      const passes = count(group, 'PASS');
      if (!options.showPasses && passes > 0)
        out.push(`    PASS  ${passes} resource check${passes === 1 ? '' : 's'} met`);
    }
  }

  if (scan.collectionIssues.length > 0) {
    out.push('', `Collection issues (${scan.collectionIssues.length}) — checks needing these data report ERROR:`);
    for (const issue of scan.collectionIssues) {
      out.push(`  ${issue.slice} in ${issue.resourceArn ?? issue.region}: ${issue.errorCode}: ${issue.message}`);
    }
  }
  return `${out.join('\n')}\n`;
}

import { describeCoverage, type ScanReport } from '../findings/model.js';
import type { OrganizationReport } from '../org/organization-scan.js';
import { SEVERITIES, SRM_CLASSES } from '../srm/vocabulary.js';
import { renderCsv } from './csv.js';
import { accountLabel } from './html/view.js';
import { renderTable, type TableOptions, totalsLine } from './table.js';
import { terminalSafe } from './terminal.js';

/**
 * The organisation's JSON report: `{ organization, reports }`. `organization` holds every account asked for with its
 * outcome, the failures (account, role, error code, redacted message) and the totals and coverage across the scanned
 * accounts; `reports` holds one single-account report per scanned account, exactly as `scan --format json` writes it.
 */
export const renderOrganizationJson = (report: OrganizationReport): string =>
  `${JSON.stringify({ organization: report.organization, reports: report.reports }, null, 2)}\n`;

/** One CSV across accounts: the single-account columns (the `accountId` column tells the accounts apart), one header. */
export function renderOrganizationCsv(report: OrganizationReport): string {
  const [first, ...rest] = report.reports;
  // renderCsv reads the findings only.
  if (!first) return renderCsv({ findings: [] } as unknown as ScanReport);
  return [renderCsv(first), ...rest.map((r) => renderCsv(r).split('\n').slice(1).join('\n'))].join('');
}

/**
 * The human report of an organisation scan: a header with the totals across accounts, then each scanned account's
 * own table (grouped by SRM class, then obligation), the accounts that could not be scanned with their error, and
 * the summary across accounts (failures by SRM class and severity, the coverage line) at the end.
 */
export function renderOrganizationTable(report: OrganizationReport, options: TableOptions = {}): string {
  const { organization: org, reports } = report;
  const names = new Map(org.accounts.map((a) => [a.accountId, a.name]));
  const scanned = org.accounts.filter((a) => a.status === 'scanned').length;
  const out: string[] = [
    `srm-scan ${org.toolVersion} · organisation scan · ${org.accounts.length} account(s): ${scanned} scanned, ${org.failures.length} not scanned · role ${org.roleName}`,
    `Totals across accounts: ${totalsLine(org.totals)}`,
  ];
  for (const single of reports) {
    const accountId = single.scan.accountId;
    const name = names.get(accountId);
    out.push('', `████ Account ${accountLabel({ accountId, ...(name && { name }) })} ████`, '');
    out.push(renderTable(single, options).trimEnd());
  }
  out.push('', '════ Organisation summary ════');
  for (const account of org.accounts) {
    const single = reports.find((r) => r.scan.accountId === account.accountId);
    out.push(
      `  ${accountLabel(account).padEnd(40)} ${single ? `${totalsLine(single.scan.totals)} · ${describeCoverage(single.scan.coverage).replace('Coverage: ', '')}` : 'NOT SCANNED'}`,
    );
  }
  const byClass = SRM_CLASSES.filter((c) => org.totals.failedBySrmClass[c] > 0)
    .map((c) => `${c} ${org.totals.failedBySrmClass[c]}`)
    .join(' · ');
  const bySeverity = SEVERITIES.filter((s) => org.totals.failedBySeverity[s] > 0)
    .map((s) => `${s} ${org.totals.failedBySeverity[s]}`)
    .join(' · ');
  if (byClass) out.push(`  Failures by SRM class: ${byClass}`, `  Failures by severity:  ${bySeverity}`);
  if (org.failures.length > 0) {
    out.push('', `Accounts not scanned (${org.failures.length}) — their checks were not evaluated:`);
    for (const failure of org.failures) out.push(`  ${accountLabel(failure)}: ${failure.message}`);
  }
  out.push('', `Across ${scanned} scanned account(s): ${describeCoverage(org.coverage)}`);
  return `${terminalSafe(out.join('\n'))}\n`;
}

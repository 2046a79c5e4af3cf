import type { Finding, ScanCoverage, ScanReport, ScanTotals } from '../../findings/model.js';
import type { AccountFailure, OrganizationSummary } from '../../org/organization-scan.js';
import { serviceEntry } from '../../srm/services.js';
import { type Shown, shownAs } from '../table.js';

/** What the HTML report is drawn from: one account's report, or an organisation scan's reports and summary. */
export interface HtmlReportInput {
  reports: readonly ScanReport[];
  organization?: OrganizationSummary;
}

interface AccountEntry {
  accountId: string;
  name?: string;
  report?: ScanReport;
  failure?: AccountFailure;
}

/** The report as the sections read it: accounts in order, every finding, totals and coverage across accounts. */
export interface ReportView {
  organization?: OrganizationSummary;
  accounts: readonly AccountEntry[];
  reports: readonly ScanReport[];
  findings: readonly Finding[];
  totals: ScanTotals;
  coverage: ScanCoverage;
  regions: readonly string[];
  startedAt: string;
  finishedAt: string;
  toolVersion: string;
  schemaVersion: string;
  /** More than one account: rows name their account and the account filter shows. */
  multiAccount: boolean;
}

export function reportView(input: HtmlReportInput): ReportView {
  const { reports, organization } = input;
  const byAccount = new Map(reports.map((r) => [r.scan.accountId, r]));
  const failures = new Map((organization?.failures ?? []).map((f) => [f.accountId, f]));
  const accounts: AccountEntry[] = organization
    ? organization.accounts.map((a) => ({
        accountId: a.accountId,
        ...(a.name && { name: a.name }),
        ...(byAccount.has(a.accountId) && { report: byAccount.get(a.accountId) }),
        ...(failures.has(a.accountId) && { failure: failures.get(a.accountId) }),
      }))
    : reports.map((r) => ({ accountId: r.scan.accountId, report: r }));
  const first = reports[0];
  const times = reports.flatMap((r) => [r.scan.startedAt, r.scan.finishedAt]).sort();
  return {
    ...(organization && { organization }),
    accounts,
    reports,
    findings: reports.flatMap((r) => r.findings),
    totals: organization?.totals ?? (first as ScanReport).scan.totals,
    coverage: organization?.coverage ?? (first as ScanReport).scan.coverage,
    regions: [...new Set(reports.flatMap((r) => r.scan.regions))],
    startedAt: organization?.startedAt ?? times[0] ?? '',
    finishedAt: organization?.finishedAt ?? times.at(-1) ?? '',
    toolVersion: organization?.toolVersion ?? first?.scan.toolVersion ?? '',
    schemaVersion: first?.scan.schemaVersion ?? '',
    multiAccount: accounts.length > 1,
  };
}

export const accountLabel = (account: { accountId: string; name?: string }): string =>
  account.name ? `${account.accountId} (${account.name})` : account.accountId;

/** `S3`, `EC2, EBS and VPC` → its short name; `account` for account-wide checks. */
export const serviceName = (key: string): string =>
  key === 'account' ? 'Account-wide' : (serviceEntry(key)?.short ?? key);

export const SHOWN: readonly Shown[] = ['FAIL', 'PASS', 'ERROR', 'SUPPRESSED'];

export type Tally = Record<Shown, number>;

export function tally(findings: readonly Finding[]): Tally {
  const counts: Tally = { FAIL: 0, PASS: 0, ERROR: 0, SUPPRESSED: 0 };
  for (const finding of findings) counts[shownAs(finding)] += 1;
  return counts;
}

export { type Shown, shownAs };

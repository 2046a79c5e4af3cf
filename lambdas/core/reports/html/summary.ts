import { describeCoverage, type Finding } from '../../findings/model.js';
import { classServices } from '../../srm/headings.js';
import {
  OBLIGATION_LABELS,
  OBLIGATIONS,
  SEVERITIES,
  SRM_CLASS_DESCRIPTIONS,
  SRM_CLASSES,
  type SrmClass,
} from '../../srm/vocabulary.js';
import { servicesInUseLine } from '../coverage.js';
import { totalsLine } from '../table.js';
import { html, type Markup } from './markup.js';
import { accountLabel, type ReportView, SHOWN, type Shown, type Tally, tally } from './view.js';

const STATUS_WORDS: Readonly<Record<Shown, string>> = {
  FAIL: 'failed',
  PASS: 'passed',
  ERROR: 'not evaluated',
  SUPPRESSED: 'suppressed',
};

const duration = (from: string, to: string): string => {
  const seconds = (Date.parse(to) - Date.parse(from)) / 1000;
  if (!Number.isFinite(seconds)) return '';
  return seconds < 120 ? `${seconds.toFixed(1)} s` : `${(seconds / 60).toFixed(1)} min`;
};

const utc = (iso: string): string => iso.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC');

/** Title, the scan's identity (accounts, regions, when, which version), the coverage line and the totals. */
export function header(view: ReportView): Markup {
  const { totals, organization } = view;
  const scanned = view.accounts.filter((a) => a.report);
  const failing = SEVERITIES.filter((s) => totals.failedBySeverity[s] > 0);
  const accounts = view.multiAccount
    ? `${view.accounts.length} accounts (${scanned.length} scanned${organization && organization.failures.length > 0 ? `, ${organization.failures.length} not scanned` : ''})`
    : accountLabel(view.accounts[0] ?? { accountId: '' });
  return html`<header>
<h1>AWS Shared Responsibility report</h1>
<dl class="meta">
<dt>${view.multiAccount ? 'Accounts' : 'Account'}</dt><dd>${accounts}</dd>
<dt>Regions</dt><dd>${view.regions.join(', ')}</dd>
<dt>Scanned</dt><dd><time datetime="${view.startedAt}">${utc(view.startedAt)}</time> (${duration(view.startedAt, view.finishedAt)})</dd>
<dt>Tool</dt><dd>srm-scan ${view.toolVersion} · report schema ${view.schemaVersion}${organization ? ` · member role ${organization.roleName}` : ''}${view.reports.length === 1 ? ` · scan ${view.reports[0]?.scan.id}` : ''}</dd>
</dl>
<p class="coverage" id="coverage-line">${describeCoverage(view.coverage)}</p>
${view.reports.length === 1 && view.reports[0]?.coverage && html`<p><a href="#coverage">${servicesInUseLine(view.reports[0].coverage)}</a></p>`}
<div class="totals">${SHOWN.map(
    (status) =>
      html`<div class="total ${status}" data-total="${status}"><b>${totals[status]}</b>${STATUS_WORDS[status]}</div>`,
  )}</div>
${failing.length > 0 && html`<p>Failures by severity: ${failing.map((s, i) => html`${i > 0 && ' · '}<span class="badge sev-${s}">${s}</span> ${totals.failedBySeverity[s]}`)}</p>`}
<div class="intro">
<p>srm-scan reads an AWS account and checks the part of the <strong>AWS Shared Responsibility Model</strong> that stays with you: AWS secures the cloud itself, you secure what you build and configure in it. The results are grouped by the model's service classes and, within each, by the obligation they belong to.</p>
<p><span class="badge st-FAIL">FAIL</span> an obligation is not met on a resource · <span class="badge st-PASS">PASS</span> it is met · <span class="badge st-ERROR">ERROR</span> it could not be evaluated (not a pass: see <a href="#issues">collection issues</a>) · <span class="badge st-SUPPRESSED">suppressed</span> a failure someone accepted, with a reason, an owner and an expiry.</p>
</div>
</header>`;
}

const BAR_ORDER: readonly Shown[] = ['FAIL', 'ERROR', 'SUPPRESSED', 'PASS'];

/** A stacked bar of one obligation's results, as inline SVG (no script, no external resource). */
export function bar(counts: Tally): Markup {
  const total = BAR_ORDER.reduce((sum, s) => sum + counts[s], 0);
  if (total === 0)
    return html`<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="no results"><rect class="none" width="100" height="10"/></svg>`;
  let x = 0;
  const rects = BAR_ORDER.filter((s) => counts[s] > 0).map((s) => {
    const width = (counts[s] / total) * 100;
    const rect = html`<rect class="${s}" x="${x.toFixed(2)}" width="${width.toFixed(2)}" height="10"><title>${s} ${counts[s]}</title></rect>`;
    x += width;
    return rect;
  });
  return html`<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${totalsLine(counts)}">${rects}</svg>`;
}

const legend = html`<p class="legend">${BAR_ORDER.map((s) => html`<span><i class="${s}"></i>${s === 'SUPPRESSED' ? 'suppressed' : s}</span>`)}</p>`;

export const classHeading = (srmClass: SrmClass): string =>
  `${SRM_CLASS_DESCRIPTIONS[srmClass].label} (${classServices(srmClass).join(', ')})`;

function srmClassCard(srmClass: SrmClass, findings: readonly Finding[]): Markup {
  const d = SRM_CLASS_DESCRIPTIONS[srmClass];
  const inClass = findings.filter((f) => f.srmClass === srmClass);
  const obligations = OBLIGATIONS.filter((o) => inClass.some((f) => f.obligation === o));
  return html`<section class="srm-class" id="srm-${srmClass}" data-class="${srmClass}">
<h3><a href="#cls-${srmClass}">${classHeading(srmClass)}</a></h3>
<dl class="duty"><dt>AWS handles</dt><dd>${d.awsHandles}</dd><dt>You owe</dt><dd>${d.customerOwes}</dd></dl>
<p><strong>${totalsLine(tally(inClass))}</strong></p>
${
  obligations.length === 0
    ? html`<p class="empty">No resource of this class was evaluated.</p>`
    : html`<table class="chart"><tbody>${obligations.map((o) => {
        const counts = tally(inClass.filter((f) => f.obligation === o));
        return html`<tr data-obligation="${o}" data-fail="${counts.FAIL}" data-pass="${counts.PASS}" data-error="${counts.ERROR}" data-suppressed="${counts.SUPPRESSED}"><td class="label">${OBLIGATION_LABELS[o]}</td><td>${bar(counts)}</td><td class="nums">${totalsLine(counts)}</td></tr>`;
      })}</tbody></table>`
}
</section>`;
}

/** For each SRM class: what AWS handles, what you owe, and the results per obligation as a chart. */
export const srmPicture = (view: ReportView): Markup =>
  html`<section id="srm"><h2>Who secures what: the Shared Responsibility Model</h2>
${legend}
<div class="srm">${SRM_CLASSES.map((c) => srmClassCard(c, view.findings))}</div>
</section>`;

/** Organisation mode: each account asked for, scanned or not, with its counts and coverage. */
export function accountsTable(view: ReportView): Markup | false {
  if (!view.multiAccount) return false;
  return html`<section id="accounts"><h2>Accounts</h2><table><thead><tr><th>Account</th><th>Results</th><th>Coverage</th></tr></thead><tbody>${view.accounts.map(
    (a) =>
      html`<tr><td>${accountLabel(a)}</td>${
        a.report
          ? html`<td>${totalsLine(tally(a.report.findings))}</td><td>${describeCoverage(a.report.scan.coverage).replace('Coverage: ', '')}</td>`
          : html`<td colspan="2"><span class="badge st-ERROR">not scanned</span> ${a.failure ? `${a.failure.errorCode}: ${a.failure.message}` : ''}${a.failure?.roleArn ? ` (role ${a.failure.roleArn})` : ''}</td>`
      }</tr>`,
  )}</tbody></table></section>`;
}

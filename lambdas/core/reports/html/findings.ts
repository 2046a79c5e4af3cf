import type { Finding } from '../../findings/model.js';
import {
  OBLIGATION_LABELS,
  OBLIGATIONS,
  SEVERITIES,
  SRM_CLASS_DESCRIPTIONS,
  SRM_CLASSES,
  severityRank,
} from '../../srm/vocabulary.js';
import { totalsLine } from '../table.js';
import { externalLink, html, type Markup } from './markup.js';
import { classHeading } from './summary.js';
import { accountLabel, type ReportView, SHOWN, type Shown, serviceName, shownAs, tally } from './view.js';

const ORDER: Readonly<Record<Shown, number>> = { FAIL: 0, ERROR: 1, SUPPRESSED: 2, PASS: 3 };
const byPriority = (a: Finding, b: Finding) =>
  ORDER[shownAs(a)] - ORDER[shownAs(b)] ||
  severityRank(a.severity) - severityRank(b.severity) ||
  a.checkId.localeCompare(b.checkId) ||
  a.accountId.localeCompare(b.accountId) ||
  a.region.localeCompare(b.region) ||
  a.resourceArn.localeCompare(b.resourceArn);

/**
 * The attributes the filters read, all on the row for rows outside a check block (fix first, suppressed). Inside a
 * check block, severity, class and service are the check's: the block carries them and its rows only their status
 * (and account), which keeps a large report small.
 */
const filterData = (f: Finding) =>
  html`data-sev="${f.severity}" data-status="${shownAs(f)}" data-cls="${f.srmClass}" data-svc="${f.service}" data-acct="${f.accountId}"`;
const checkData = (f: Finding) => html`data-sev="${f.severity}" data-cls="${f.srmClass}" data-svc="${f.service}"`;
/** A row's own filter attributes: its status, and its account when the report has several. */
const rowData = (f: Finding, view: ReportView) =>
  html`data-status="${shownAs(f)}"${view.multiAccount && html` data-acct="${f.accountId}"`}`;

const statusBadge = (status: Shown) =>
  html`<span class="badge st-${status}">${status === 'SUPPRESSED' ? 'suppressed' : status}</span>`;
const severityBadge = (f: Pick<Finding, 'severity'>) =>
  html`<span class="badge sev-${f.severity}">${f.severity}</span>`;

/** The resource id, with the full ARN below when it says more. */
const resource = (f: Finding) =>
  html`<code>${f.resourceId}</code>${f.resourceArn !== f.resourceId && html`<br><small>${f.resourceArn}</small>`}`;

const checkAnchor = (checkId: string) => `c-${checkId}`;

/** A filters bar over every result row: severity, status and class chips, service and account lists, a search. */
export function filters(view: ReportView): Markup {
  const services = [...new Set(view.findings.map((f) => f.service))].sort((a, b) =>
    serviceName(a).localeCompare(serviceName(b)),
  );
  const chip = (filter: string, value: string, label: string) =>
    html`<button type="button" data-filter="${filter}" data-value="${value}" aria-pressed="false">${label}</button>`;
  return html`<nav class="filters" aria-label="Filters">
<fieldset><legend>Severity</legend>${SEVERITIES.map((s) => chip('sev', s, s))}</fieldset>
<fieldset><legend>Status</legend>${SHOWN.map((s) => chip('status', s, s === 'SUPPRESSED' ? 'suppressed' : s))}</fieldset>
<fieldset><legend>Class</legend>${SRM_CLASSES.map((c) => chip('cls', c, c))}</fieldset>
<label>Service <select id="svc"><option value="">all</option>${services.map((s) => html`<option value="${s}">${serviceName(s)}</option>`)}</select></label>
${view.multiAccount && html`<label>Account <select id="acct"><option value="">all</option>${view.accounts.filter((a) => a.report).map((a) => html`<option value="${a.accountId}">${accountLabel(a)}</option>`)}</select></label>`}
<input id="q" type="search" placeholder="Search resources, messages, checks…" aria-label="Search">
<button type="button" id="reset">Clear</button>
<span id="shown" aria-live="polite">${view.findings.length} results</span>
</nav>`;
}

/** Critical and high failures, worst first: one line each, linked to their check below. */
export function fixFirst(view: ReportView): Markup {
  const urgent = view.findings
    .filter((f) => shownAs(f) === 'FAIL' && severityRank(f.severity) <= severityRank('high'))
    .sort(byPriority);
  return html`<section id="fix-first" data-group><h2>Fix first: critical and high failures (${urgent.length})</h2>
${
  urgent.length === 0
    ? html`<p class="empty">No critical or high failure.</p>`
    : html`<table class="rows"><thead><tr><th>Severity</th><th>Check</th><th>Resource</th><th>Region</th>${view.multiAccount && html`<th>Account</th>`}</tr></thead><tbody>${urgent.map(
        (f) =>
          html`<tr class="ff" ${filterData(f)}><td class="st">${severityBadge(f)}</td><td><a href="#${checkAnchor(f.checkId)}">${f.title}</a></td><td class="res"><code>${f.resourceId}</code></td><td class="region">${f.region}</td>${view.multiAccount && html`<td>${f.accountId}</td>`}</tr>`,
      )}</tbody></table>`
}</section>`;
}

const compliance = (f: Finding) =>
  f.compliance.length === 0 ? '—' : f.compliance.map((c) => `${c.framework} ${c.control}`).join(', ');

/** How to fix a check's failures: the remediation, the CLI command to adapt, the documentation, the controls. */
const fixBlock = (f: Finding) =>
  html`<div class="fix"><dl>
<dt>Fix</dt><dd>${f.remediation.text}</dd>
${f.remediation.cli && html`<dt>CLI</dt><dd><pre><code>${f.remediation.cli}</code></pre></dd>`}
<dt>Docs</dt><dd>${externalLink(f.remediation.url, 'AWS documentation')}</dd>
<dt>Compliance</dt><dd>${compliance(f)}</dd>
</dl></div>`;

function resultRow(f: Finding, view: ReportView): Markup {
  return html`<tr class="f" ${rowData(f, view)}><td class="st">${statusBadge(shownAs(f))}</td><td class="res">${resource(f)}</td><td class="region">${f.region}</td>${view.multiAccount && html`<td>${f.accountId}</td>`}<td>${f.message}</td></tr>`;
}

/** PASS results stay compact: resource, region, message; no ARN line. */
function passRow(f: Finding, view: ReportView): Markup {
  return html`<tr class="f" ${rowData(f, view)}><td class="res"><code>${f.resourceId}</code></td><td class="region">${f.region}</td>${view.multiAccount && html`<td>${f.accountId}</td>`}<td>${f.message}</td></tr>`;
}

/** One check: its results (failures and errors listed, passes collapsed) and how to fix the failures. */
function checkBlock(results: readonly Finding[], view: ReportView): Markup {
  const sorted = [...results].sort(byPriority);
  const first = sorted[0] as Finding;
  const open = sorted.filter((f) => shownAs(f) !== 'PASS');
  const passes = sorted.filter((f) => shownAs(f) === 'PASS');
  return html`<div class="check" id="${checkAnchor(first.checkId)}" ${checkData(first)} data-group>
<header>${severityBadge(first)} <strong>${first.title}</strong> <code>${first.checkId}</code> <small>${serviceName(first.service)} · ${totalsLine(tally(results))}</small></header>
${open.some((f) => shownAs(f) === 'FAIL') && fixBlock(first)}
${open.length > 0 && html`<table class="rows"><tbody>${open.map((f) => resultRow(f, view))}</tbody></table>`}
${open.some((f) => shownAs(f) === 'ERROR') && html`<p class="muted">ERROR: not evaluated, see <a href="#issues">collection issues</a> for why.</p>`}
${passes.length > 0 && html`<details class="passes"><summary>${passes.length} passed</summary><table class="rows"><tbody>${passes.map((f) => passRow(f, view))}</tbody></table></details>`}
</div>`;
}

const groupBy = <T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
};

/** Every result not suppressed: by SRM class, then obligation, then check (worst first). */
export function findingsByClass(view: ReportView): Markup {
  const listed = view.findings.filter((f) => shownAs(f) !== 'SUPPRESSED');
  return html`<section id="findings"><h2>Results by class and obligation</h2>
${SRM_CLASSES.map((srmClass) => {
  const inClass = listed.filter((f) => f.srmClass === srmClass);
  return html`<section class="cls" id="cls-${srmClass}" data-group>
<h3>${classHeading(srmClass)} <small>${totalsLine(tally(inClass))}</small></h3>
<p class="muted">You owe: ${SRM_CLASS_DESCRIPTIONS[srmClass].customerOwes}</p>
${
  inClass.length === 0
    ? html`<p class="empty">No resource of this class was evaluated.</p>`
    : OBLIGATIONS.filter((o) => inClass.some((f) => f.obligation === o)).map((obligation) => {
        const group = inClass.filter((f) => f.obligation === obligation);
        const checks = [...groupBy(group, (f) => f.checkId).values()].sort((a, b) =>
          byPriority([...a].sort(byPriority)[0] as Finding, [...b].sort(byPriority)[0] as Finding),
        );
        return html`<section class="obl" data-group><h4>${OBLIGATION_LABELS[obligation]} <small>${totalsLine(tally(group))}</small></h4>${checks.map((c) => checkBlock(c, view))}</section>`;
      })
}</section>`;
})}</section>`;
}

/** Failures someone accepted: each with its reason, owner and expiry; then the suppressions needing attention. */
export function suppressed(view: ReportView): Markup {
  const accepted = view.findings.filter((f) => shownAs(f) === 'SUPPRESSED').sort(byPriority);
  const problems = view.reports.flatMap((r) =>
    r.scan.suppressionProblems.map((p) => ({ accountId: r.scan.accountId, problem: p })),
  );
  return html`<section id="suppressed"><h2>Suppressed failures (${accepted.length})</h2>
<p class="muted">Accepted risks: still failing, but not counted as FAIL, never alerted or gated on.</p>
${
  accepted.length === 0
    ? html`<p class="empty">No failure is suppressed.</p>`
    : html`<table class="rows"><thead><tr><th>Severity</th><th>Check and resource</th><th>Region</th>${view.multiAccount && html`<th>Account</th>`}<th>Why accepted</th></tr></thead><tbody>${accepted.map(
        (f) =>
          html`<tr class="f" ${filterData(f)}><td class="st">${severityBadge(f)}</td><td><strong>${f.title}</strong> <code>${f.checkId}</code><br>${resource(f)}<br>${f.message}</td><td class="region">${f.region}</td>${view.multiAccount && html`<td>${f.accountId}</td>`}<td class="supp">${f.suppression?.reason}<br><small>owner ${f.suppression?.owner ?? 'not named'} · ${f.suppression?.expiresAt ? `until ${f.suppression.expiresAt}` : 'no expiry'}</small></td></tr>`,
      )}</tbody></table>`
}
${
  problems.length > 0 &&
  html`<h3>Suppression warnings (${problems.length})</h3><ul>${problems.map(
    ({ accountId, problem }) =>
      html`<li><strong>${problem.kind}</strong>${view.multiAccount && ` (${accountId})`}: ${problem.detail}</li>`,
  )}</ul>`
}
</section>`;
}

import type { CollectionIssue } from '../../collectors/types.js';
import type { CoverageMap } from '../../coverage/service-coverage.js';
import { TIME_BUDGET_EXCEEDED } from '../../engine/collect.js';
import { SRM_CLASS_DESCRIPTIONS, SRM_CLASSES } from '../../srm/vocabulary.js';
import { obligationLine, resourcesText, STATE_LABEL, servicesInUseLine, sourcesLine } from '../coverage.js';
import { html, type Markup } from './markup.js';
import { accountLabel, type ReportView } from './view.js';

/** What a collection error code usually means and what to do about it, for a reader who did not run the scan. */
function explainIssue(errorCode: string): string {
  if (/AccessDenied|Unauthorized|Forbidden|AuthorizationError|NotAuthorized/i.test(errorCode)) {
    return "The scanner's identity was refused this call: its role lacks the permission (`srm-scan iam-policy` prints the policy the checks need), or a service control policy denies it.";
  }
  if (/OptInRequired|InvalidClientTokenId|UnrecognizedClient|AuthFailure/i.test(errorCode)) {
    return 'The region or service is not enabled for this account (opt-in region, or disabled by the organisation), so it could not be read.';
  }
  if (/Throttl|TooManyRequests|RequestLimitExceeded|SlowDown/i.test(errorCode)) {
    return 'AWS throttled the calls and the retries ran out. Scanning again later, or fewer regions at once, usually succeeds.';
  }
  if (errorCode === TIME_BUDGET_EXCEEDED) {
    return "The scan's time budget ran out before this scope was read. Scan fewer regions or services per run, or allow more time.";
  }
  if (errorCode === 'DependencyFailed') {
    return 'Data this collection needs could not be read first (see the other issues for the same region).';
  }
  if (errorCode === 'UnexpectedResponse') {
    return 'The endpoint answered with something other than an AWS API response: typically an emulator or proxy that does not implement the operation.';
  }
  return 'AWS answered with an error for this call.';
}

/** Collection failures, grouped by error code with what it means; the checks needing the data report ERROR for exactly that scope. */
export function collectionIssues(view: ReportView): Markup {
  const issues: (CollectionIssue & { accountId: string })[] = view.reports.flatMap((r) =>
    r.scan.collectionIssues.map((i) => ({ ...i, accountId: r.scan.accountId })),
  );
  const codes = [...new Set(issues.map((i) => i.errorCode))].sort();
  return html`<section id="issues"><h2>Collection issues (${issues.length})</h2>
<p class="muted">Data srm-scan could not read. Every check that needs it reports ERROR ("not evaluated") for exactly the region or resource concerned: those obligations are unknown, not met.</p>
${
  issues.length === 0
    ? html`<p class="empty">Everything the checks need was read.</p>`
    : codes.map((code) => {
        const group = issues.filter((i) => i.errorCode === code);
        return html`<h3><code>${code}</code> (${group.length})</h3><p>${explainIssue(code)}</p><table class="rows"><thead><tr><th>Data</th><th>Where</th>${view.multiAccount && html`<th>Account</th>`}<th>Message</th></tr></thead><tbody>${group.map(
          (i) =>
            html`<tr><td><code>${i.slice}</code></td><td class="res">${i.resourceArn ?? i.region}</td>${view.multiAccount && html`<td>${i.accountId}</td>`}<td>${i.message}</td></tr>`,
        )}</tbody></table>`;
      })
}
</section>`;
}

function coverageMap(map: CoverageMap): Markup {
  return html`<p class="muted">${sourcesLine(map)}${map.sources.taggingApi.detail && ` ${map.sources.taggingApi.detail}`}</p>
${SRM_CLASSES.map((srmClass) => {
  const services = map.services.filter((s) => s.srmClass === srmClass);
  if (services.length === 0) return false;
  return html`<h4>${SRM_CLASS_DESCRIPTIONS[srmClass].label}</h4><table class="rows cov"><thead><tr><th>Service in use</th><th>Resources</th><th>State</th><th>What you owe, and what was checked</th></tr></thead><tbody>${services.map(
    (s) =>
      html`<tr><td>${s.name}${s.srmClassNote && html`<br><small>${s.srmClassNote}</small>`}</td><td>${resourcesText(s)}</td><td class="state-${s.state}">${STATE_LABEL[s.state]}</td><td>${s.obligations.map((o) => html`<div>${obligationLine(o)}</div>`)}</td></tr>`,
  )}</tbody></table>`;
})}
${
  map.unknownServices.length > 0 &&
  html`<h4>In use, unknown to srm-scan (class not known, nothing checked)</h4><ul>${map.unknownServices.map(
    (u) => html`<li>${u.namespace} (${u.taggedResources} tagged: ${u.resourceTypes.join(', ')})</li>`,
  )}</ul>`
}
<p><strong>${servicesInUseLine(map)}</strong></p>`;
}

/** The SRM coverage map of each account: the services it uses, what you owe for each, what this scan checked. */
export function coverageSection(view: ReportView): Markup | false {
  const withMap = view.reports.filter((r) => r.coverage);
  if (withMap.length === 0) return false;
  return html`<section id="coverage"><h2>Coverage map: services in use and what was checked</h2>
${withMap.map((r) =>
  view.multiAccount
    ? html`<details><summary><strong>${accountLabel(view.accounts.find((a) => a.accountId === r.scan.accountId) ?? r.scan)}</strong>: ${servicesInUseLine(r.coverage as CoverageMap)}</summary>${coverageMap(r.coverage as CoverageMap)}</details>`
    : coverageMap(r.coverage as CoverageMap),
)}
</section>`;
}

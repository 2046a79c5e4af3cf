import { createHash } from 'node:crypto';

/**
 * The HTML report's only stylesheet and script, inlined. The Content-Security-Policy allows exactly these two
 * (by hash) and nothing else: no other script runs and nothing is fetched, even if an escaping bug let markup in.
 */

export const STYLE = `
:root{--fg:#1d2430;--muted:#5b6575;--line:#d9dee6;--bg:#fff;--soft:#f5f7fa;--accent:#23426e;
--fail:#c62828;--pass:#2e7d32;--error:#8d6e00;--suppressed:#6a5acd;
--critical:#8e0000;--high:#d84315;--medium:#b26a00;--low:#4e6a85;--informational:#6b7280}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1180px;margin:0 auto;padding:0 20px 48px}
h1{font-size:24px;margin:20px 0 4px}h2{font-size:19px;margin:32px 0 8px;padding-bottom:4px;border-bottom:2px solid var(--line)}
h3{font-size:16px;margin:22px 0 6px}h4{font-size:14px;margin:16px 0 6px}
p{margin:6px 0}small,.muted{color:var(--muted)}
code,pre{font:12.5px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
pre{margin:4px 0;padding:6px 8px;background:var(--soft);border:1px solid var(--line);border-radius:4px;white-space:pre-wrap;word-break:break-all;user-select:all}
a{color:var(--accent)}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;vertical-align:top;padding:4px 6px;border-bottom:1px solid var(--line)}
th{font-weight:600;color:var(--muted);font-size:12px}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:8px 0}
.meta dt{color:var(--muted)}.meta dd{margin:0}
.totals{display:flex;flex-wrap:wrap;gap:10px;margin:12px 0}
.total{border:1px solid var(--line);border-radius:6px;padding:6px 14px;min-width:110px;background:var(--soft)}
.total b{display:block;font-size:22px}
.total.FAIL b{color:var(--fail)}.total.PASS b{color:var(--pass)}.total.ERROR b{color:var(--error)}.total.SUPPRESSED b{color:var(--suppressed)}
.coverage{font-weight:600}
.intro{background:var(--soft);border-left:4px solid var(--accent);padding:8px 12px;margin:12px 0}
.badge{display:inline-block;padding:0 6px;border-radius:3px;font-size:11.5px;font-weight:600;color:#fff;white-space:nowrap;text-transform:uppercase}
.sev-critical{background:var(--critical)}.sev-high{background:var(--high)}.sev-medium{background:var(--medium)}
.sev-low{background:var(--low)}.sev-informational{background:var(--informational)}
.st-FAIL{background:var(--fail)}.st-PASS{background:var(--pass)}.st-ERROR{background:var(--error)}.st-SUPPRESSED{background:var(--suppressed)}
.srm{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:14px}
.srm-class{border:1px solid var(--line);border-radius:6px;padding:10px 14px}
.srm-class h3{margin-top:0}
.duty{display:grid;grid-template-columns:max-content 1fr;gap:2px 10px;margin:6px 0}
.duty dt{font-weight:600}.duty dd{margin:0}
.chart td{border:0;padding:2px 4px;font-size:12.5px}
.chart .label{width:36%}.chart .nums{white-space:nowrap;width:1%;color:var(--muted)}
svg.bar{display:block;width:100%;height:12px}
.bar .FAIL{fill:var(--fail)}.bar .PASS{fill:var(--pass)}.bar .ERROR{fill:var(--error)}.bar .SUPPRESSED{fill:var(--suppressed)}.bar .none{fill:var(--line)}
.legend span{margin-right:12px;font-size:12px}
.legend i{display:inline-block;width:10px;height:10px;margin-right:4px;vertical-align:-1px}
.legend .FAIL{background:var(--fail)}.legend .PASS{background:var(--pass)}.legend .ERROR{background:var(--error)}.legend .SUPPRESSED{background:var(--suppressed)}
.filters{position:sticky;top:0;z-index:2;background:var(--bg);border-bottom:1px solid var(--line);padding:8px 0;display:flex;flex-wrap:wrap;gap:6px 14px;align-items:center}
.filters fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px;align-items:center}
.filters legend{float:left;margin-right:4px;color:var(--muted);font-size:12px}
.filters button{font:inherit;font-size:12px;padding:2px 8px;border:1px solid var(--line);border-radius:12px;background:var(--bg);cursor:pointer}
.filters button[aria-pressed=true]{background:var(--accent);border-color:var(--accent);color:#fff}
.filters input,.filters select{font:inherit;font-size:13px;padding:3px 6px;border:1px solid var(--line);border-radius:4px}
.filters input{min-width:220px}
#shown{font-weight:600;margin-left:auto}
.cls{margin-top:10px}
.check{border:1px solid var(--line);border-radius:6px;margin:8px 0;padding:8px 12px}
.check>header{display:flex;flex-wrap:wrap;gap:6px;align-items:baseline}
.check>header strong{font-size:14px}
.fix{margin:6px 0 8px;padding:6px 10px;background:var(--soft);border-radius:4px}
.fix dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 10px;margin:0}.fix dt{color:var(--muted)}.fix dd{margin:0}
.rows td.st,.rows .region{width:1%;white-space:nowrap}
.rows .res{width:30%;word-break:break-word;overflow-wrap:anywhere}
details.passes summary{cursor:pointer;color:var(--pass);font-weight:600;margin:4px 0}
.supp{color:var(--suppressed)}
.state-not-checked{color:var(--fail);font-weight:600}.state-partly-checked{color:var(--error)}.state-checked{color:var(--pass)}
.empty{color:var(--muted);font-style:italic}
footer{margin-top:40px;color:var(--muted);font-size:12px}
[hidden]{display:none!important}
[id]{scroll-margin-top:96px}
table.cov{table-layout:fixed}.cov th:nth-child(1){width:24%}.cov th:nth-child(2){width:16%}.cov th:nth-child(3){width:14%}
@media print{
.filters,.noprint{display:none!important}
body{font-size:11px}main{max-width:none;padding:0}
.check,.srm-class,tr{break-inside:avoid}
a{color:inherit;text-decoration:none}
.fix a[href^="http"]::after{content:" (" attr(href) ")";word-break:break-all}
.badge{border:1px solid #000;color:#000;background:none!important}
h2{break-after:avoid}
}
`;

/**
 * Filters and search over rows the server rendered: it reads `data-*` attributes and `textContent`, toggles
 * `hidden` and `open`, and writes counts with `textContent` only. It never builds markup from report text.
 */
export const SCRIPT = `
(function () {
  'use strict';
  var doc = document;
  var rows = Array.prototype.slice.call(doc.querySelectorAll('[data-status]'));
  function attr(row, name) {
    var holder = row.hasAttribute(name) ? row : row.closest('[' + name + ']');
    return holder ? holder.getAttribute(name) : '';
  }
  var data = rows.map(function (row) {
    var check = row.closest('.check');
    var head = check ? check.querySelector('header') : null;
    return {
      sev: attr(row, 'data-sev'), status: attr(row, 'data-status'), cls: attr(row, 'data-cls'),
      svc: attr(row, 'data-svc'), acct: attr(row, 'data-acct'),
      text: ((head ? head.textContent : '') + ' ' + row.textContent).toLowerCase()
    };
  });
  var results = rows.filter(function (row) { return row.classList.contains('f'); }).length;
  var chips = { sev: [], status: [], cls: [] };
  var shown = doc.getElementById('shown');
  var search = doc.getElementById('q');
  var svc = doc.getElementById('svc');
  var acct = doc.getElementById('acct');
  Array.prototype.forEach.call(doc.querySelectorAll('button[data-filter]'), function (button) {
    button.addEventListener('click', function () {
      var on = button.getAttribute('aria-pressed') !== 'true';
      button.setAttribute('aria-pressed', on ? 'true' : 'false');
      apply();
    });
  });
  function pressed(name) {
    return Array.prototype.map.call(
      doc.querySelectorAll('button[data-filter="' + name + '"][aria-pressed="true"]'),
      function (button) { return button.getAttribute('data-value'); });
  }
  function apply() {
    chips = { sev: pressed('sev'), status: pressed('status'), cls: pressed('cls') };
    var query = search ? search.value.trim().toLowerCase() : '';
    var service = svc ? svc.value : '';
    var account = acct ? acct.value : '';
    var active = chips.sev.length + chips.status.length + chips.cls.length > 0 || query !== '' || service !== '' || account !== '';
    var count = 0;
    rows.forEach(function (row, i) {
      var d = data[i];
      var ok = (chips.sev.length === 0 || chips.sev.indexOf(d.sev) >= 0) &&
        (chips.status.length === 0 || chips.status.indexOf(d.status) >= 0) &&
        (chips.cls.length === 0 || chips.cls.indexOf(d.cls) >= 0) &&
        (service === '' || d.svc === service) &&
        (account === '' || d.acct === account) &&
        (query === '' || d.text.indexOf(query) >= 0);
      row.hidden = !ok;
      if (ok && row.classList.contains('f')) count += 1;
    });
    Array.prototype.forEach.call(doc.querySelectorAll('[data-group]'), function (group) {
      group.hidden = active && !group.querySelector('[data-status]:not([hidden])');
    });
    Array.prototype.forEach.call(doc.querySelectorAll('details.passes'), function (details) {
      details.open = active && details.querySelector('[data-status]:not([hidden])') !== null;
    });
    if (shown) shown.textContent = active ? 'Showing ' + count + ' of ' + results + ' results' : results + ' results';
  }
  if (search) search.addEventListener('input', apply);
  if (svc) svc.addEventListener('change', apply);
  if (acct) acct.addEventListener('change', apply);
  var reset = doc.getElementById('reset');
  if (reset) reset.addEventListener('click', function () {
    Array.prototype.forEach.call(doc.querySelectorAll('button[data-filter]'), function (button) {
      button.setAttribute('aria-pressed', 'false');
    });
    if (search) search.value = '';
    if (svc) svc.value = '';
    if (acct) acct.value = '';
    apply();
  });
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(doc.querySelectorAll('details'), function (details) { details.open = true; });
  });
  apply();
})();
`;

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * Nothing loads and nothing runs but the inline stylesheet and script above: no network request of any kind, no
 * inline handler or injected script, no form submission, images only as data: URLs.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `script-src ${sha256(SCRIPT)}`,
  `style-src ${sha256(STYLE)}`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

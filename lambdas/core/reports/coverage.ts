import type { CoverageMap, ObligationCoverage, ServiceCoverage } from '../coverage/service-coverage.js';
import { SRM_CLASS_DESCRIPTIONS, SRM_CLASSES } from '../srm/vocabulary.js';
import { terminalSafe } from './terminal.js';

export const STATE_LABEL: Readonly<Record<ServiceCoverage['state'], string>> = {
  checked: 'checked',
  'partly-checked': 'partly checked',
  'not-checked': 'IN USE, NOT CHECKED',
};

/** `72 listed, 31 tagged resources`, or `account-wide`. */
export const resourcesText = (service: ServiceCoverage): string => {
  const counts = [
    ...(service.listedResources !== undefined ? [[service.listedResources, 'listed'] as const] : []),
    ...(service.taggedResources !== undefined ? [[service.taggedResources, 'tagged'] as const] : []),
  ];
  const last = counts.at(-1);
  if (!last) return 'account-wide';
  return `${counts.map(([n, how]) => `${n} ${how}`).join(', ')} resource${last[0] === 1 ? '' : 's'}`;
};

/** `✓ Backup and recovery: 1 check (FAIL 3 · PASS 0 · ERROR 8)` or `✗ …: not checked (why)`. */
export const obligationLine = (o: ObligationCoverage): string => {
  if (o.state === 'checked') {
    const counts = (['FAIL', 'PASS', 'ERROR'] as const).map((s) => `${s} ${o[s]}`).join(' · ');
    return `✓ ${o.label}: ${o.checks} check${o.checks === 1 ? '' : 's'} (${counts})`;
  }
  return `✗ ${o.label}: not checked (${o.state === 'not-selected' ? 'srm-scan has checks for it, not selected in this scan' : 'srm-scan has no check for it yet'})`;
};

const notChecked = (service: ServiceCoverage): string[] =>
  service.obligations.filter((o) => o.state !== 'checked').map((o) => o.label.toLowerCase());

/** Where "in use" came from, in one sentence. */
export const sourcesLine = (map: CoverageMap): string => {
  const tagging = map.sources.taggingApi;
  const via =
    tagging.state === 'used'
      ? "srm-scan's collectors and the Resource Groups Tagging API (tagged resources only)"
      : `srm-scan's collectors only (Resource Groups Tagging API ${tagging.state === 'unavailable' ? 'unavailable' : 'not read'}: services used only through resources srm-scan does not list are unknown)`;
  return `In use = resources seen by ${via}.`;
};

/** `Services in use: 14 — 12 checked, 1 partly checked, 1 not checked.` */
export function servicesInUseLine(map: CoverageMap): string {
  const count = (state: ServiceCoverage['state']) => map.services.filter((s) => s.state === state).length;
  return `Services in use: ${map.services.length + map.unknownServices.length} — ${count('checked')} checked, ${count('partly-checked')} partly checked, ${count('not-checked') + map.unknownServices.length} not checked.`;
}

/**
 * The SRM coverage map as text. `detail` lists every owed obligation with its counts (the `coverage` command);
 * without it, one line per service naming what was not checked (the section at the end of the table report).
 */
export function renderCoverage(map: CoverageMap, options: { detail?: boolean } = {}): string {
  const out: string[] = [
    'SRM coverage map: the services this account uses, what you owe for each, and what this scan checked',
    sourcesLine(map),
  ];
  if (map.sources.taggingApi.detail) out.push(map.sources.taggingApi.detail);
  for (const srmClass of SRM_CLASSES) {
    const services = map.services.filter((s) => s.srmClass === srmClass);
    if (services.length === 0) continue;
    out.push('', `  ${SRM_CLASS_DESCRIPTIONS[srmClass].label}`);
    for (const service of services) {
      out.push(`    ${service.name} (${resourcesText(service)}): ${STATE_LABEL[service.state]}`);
      if (options.detail) {
        if (service.srmClassNote) out.push(`      note: ${service.srmClassNote}`);
        for (const obligation of service.obligations) out.push(`      ${obligationLine(obligation)}`);
      } else {
        const missing = notChecked(service);
        if (missing.length > 0) out.push(`      not checked: ${missing.join('; ')}`);
      }
    }
  }
  if (map.unknownServices.length > 0) {
    out.push('', '  In use, unknown to srm-scan (class not known, nothing checked)');
    for (const unknown of map.unknownServices) {
      out.push(`    ${unknown.namespace} (${unknown.taggedResources} tagged: ${unknown.resourceTypes.join(', ')})`);
    }
  }
  out.push('', servicesInUseLine(map));
  return `${terminalSafe(out.join('\n'))}\n`;
}

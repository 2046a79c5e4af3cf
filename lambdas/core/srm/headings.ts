import type { Check } from '../checks/define-check.js';
import { CHECKS } from '../checks/registry.js';
import { AWS_SERVICES } from './services.js';
import { OBLIGATION_LABELS, SRM_CLASS_DESCRIPTIONS, SRM_CLASSES, type SrmClass } from './vocabulary.js';

/** Where a check puts a class heading: its service, or for account-wide checks the services it covers. */
const headingKeys = (check: Check): readonly string[] => {
  if (check.service !== 'account') return [check.service];
  return check.obligation === 'data-residency' ? ['region choice'] : (check.appliesTo ?? ['iam']);
};

/**
 * The services srm-scan checks in a class, in the service table's order, from the checks' metadata and the
 * service table (`services.ts`): `['RDS', 'ECS', 'EKS']`.
 */
export function classServices(srmClass: SrmClass, checks: readonly Check[] = CHECKS): string[] {
  const keys = new Set(checks.filter((c) => c.srmClass === srmClass).flatMap(headingKeys));
  const names = AWS_SERVICES.filter((s) => keys.has(s.key)).map((s) => s.short);
  return keys.has('region choice') ? [...names, 'region choice'] : names;
}

/** `INFRASTRUCTURE SERVICES (EC2, EBS, VPC, ELB)`: how every report heads a class. */
export const srmClassTitle = (srmClass: SrmClass): string =>
  `${SRM_CLASS_DESCRIPTIONS[srmClass].label.toUpperCase()} (${classServices(srmClass).join(', ')})`;

const cell = (text: string) => text.replaceAll('|', '\\|');

/** The README's SRM table: per class, the services checked, what AWS handles and what you owe. */
export function srmTableMarkdown(checks: readonly Check[] = CHECKS): string {
  return [
    '| SRM class | Services checked | AWS handles | You owe |',
    '|---|---|---|---|',
    ...SRM_CLASSES.map((srmClass) => {
      const d = SRM_CLASS_DESCRIPTIONS[srmClass];
      return `| **${srmClass}** | ${cell(classServices(srmClass, checks).join(', '))} | ${cell(d.awsHandles)} | ${cell(d.customerOwes)} |`;
    }),
  ].join('\n');
}

/**
 * The service table as markdown (docs/checks.md): every service srm-scan knows, its class, what the customer
 * owes and how many checks srm-scan has for it. The coverage map reads the same table.
 */
export function servicesMarkdown(checks: readonly Check[] = CHECKS): string {
  const counts = new Map<string, number>();
  for (const check of checks) {
    for (const key of check.appliesTo ?? [check.service === 'account' ? 'iam' : check.service]) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const rows = [...AWS_SERVICES]
    .sort((a, b) => SRM_CLASSES.indexOf(a.srmClass) - SRM_CLASSES.indexOf(b.srmClass) || a.name.localeCompare(b.name))
    .map((s) => {
      const owes = s.obligations.map((o) => OBLIGATION_LABELS[o].toLowerCase()).join('; ');
      const note = s.srmClassNote ? ` ${s.srmClassNote}` : '';
      return `| ${s.name} | ${s.srmClass}${cell(note)} | ${cell(owes)} | ${counts.get(s.key) ?? 'not checked'} |`;
    });
  return ['| Service | SRM class | You owe | srm-scan checks |', '|---|---|---|---|', ...rows].join('\n');
}

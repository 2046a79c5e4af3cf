import { countKinds, type DiffChange, type ScanDiff } from '../../diff/compare.js';
import { OBLIGATION_LABELS } from '../../srm/vocabulary.js';
import { terminalSafe, wrap } from '../terminal.js';
import {
  changeDetail,
  diffScope,
  gateLine,
  groupChanges,
  KIND_LABELS,
  kindTally,
  listedChanges,
  notObservedLine,
  severalAccounts,
  sideLine,
  unchangedTally,
} from './describe.js';

const INDENT = '                       ';

function renderChange(change: DiffChange, withAccount: boolean): string[] {
  const where = `${withAccount ? `${change.accountId} ` : ''}${change.resourceId} (${change.region})`;
  return [
    `    ${KIND_LABELS[change.kind].padEnd(15)} ${change.severity.padEnd(8)} ${change.checkId}  ${where}`,
    `${INDENT}${wrap(changeDetail(change), 100, INDENT)}`,
  ];
}

/**
 * The terminal output of `srm-scan diff`, in the style of the scan table: the two reports, the counts per kind, the
 * scope warnings, then the changes grouped by SRM class (headed by the customer's share) and obligation, the checks
 * whose severity changed and the gate. Control characters from the reports are neutralised ({@link terminalSafe}).
 */
export function renderDiffTable(diff: ScanDiff): string {
  const { accounts, regions } = diffScope(diff);
  const out: string[] = [
    `srm-scan diff · BEFORE ${sideLine(diff.before)}`,
    `              → AFTER  ${sideLine(diff.after)}`,
    `accounts ${accounts.join(', ')} · regions ${regions.join(', ')}`,
    `Changes:   ${kindTally(diff.counts)}`,
    `Unchanged: ${unchangedTally(diff.unchanged)}`,
  ];
  if (diff.warnings.length > 0) {
    out.push('', `Scope warnings (${diff.warnings.length}) — the reports do not cover the same things:`);
    for (const warning of diff.warnings) out.push(`  ! ${wrap(warning.message, 110, '    ')}`);
  }
  const withAccount = severalAccounts(diff);
  const groups = groupChanges(listedChanges(diff));
  if (diff.changes.length === 0) out.push('', 'No finding changed between the two reports.');
  for (const group of groups) {
    out.push('', `━━ ${group.label.toUpperCase()} ━━ ${kindTally(countKinds(group.changes))}`, `  (${group.inShort})`);
    for (const { obligation, changes } of group.obligations) {
      out.push('', `  ${OBLIGATION_LABELS[obligation]} — ${kindTally(countKinds(changes))}`);
      for (const change of changes) out.push(...renderChange(change, withAccount));
    }
  }
  const notObserved = notObservedLine(diff);
  if (notObserved) out.push('', wrap(notObserved, 110, '  '));
  if (diff.severityChanges.length > 0) {
    out.push('', `Severity changes (${diff.severityChanges.length}):`);
    for (const change of diff.severityChanges) out.push(`  ${change.checkId}: ${change.before} → ${change.after}`);
  }
  const gate = gateLine(diff);
  if (gate) out.push('', gate);
  return `${terminalSafe(out.join('\n'))}\n`;
}

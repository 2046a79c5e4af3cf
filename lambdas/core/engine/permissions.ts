import type { Check } from '../checks/define-check.js';
import type { SliceCollectors } from '../collectors/types.js';
import type { SliceKey } from '../inventory/index.js';
import { sliceClosure } from './collect.js';
import { COVERAGE_SLICES, ENGINE_ACTIONS } from './scan.js';

/**
 * The IAM actions a scan with these checks calls: the engine's own plus the actions of every
 * slice the checks require (dependencies included) and of the coverage map's service discovery. This one list feeds `srm-scan iam-policy`
 * and the deployed scanner role, so neither can drift from what the code does.
 */
export function requiredActions(checks: readonly Check[], collectors: SliceCollectors<SliceKey>): string[] {
  const slices = sliceClosure([...checks.flatMap((c) => c.requires), ...COVERAGE_SLICES], collectors);
  const actions = new Set<string>(ENGINE_ACTIONS);
  for (const slice of slices) for (const action of collectors[slice].actions) actions.add(action);
  return [...actions].sort();
}

/** A read-only identity policy granting exactly `requiredActions`. */
export function scannerPolicyDocument(actions: readonly string[]): {
  Version: string;
  Statement: { Sid: string; Effect: 'Allow'; Action: string[]; Resource: string }[];
} {
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: 'SrmScanReadOnly', Effect: 'Allow', Action: [...actions], Resource: '*' }],
  };
}

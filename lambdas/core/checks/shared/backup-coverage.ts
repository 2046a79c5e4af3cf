import type { BackupPlan, BackupSelection, BackupTagCondition } from '../../inventory/index.js';
import { type CheckResult, fail, pass, type ResultResource } from '../define-check.js';

/** A resource a backup selection can pick: its ARN, region and tags. */
export interface BackupTarget {
  arn: string;
  region: string;
  tags: Readonly<Record<string, string>>;
  /** How the target relates to the evaluated resource when it is not the resource itself, e.g. `its cluster db-1`. */
  via?: string;
}

export interface BackupCoverage {
  plan: BackupPlan;
  selection: BackupSelection;
  target: BackupTarget;
}

/** Matches AWS Backup's resource and StringLike patterns, where `*` stands for any run of characters. */
export function wildcardMatch(pattern: string, value: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 's').test(value);
}

const hasTag = (tags: BackupTarget['tags'], { key, value }: BackupTagCondition): boolean =>
  Object.hasOwn(tags, key) && tags[key] === value;

const tagLike = (tags: BackupTarget['tags'], { key, value }: BackupTagCondition): boolean =>
  Object.hasOwn(tags, key) && wildcardMatch(value, tags[key] ?? '');

/**
 * Whether one selection picks the target, as AWS Backup evaluates it:
 * - the target must match a `Resources` pattern (`*` alone is every supported resource) or carry
 *   one of the `ListOfTags` tags — the two lists are OR-ed; a selection with neither selects every
 *   supported resource, which the conditions below may then narrow;
 * - then every `Conditions` entry must hold (AND). As in IAM, a negated operator holds when the
 *   tag is absent, a positive one does not;
 * - finally a `NotResources` match excludes it.
 * Region is not considered here: see {@link findBackupCoverage}.
 */
export function selectionSelects(selection: BackupSelection, target: BackupTarget): boolean {
  const { tags } = target;
  const byArn = selection.resources.some((pattern) => wildcardMatch(pattern, target.arn));
  const byTag = selection.listOfTags.some((tag) => hasTag(tags, tag));
  const unrestricted = selection.resources.length === 0 && selection.listOfTags.length === 0;
  if (!byArn && !byTag && !unrestricted) return false;
  const { stringEquals, stringNotEquals, stringLike, stringNotLike } = selection.conditions;
  const conditionsHold =
    stringEquals.every((c) => hasTag(tags, c)) &&
    stringNotEquals.every((c) => !hasTag(tags, c)) &&
    stringLike.every((c) => tagLike(tags, c)) &&
    stringNotLike.every((c) => !tagLike(tags, c));
  return conditionsHold && !selection.notResources.some((pattern) => wildcardMatch(pattern, target.arn));
}

/** Plans of one region: a backup plan only ever protects resources in its own region. */
export const plansIn = (plans: readonly BackupPlan[], region: string): BackupPlan[] =>
  plans.filter((p) => p.region === region);

/** The first plan selection that picks any of the targets (each only by a plan of its own region). */
export function findBackupCoverage(
  plans: readonly BackupPlan[],
  targets: readonly BackupTarget[],
): BackupCoverage | undefined {
  for (const target of targets) {
    for (const plan of plansIn(plans, target.region)) {
      const selection = plan.selections.find((s) => selectionSelects(s, target));
      if (selection) return { plan, selection, target };
    }
  }
  return undefined;
}

/**
 * The result of a "resource is in a backup plan" check: PASS naming the plan and selection that
 * pick the resource (or a target that carries it, such as its cluster), FAIL otherwise.
 *
 * @example
 * backupCoverageResult(table, `DynamoDB table ${table.id}`, [{ arn: table.arn, region: table.region, tags }], backup.plans)
 */
export function backupCoverageResult(
  resource: ResultResource,
  label: string,
  targets: readonly BackupTarget[],
  plans: readonly BackupPlan[],
): CheckResult {
  const coverage = findBackupCoverage(plans, targets);
  if (coverage) {
    const { plan, selection, target } = coverage;
    const via = target.via ? ` through ${target.via}` : '';
    return pass(
      resource,
      `${label} is selected${via} by AWS Backup plan ${plan.name} (resource assignment ${selection.name}).`,
    );
  }
  const regional = plansIn(plans, resource.region);
  if (regional.length === 0) {
    return fail(resource, `${label} is not backed up by AWS Backup: there is no backup plan in ${resource.region}.`);
  }
  const names = targets.map((t) => t.via ?? 'it');
  const subject = names.length === 1 ? `${names[0]} is not` : `neither ${names.join(' nor ')} is`;
  const planNames =
    regional
      .slice(0, 5)
      .map((p) => p.name)
      .join(', ') + (regional.length > 5 ? ', …' : '');
  return fail(
    resource,
    `${label} is not backed up by AWS Backup: ${subject} selected by any of the ${regional.length} backup plan(s) in ${resource.region} (${planNames}).`,
  );
}

import { arnResourceId, parseArn } from '../aws/arn.js';
import type { Check, CheckResult, CheckTools, ResultResource } from '../checks/define-check.js';
import type { CollectionIssue, SliceCollectors } from '../collectors/types.js';
import type { Settings } from '../config/settings.js';
import { GLOBAL_REGION, type Inventory, type SliceKey } from '../inventory/index.js';
import { arnNamespaceOf } from '../srm/services.js';
import type { SrmClass, Status } from '../srm/vocabulary.js';
import { sliceClosure } from './collect.js';

export interface EvaluatedResult {
  status: Status;
  resource: ResultResource;
  message: string;
  /** Set when the result's SRM class differs from the check's. */
  srmClass?: SrmClass;
}

const describeIssue = (issue: CollectionIssue, collectors: SliceCollectors<SliceKey>): string => {
  const actions = collectors[issue.slice].actions.join(', ');
  const where = issue.resourceArn ?? (issue.region === GLOBAL_REGION ? 'the account' : issue.region);
  return `${issue.slice} (${actions}) could not be collected for ${where}: ${issue.errorCode}: ${issue.message}`;
};

/** The scope a collection failure stands for, as the resource of an ERROR result. */
function scopeResource(check: Check, inventory: Inventory, region: string): ResultResource {
  const service = arnNamespaceOf(check.service);
  const arn =
    region === GLOBAL_REGION
      ? `arn:${inventory.partition}:${service}::${inventory.accountId}:*`
      : `arn:${inventory.partition}:${service}:${region}:${inventory.accountId}:*`;
  return { arn, id: region === GLOBAL_REGION ? inventory.accountId : `${inventory.accountId}/${region}`, region };
}

/**
 * Runs one check and reconciles its results with what could not be collected:
 * - a required slice that failed for the whole account → one ERROR, evaluate is not run;
 * - a required slice that failed in a region → that region's results (and account-wide
 *   results) become ERROR, and the region gets an ERROR even when it produced no result;
 * - a per-resource failure → that resource's result is ERROR (or a new ERROR when the check
 *   left the resource out for want of its data);
 * - `evaluate` throwing → one ERROR.
 * A check can therefore never PASS or FAIL on data that was not collected.
 */
export function evaluateCheck(
  check: Check,
  inventory: Inventory,
  settings: Settings,
  tools: CheckTools,
  issues: readonly CollectionIssue[],
  collectors: SliceCollectors<SliceKey>,
): EvaluatedResult[] {
  const required = sliceClosure(check.requires, collectors);
  const relevant = issues.filter((i) => required.has(i.slice));
  const accountWide = relevant.filter((i) => i.resourceArn === undefined && i.region === GLOBAL_REGION);
  if (accountWide.length > 0) {
    return [
      {
        status: 'ERROR',
        resource: scopeResource(check, inventory, GLOBAL_REGION),
        message: `Not evaluated: ${accountWide.map((i) => describeIssue(i, collectors)).join('; ')}.`,
      },
    ];
  }

  let results: CheckResult[];
  try {
    results = check.evaluate(inventory, settings, tools);
  } catch (error) {
    return [
      {
        status: 'ERROR',
        resource: scopeResource(check, inventory, GLOBAL_REGION),
        message: `Not evaluated: the check raised ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}.`,
      },
    ];
  }

  const regionIssues = new Map<string, CollectionIssue[]>();
  const resourceIssues = new Map<string, CollectionIssue[]>();
  for (const issue of relevant) {
    const map = issue.resourceArn === undefined ? regionIssues : resourceIssues;
    const key = issue.resourceArn ?? issue.region;
    map.set(key, [...(map.get(key) ?? []), issue]);
  }
  const allRegionIssues = [...regionIssues.values()].flat();

  const reconciled: EvaluatedResult[] = results.map((result) => {
    const blocking =
      resourceIssues.get(result.resource.arn) ??
      regionIssues.get(result.resource.region) ??
      (result.resource.region === GLOBAL_REGION && allRegionIssues.length > 0 ? allRegionIssues : undefined);
    if (!blocking) return result;
    return {
      status: 'ERROR',
      resource: result.resource,
      message: `Not evaluated: ${blocking.map((i) => describeIssue(i, collectors)).join('; ')}.`,
      ...(result.srmClass && { srmClass: result.srmClass }),
    };
  });

  const covered = new Set(reconciled.map((r) => r.resource.arn));
  const coveredRegions = new Set(reconciled.map((r) => r.resource.region));
  for (const [region, regional] of regionIssues) {
    if (coveredRegions.has(region)) continue;
    reconciled.push({
      status: 'ERROR',
      resource: scopeResource(check, inventory, region),
      message: `Not evaluated in ${region}: ${regional.map((i) => describeIssue(i, collectors)).join('; ')}.`,
    });
  }
  for (const [arn, perResource] of resourceIssues) {
    // A resource the check produced nothing for is only reported when it is of the check's own
    // service: a check that merely consults another service's data (a trail's bucket) does not
    // evaluate every resource of that service.
    if (covered.has(arn) || parseArn(arn)?.service !== arnNamespaceOf(check.service)) continue;
    const first = perResource[0];
    if (!first) continue;
    reconciled.push({
      status: 'ERROR',
      resource: { arn, id: arnResourceId(arn), region: first.region },
      message: `Not evaluated: ${perResource.map((i) => describeIssue(i, collectors)).join('; ')}.`,
    });
  }
  return reconciled;
}

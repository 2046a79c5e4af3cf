import type { SettingKey, Settings } from '../config/settings.js';
import type { ComplianceRef, Remediation } from '../findings/model.js';
import type { AwsResource, InventoryService, InventoryView, SliceKey } from '../inventory/index.js';
import type { ActionCatalog } from '../policy/actions.js';
import type { Obligation, Severity, SrmClass } from '../srm/vocabulary.js';

/** The resource a result is about. Account-level checks use `accountResource`. */
export type ResultResource = Pick<AwsResource, 'arn' | 'id' | 'region'> & { accountId?: string };

export interface CheckResult {
  /** ERROR only through `notEvaluated`, when the check itself cannot decide (e.g. a setting it needs is unset). */
  status: 'PASS' | 'FAIL' | 'ERROR';
  resource: ResultResource;
  /**
   * A full sentence naming the resource and the observed value. Never any part of a secret (not even
   * its length): show its `findSecrets` marker instead.
   */
  message: string;
  /**
   * The SRM class of this one result when it differs from the check's: an ECS task or EKS node group
   * on EC2 capacity carries the infrastructure class's obligations (the customer patches the host),
   * the same workload on Fargate the container class's.
   */
  srmClass?: SrmClass;
}

export interface CheckMetadata<R extends SliceKey = SliceKey> {
  /** `<service>-<resource>-<compliant state>`, equal to the file name. */
  id: string;
  /** States the compliant condition. */
  title: string;
  service: InventoryService | 'account';
  /** AWS resource type in Security Hub (ASFF) naming, e.g. `AwsEc2Instance`. */
  resourceType: string;
  srmClass: SrmClass;
  obligation: Obligation;
  severity: Severity;
  /** Inventory slices the check reads: drives collection, ERROR scoping and the IAM policy. */
  requires: readonly R[];
  /**
   * For an account-wide check that judges resources of several services (data residency), the service keys
   * it covers (`lambdas/core/srm/services.ts`): the coverage map credits the obligation to each.
   */
  appliesTo?: readonly string[];
  /** Settings the check reads (documentation). */
  settings?: readonly SettingKey[];
  compliance: readonly ComplianceRef[];
  /** Why a failure matters, in one or two sentences. */
  risk: string;
  remediation: Remediation;
}

/** Read-only helpers a check may use besides the inventory. */
export interface CheckTools {
  /** AWS actions and access levels, for classifying what a policy grants. */
  actions: ActionCatalog;
}

export interface CheckDefinition<R extends SliceKey> extends CheckMetadata<R> {
  /** Pure: no I/O, no clock. One result per evaluated resource; none when nothing applies. */
  evaluate: (inventory: InventoryView<R>, settings: Settings, tools: CheckTools) => CheckResult[];
}

/** A check with its slice types erased, as the registry and engine hold it. */
export type Check = CheckDefinition<SliceKey>;

/**
 * Declares a check. The inventory passed to `evaluate` is typed to exactly the slices in
 * `requires`, so a check cannot read data the scanner's IAM policy would not cover.
 *
 * @example
 * export const ec2EbsVolumeEncrypted = defineCheck({
 *   id: 'ec2-ebs-volume-encrypted', requires: ['ec2.volumes'], ...,
 *   evaluate: ({ ec2 }) => ec2.volumes.map((v) => v.encrypted ? pass(v, '…') : fail(v, '…')),
 * });
 */
export function defineCheck<const R extends SliceKey>(definition: CheckDefinition<R>): Check {
  // The engine hands every check the full inventory, a supertype of its declared view;
  // TypeScript cannot see that relation through the generic mapped type, hence the cast.
  return definition as unknown as Check;
}

export const pass = (resource: ResultResource, message: string): CheckResult => ({
  status: 'PASS',
  resource,
  message,
});

export const fail = (resource: ResultResource, message: string): CheckResult => ({
  status: 'FAIL',
  resource,
  message,
});

/** The check cannot reach a verdict for this resource for a reason other than collection (which the engine handles). */
export const notEvaluated = (resource: ResultResource, message: string): CheckResult => ({
  status: 'ERROR',
  resource,
  message,
});

export const verdict = (
  ok: boolean,
  resource: ResultResource,
  passMessage: string,
  failMessage: string,
): CheckResult => (ok ? pass(resource, passMessage) : fail(resource, failMessage));

/** The result under another SRM class than the check's (see `CheckResult.srmClass`). */
export const withSrmClass = (result: CheckResult, srmClass: SrmClass): CheckResult => ({ ...result, srmClass });

/**
 * The account itself as a result resource, for account-wide checks (`region` global) or
 * regional account settings such as EBS encryption by default (`region` set, `service` names the setting's owner).
 */
export function accountResource(
  context: { accountId: string; partition: string },
  region = 'global',
  service = 'iam',
): ResultResource {
  const arn =
    region === 'global'
      ? `arn:${context.partition}:iam::${context.accountId}:root`
      : `arn:${context.partition}:${service}:${region}:${context.accountId}:account`;
  return {
    arn,
    id: region === 'global' ? context.accountId : `${context.accountId}/${region}`,
    region,
    accountId: context.accountId,
  };
}

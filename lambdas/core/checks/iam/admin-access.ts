import type {
  AuthorizationDetails,
  IamManagedPolicy,
  IamPrincipalBase,
  InlinePolicy,
  PolicyDocument,
  PolicyStatement,
} from '../../inventory/index.js';
import { wildcardServiceActions } from '../../policy/index.js';
import { joinNames } from '../shared/text.js';

/** An Allow statement broad enough to matter for least privilege. */
export type BroadGrant =
  /** `Action: *` on every resource: full administrative access (FSBP IAM.1, CIS 1.16). */
  | { kind: 'full-admin'; sid?: string }
  /**
   * `NotAction` on every resource: every action of every service except the excluded ones, including
   * actions and services AWS adds later. Not `Action: *`, but full access outside the exclusions.
   */
  | { kind: 'not-action'; sid?: string; excluded: readonly string[] }
  /** `service:*` (or `*` on named resources): every action of a service (FSBP IAM.21). */
  | { kind: 'service-wildcard'; sid?: string; actions: readonly string[] };

/** `Resource: *`, or `NotResource` (everything except the listed resources) under Allow. */
const onAllResources = (statement: PolicyStatement): boolean =>
  statement.notResource !== undefined || (statement.resource ?? []).includes('*');

const isEveryAction = (action: string): boolean => action === '*' || action === '*:*';

const withSid = (statement: PolicyStatement) => (statement.sid ? { sid: statement.sid } : {});

/**
 * The broad Allow grants of an identity policy. Conditions do not narrow the verdict: a conditional
 * `*` on `*` is still administrator access for whoever meets the condition.
 */
export function broadGrants(document: PolicyDocument): BroadGrant[] {
  const grants: BroadGrant[] = [];
  for (const statement of document.statements) {
    if (statement.effect !== 'Allow') continue;
    const everything = onAllResources(statement);
    if (statement.notAction) {
      // NotAction: ["*"] excludes every action, so the statement grants nothing.
      const excludesAll = statement.notAction.some(isEveryAction);
      if (everything && !excludesAll) {
        grants.push({ kind: 'not-action', ...withSid(statement), excluded: statement.notAction });
      }
      continue;
    }
    const actions = statement.action ?? [];
    if (everything && actions.some(isEveryAction)) {
      grants.push({ kind: 'full-admin', ...withSid(statement) });
      continue;
    }
    const wildcards = wildcardServiceActions(statement);
    if (wildcards.length > 0) grants.push({ kind: 'service-wildcard', ...withSid(statement), actions: wildcards });
  }
  return grants;
}

export const grantsFullAdmin = (document: PolicyDocument): boolean =>
  broadGrants(document).some((g) => g.kind === 'full-admin');

const serviceOf = (pattern: string): string => pattern.split(':', 1)[0] ?? pattern;

/**
 * What an Allow with NotAction on every resource grants: e.g. `it excludes every iam action, yet
 * grants every action of every other service, including any service AWS adds later; …`.
 */
function describeNotAction(excluded: readonly string[]): string {
  const whole = [...new Set(excluded.filter((p) => /^[\w-]+:\*$/.test(p)).map(serviceOf))];
  const partial = excluded.filter((p) => !whole.includes(serviceOf(p)));
  const partialServices = [...new Set(partial.map(serviceOf))];
  const excludes = joinNames([...whole.map((s) => `every ${s} action`), ...partial]);
  const rest =
    partialServices.length > 0
      ? `the other ${joinNames(partialServices)} actions and every action of every other service`
      : 'every action of every other service';
  return (
    `it excludes ${excludes}, yet grants ${rest}, including any service AWS adds later; ` +
    'not the same as Action "*", but full access outside what it excludes'
  );
}

function describeGrant(grant: BroadGrant): string {
  const where = grant.sid ? `statement ${grant.sid}` : 'a statement';
  if (grant.kind === 'full-admin') {
    return `${where} allows every action (*) on every resource (full administrator access)`;
  }
  if (grant.kind === 'not-action') {
    return `${where} allows every action except ${grant.excluded.join(', ')} on every resource (Allow with NotAction): ${describeNotAction(grant.excluded)}`;
  }
  const scope = grant.actions.includes('*') ? 'every action on the listed resources' : 'every action of the service';
  return `${where} allows wildcard actions ${grant.actions.join(', ')} (${scope})`;
}

/** One clause per grant, e.g. `statement AllowAll allows every action (*) on every resource (…)`. */
export const describeBroadGrants = (grants: readonly BroadGrant[]): string => grants.map(describeGrant).join('; ');

/** AWS managed policy that grants `*` on `*`; the only one AWS publishes. */
const AWS_ADMINISTRATOR_ACCESS = /^arn:[\w-]+:iam::aws:policy\/AdministratorAccess$/;

/** Whether a managed policy grants full admin; undefined when its document is unknown. */
export type PolicyLookup = (arn: string) => boolean | undefined;

/**
 * Resolves managed policies by ARN from the inventory. An AWS managed policy missing from the
 * inventory (AWS lists the ones in use; an emulator may list none) is judged by name: only
 * AdministratorAccess grants `*` on `*`. A missing customer managed policy is unknown.
 */
export function policyLookup(details: Pick<AuthorizationDetails, 'policies'>): PolicyLookup {
  const byArn = new Map<string, IamManagedPolicy>(details.policies.map((p) => [p.arn, p]));
  return (arn) => {
    const policy = byArn.get(arn);
    if (policy?.document) return grantsFullAdmin(policy.document);
    if (AWS_ADMINISTRATOR_ACCESS.test(arn)) return true;
    if (/^arn:[\w-]+:iam::aws:policy\//.test(arn)) return false;
    return undefined;
  };
}

/** Where a principal's full admin comes from, e.g. `attached policy AdministratorAccess`. */
export interface AdminSource {
  via?: string;
  policy: string;
}

/** Something whose grants could not be read: an attached policy, or a group missing from the inventory. */
export interface AttachedPolicyRef {
  name: string;
}

export interface AdminAssessment {
  sources: AdminSource[];
  /** Attached policies whose documents are unknown, so the verdict cannot be reached. */
  unknown: AttachedPolicyRef[];
}

/** Full-admin grants of one user, group or role's own policies (not inherited ones). */
export function ownAdminGrants(principal: IamPrincipalBase, lookup: PolicyLookup, via?: string): AdminAssessment {
  const sources: AdminSource[] = [];
  const unknown: AttachedPolicyRef[] = [];
  const from = via === undefined ? {} : { via };
  for (const policy of principal.attachedPolicies) {
    const admin = lookup(policy.arn);
    if (admin === undefined) unknown.push(policy);
    else if (admin) sources.push({ ...from, policy: `attached policy ${policy.name}` });
  }
  for (const policy of principal.inlinePolicies) {
    if (grantsFullAdmin(policy.document)) sources.push({ ...from, policy: `inline policy ${policy.name}` });
  }
  return { sources, unknown };
}

/**
 * Inline policies have no ARN of their own. Findings about one use its owner's ARN followed by
 * `:inline-policy/<name>`: a colon cannot occur in IAM names or paths, so this never collides with a
 * real ARN, and it stays the same from scan to scan.
 */
export const inlinePolicyArn = (owner: Pick<IamPrincipalBase, 'arn'>, policy: Pick<InlinePolicy, 'name'>): string =>
  `${owner.arn}:inline-policy/${policy.name}`;

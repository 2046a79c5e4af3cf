import { parseArn } from '../aws/arn.js';
import type { PolicyStatement } from '../inventory/index.js';
import { type PolicyAnalysisOptions, restrictingConditions } from './conditions.js';
import { unpinnedServiceGrant } from './service-principals.js';

/** The account id a principal string names (`123456789012`, `arn:aws:iam::123456789012:root`, a role ARN), if any. */
export function principalAccountId(principal: string): string | undefined {
  if (/^\d{12}$/.test(principal)) return principal;
  const arn = parseArn(principal);
  const isPrincipalArn = arn?.service === 'iam' || arn?.service === 'sts';
  return isPrincipalArn && /^\d{12}$/.test(arn.accountId) ? arn.accountId : undefined;
}

/** True when the statement's principal is everyone (`*`, `{"AWS":"*"}`) or it uses NotPrincipal with Allow. */
export function grantsToEveryone(statement: PolicyStatement): boolean {
  if (statement.effect === 'Allow' && statement.notPrincipal) return true;
  const principal = statement.principal;
  if (!principal) return false;
  return Object.entries(principal).some(
    ([type, ids]) => (type === 'AWS' || type === '*') && ids.some((id) => id === '*'),
  );
}

/**
 * The kind of policy a statement belongs to: it decides what a service principal means. In a
 * resource policy (Lambda function, SNS topic, SQS queue, S3 bucket, KMS key) a service acts for
 * whichever account's resource invokes it; in a role trust policy it can only receive the role
 * through iam:PassRole inside the account, so it is a fixed principal.
 */
export type PolicyKind = 'resource-policy' | 'trust-policy';

/** How an Allow statement is open to every AWS account. */
export type PublicGrant =
  /** A `*` principal or Allow with NotPrincipal, with no condition pinning the caller. */
  | { via: 'everyone' }
  /** AWS service principals, in a resource policy, with no condition pinning the source account. */
  | { via: 'service'; services: readonly string[]; reason: string };

/**
 * How an Allow statement is open to every AWS account, or undefined when it is not: AWS's
 * definition of a public grant (`*` without a pinning condition) and, in resource policies only,
 * service principals whose source account no condition pins (see {@link unpinnedServiceGrant}).
 *
 * @example
 * publicGrant(lambdaPermissionForS3WithBucketArnOnly, 'resource-policy');
 * // → { via: 'service', services: ['s3.amazonaws.com'], reason: 'no condition pins the source account (…)' }
 * publicGrant(ec2TrustStatement, 'trust-policy'); // → undefined
 */
export function publicGrant(
  statement: PolicyStatement,
  policy: PolicyKind,
  options: PolicyAnalysisOptions = {},
): PublicGrant | undefined {
  if (statement.effect !== 'Allow') return undefined;
  if (grantsToEveryone(statement) && restrictingConditions(statement, options).length === 0) return { via: 'everyone' };
  if (policy === 'trust-policy') return undefined;
  const service = unpinnedServiceGrant(statement);
  return service && { via: 'service', ...service };
}

/** Whether an Allow statement is open to every AWS account; see {@link publicGrant}. */
export const isPublicStatement = (
  statement: PolicyStatement,
  policy: PolicyKind,
  options: PolicyAnalysisOptions = {},
): boolean => publicGrant(statement, policy, options) !== undefined;

/**
 * Accounts an Allow statement grants to through AWS principals. `*` stands for any account
 * (everyone, unless a condition pins it); service and federated principals are not accounts.
 */
export function grantedAccounts(statement: PolicyStatement): Set<string> {
  const accounts = new Set<string>();
  if (statement.effect !== 'Allow') return accounts;
  if (grantsToEveryone(statement)) {
    accounts.add('*');
    return accounts;
  }
  for (const id of statement.principal?.AWS ?? []) {
    const account = principalAccountId(id);
    // Anything else is a unique id (AIDA…/AROA…) that AWS shows in place of a deleted principal: nobody can use it.
    if (account) accounts.add(account);
  }
  return accounts;
}

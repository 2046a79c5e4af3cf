import type { PolicyStatement } from '../inventory/index.js';
import { type PolicyAnalysisOptions, restrictingConditions } from './conditions.js';

const ACCOUNT_IN_ARN = /^arn:[\w-]+:(?:iam|sts)::(\d{12}):/;

/** The account id a principal string names (`123456789012`, `arn:aws:iam::123456789012:root`, a role ARN), if any. */
export function principalAccountId(principal: string): string | undefined {
  if (/^\d{12}$/.test(principal)) return principal;
  return ACCOUNT_IN_ARN.exec(principal)?.[1];
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
 * An Allow statement open to everyone with no condition that pins it to fixed callers:
 * AWS's definition of a public grant.
 */
export function isPublicStatement(statement: PolicyStatement, options: PolicyAnalysisOptions = {}): boolean {
  return (
    statement.effect === 'Allow' &&
    grantsToEveryone(statement) &&
    restrictingConditions(statement, options).length === 0
  );
}

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

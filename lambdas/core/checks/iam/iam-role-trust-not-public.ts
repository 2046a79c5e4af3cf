import type { PolicyStatement } from '../../inventory/index.js';
import {
  grantsToEveryone,
  iamWildcardMatch,
  isPublicStatement,
  type PolicyAnalysisOptions,
  restrictingConditions,
} from '../../policy/index.js';
import { defineCheck, verdict } from '../define-check.js';

const ASSUME_ACTIONS = ['sts:assumerole', 'sts:assumerolewithwebidentity', 'sts:assumerolewithsaml'];

const matches = (pattern: string, action: string): boolean => iamWildcardMatch(pattern, action, { ignoreCase: true });

/** Whether an Allow statement of a trust policy lets its principals assume the role. */
function allowsAssume(statement: PolicyStatement): boolean {
  if (statement.effect !== 'Allow') return false;
  if (statement.notAction) return ASSUME_ACTIONS.some((a) => !statement.notAction?.some((p) => matches(p, a)));
  return (statement.action ?? []).some((p) => ASSUME_ACTIONS.some((a) => matches(p, a)));
}

/** The GitHub Actions OIDC provider, also in its GitHub Enterprise form `…githubusercontent.com/<slug>`. */
const GITHUB_PROVIDER = /oidc-provider\/token\.actions\.githubusercontent\.com(\/[^/]+)?$/;
const GITHUB_SUB_KEY = /^token\.actions\.githubusercontent\.com(\/[^:]+)?:sub$/;

/**
 * Operators that require the claim to be present and match: `…IfExists` and `ForAllValues:` do not.
 * `ForAnyValue:` does, as it is false for an absent claim (teams often write it for `sub`).
 */
const PINNING_OPERATORS = new Set(['stringequals', 'stringequalsignorecase', 'stringlike']);

/**
 * The `sub` values a GitHub OIDC statement is pinned to, or none when any repository would match.
 * A value pins when it has no wildcard, or names a fixed owner (`repo:acme/*`): an organisation's
 * repositories are then the only ones that can get a token for the role.
 */
function pinnedGithubSubjects(statement: PolicyStatement): string[] {
  const pinned: string[] = [];
  for (const [operator, keys] of Object.entries(statement.condition ?? {})) {
    const lower = operator.toLowerCase().replace(/^foranyvalue:/, '');
    if (lower.includes(':') || !PINNING_OPERATORS.has(lower)) continue;
    for (const [key, values] of Object.entries(keys)) {
      if (!GITHUB_SUB_KEY.test(key.toLowerCase()) || values.length === 0) continue;
      const fixed = values.every((v) => !/[*?]/.test(v) || /^repo:[^*?/]+\//.test(v));
      if (fixed) pinned.push(...values);
    }
  }
  return pinned;
}

const isGithubOidc = (statement: PolicyStatement): boolean =>
  (statement.principal?.Federated ?? []).some((p) => GITHUB_PROVIDER.test(p));

function describePrincipals(statements: readonly PolicyStatement[], options: PolicyAnalysisOptions): string {
  const parts = statements.flatMap((s) => {
    const restrictions = restrictingConditions(s, options).map((c) => `${c.key} ${c.values.join(', ')}`);
    const suffix = restrictions.length > 0 ? ` restricted by ${restrictions.join(' and ')}` : '';
    const pinned = isGithubOidc(s) ? ` for ${pinnedGithubSubjects(s).join(', ')}` : '';
    return Object.entries(s.principal ?? {}).flatMap(([type, ids]) =>
      ids.map((id) => `${type} ${id}${type === 'Federated' ? pinned : suffix}`),
    );
  });
  return parts.length > 0 ? parts.join('; ') : 'no principal';
}

export const iamRoleTrustNotPublic = defineCheck({
  id: 'iam-role-trust-not-public',
  title: 'IAM role trust policies do not let anyone, any account or any GitHub repository assume the role',
  service: 'iam',
  resourceType: 'AwsIamRole',
  srmClass: 'account',
  obligation: 'public-exposure',
  severity: 'critical',
  requires: ['iam.authorizationDetails'],
  settings: ['internetExposurePrefix'],
  compliance: [],
  risk: 'A role whose trust policy admits every AWS principal, or every GitHub Actions workflow, can be assumed by strangers, who then act with all of the role’s permissions inside your account.',
  remediation: {
    text: 'Name the trusted accounts or roles, or pin a wildcard principal with a condition such as aws:PrincipalOrgID; for GitHub Actions, require token.actions.githubusercontent.com:sub to match your repository (repo:<org>/<repo>:…).',
    cli: 'aws iam update-assume-role-policy --role-name <role> --policy-document file://trust-policy.json',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html',
  },
  evaluate: (inventory, { internetExposurePrefix }) =>
    inventory.iam.authorizationDetails.roles
      // Service-linked roles trust only their AWS service and cannot be edited.
      .filter((role) => !role.serviceLinked)
      .map((role) => {
        const assume = role.trustPolicy.statements.filter(allowsAssume);
        const problems = [
          // A service principal in a trust policy gets the role only through iam:PassRole in this account.
          ...assume
            .filter((s) => isPublicStatement(s, 'trust-policy', { internetExposurePrefix }))
            .map((s) =>
              s.notPrincipal
                ? `an Allow with NotPrincipal admits every principal not listed`
                : `it trusts every AWS principal (Principal "*") with no condition pinning the caller`,
            ),
          ...assume
            .filter((s) => !grantsToEveryone(s) && isGithubOidc(s) && pinnedGithubSubjects(s).length === 0)
            .map(
              () =>
                'it trusts GitHub Actions OIDC (token.actions.githubusercontent.com) without a fixed token.actions.githubusercontent.com:sub condition, so a workflow in any GitHub repository can assume it',
            ),
        ];
        return verdict(
          problems.length === 0,
          role,
          `IAM role ${role.name} can only be assumed by the principals it names: ${describePrincipals(assume, { internetExposurePrefix })}.`,
          `IAM role ${role.name} is open to strangers: ${problems.join('; ')}.`,
        );
      }),
});

import type { IamGroup, IamPrincipalBase } from '../../inventory/index.js';
import { type CheckResult, defineCheck, fail, notEvaluated, pass } from '../define-check.js';
import { type AdminSource, type AttachedPolicyRef, ownAdminGrants, policyLookup } from './admin-access.js';

export const iamPrincipalNoFullAdmin = defineCheck({
  id: 'iam-principal-no-full-admin',
  title: 'IAM users, groups and roles do not have full administrator access',
  service: 'iam',
  // Spans users, groups and roles (ASFF has no common type); the resource ARN tells which.
  resourceType: 'AwsIamPrincipal',
  srmClass: 'account',
  obligation: 'least-privilege',
  severity: 'high',
  requires: ['iam.authorizationDetails'],
  compliance: [],
  risk: 'An identity allowed every action on every resource turns any leak of its credentials, or any bug in the workload using it, into a full account takeover.',
  remediation: {
    text: 'Replace AdministratorAccess and other * on * policies with policies scoped to the job; keep break-glass administration in a few MFA-protected roles, or cap the identity with a permissions boundary.',
    cli: 'aws iam detach-role-policy --role-name <role> --policy-arn arn:aws:iam::aws:policy/AdministratorAccess',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_manage-attach-detach.html',
  },
  evaluate: (inventory) => {
    const details = inventory.iam.authorizationDetails;
    const lookup = policyLookup(details);
    const groupsByName = new Map<string, IamGroup>(details.groups.map((g) => [g.name, g]));

    const judge = (
      kind: string,
      principal: IamPrincipalBase,
      sources: readonly AdminSource[],
      unknown: readonly AttachedPolicyRef[],
    ): CheckResult => {
      const label = `IAM ${kind} ${principal.name}`;
      if (unknown.length > 0) {
        return notEvaluated(
          principal,
          `${label} has policies whose documents could not be read: ${unknown.map((u) => u.name).join(', ')}.`,
        );
      }
      if (sources.length === 0)
        return pass(principal, `${label} has no policy granting every action on every resource.`);
      const list = sources.map((s) => (s.via ? `${s.policy} of ${s.via}` : s.policy)).join(', ');
      const boundary = principal.permissionsBoundaryArn;
      if (boundary !== undefined) {
        // A permissions boundary caps every identity policy: admin policies under a narrower boundary are not admin.
        const boundaryAdmin = lookup(boundary);
        if (boundaryAdmin === undefined) {
          return notEvaluated(
            principal,
            `${label} has full administrator access through ${list}, but its permissions boundary ${boundary} could not be read.`,
          );
        }
        if (!boundaryAdmin) {
          return pass(
            principal,
            `${label} gets every action on every resource through ${list}, but its permissions boundary ${boundary} caps it below full administrator access.`,
          );
        }
      }
      return fail(
        principal,
        `${label} has full administrator access (every action on every resource) through ${list}.`,
      );
    };

    const users = details.users.map((user) => {
      const own = ownAdminGrants(user, lookup);
      const sources = [...own.sources];
      const unknown = [...own.unknown];
      for (const name of user.groupNames) {
        const group = groupsByName.get(name);
        if (!group) {
          unknown.push({ name: `group ${name}` });
          continue;
        }
        const inherited = ownAdminGrants(group, lookup, `group ${name}`);
        sources.push(...inherited.sources);
        unknown.push(...inherited.unknown);
      }
      return judge('user', user, sources, unknown);
    });
    const groups = details.groups.map((group) => {
      const own = ownAdminGrants(group, lookup);
      return judge('group', group, own.sources, own.unknown);
    });
    const roles = details.roles
      // Service-linked roles are defined and maintained by AWS.
      .filter((role) => !role.serviceLinked)
      .map((role) => {
        const own = ownAdminGrants(role, lookup);
        return judge('role', role, own.sources, own.unknown);
      });
    return [...users, ...groups, ...roles];
  },
});

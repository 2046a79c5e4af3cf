import type { IamManagedPolicy, IamPrincipalBase, PolicyDocument } from '../../inventory/index.js';
import { defineCheck, type ResultResource, verdict } from '../define-check.js';
import { broadGrants, describeBroadGrants, inlinePolicyArn } from './admin-access.js';

const attachments = (count: number): string =>
  count === 0 ? 'not attached' : `attached to ${count} ${count === 1 ? 'identity' : 'identities'}`;

export const iamPolicyNoFullAdmin = defineCheck({
  id: 'iam-policy-no-full-admin',
  title: 'Customer managed and inline IAM policies do not grant full administrator or service-wide access',
  service: 'iam',
  resourceType: 'AwsIamPolicy',
  srmClass: 'account',
  obligation: 'least-privilege',
  severity: 'high',
  requires: ['iam.authorizationDetails'],
  compliance: [
    { framework: 'aws-fsbp', control: 'IAM.1' },
    { framework: 'aws-fsbp', control: 'IAM.21' },
    { framework: 'cis-aws-3.0', control: '1.16' },
    { framework: 'cis-aws-4.0', control: '1.16' },
  ],
  risk:
    'A policy allowing * on *, or every action of a service, gives whoever holds it far more than their job needs; one ' +
    'leaked credential then compromises the whole account or service. Allow with NotAction on every resource is not ' +
    'Action "*", but it grants every action of every service except the excluded ones, including services AWS adds ' +
    'later: full access in all but the excluded services.',
  remediation: {
    text: 'Replace the wildcard with the specific actions and resources the workload uses (IAM Access Analyzer can generate them from CloudTrail activity), and publish it as the default version.',
    cli: 'aws iam create-policy-version --policy-arn <policy-arn> --policy-document file://least-privilege.json --set-as-default',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
  },
  evaluate: (inventory) => {
    const { users, groups, roles, policies } = inventory.iam.authorizationDetails;
    const judge = (resource: ResultResource, label: string, document: PolicyDocument) => {
      const grants = broadGrants(document);
      return verdict(
        grants.length === 0,
        resource,
        `${label} grants no full administrator, NotAction-on-everything or service-wide wildcard access.`,
        `${label} is too broad: ${describeBroadGrants(grants)}.`,
      );
    };
    const managed = policies
      .filter((p): p is IamManagedPolicy & { document: PolicyDocument } => !p.awsManaged && p.document !== undefined)
      .map((p) =>
        judge(p, `Customer managed policy ${p.name} (default version, ${attachments(p.attachmentCount)})`, p.document),
      );
    const owners: { kind: string; principal: IamPrincipalBase }[] = [
      ...users.map((principal) => ({ kind: 'user', principal })),
      ...groups.map((principal) => ({ kind: 'group', principal })),
      // Service-linked roles belong to AWS and cannot be edited.
      ...roles.filter((r) => !r.serviceLinked).map((principal) => ({ kind: 'role', principal })),
    ];
    const inline = owners.flatMap(({ kind, principal }) =>
      principal.inlinePolicies.map((policy) =>
        judge(
          {
            arn: inlinePolicyArn(principal, policy),
            id: `${principal.name}/${policy.name}`,
            region: principal.region,
          },
          `Inline policy ${policy.name} of IAM ${kind} ${principal.name}`,
          policy.document,
        ),
      ),
    );
    return [...managed, ...inline];
  },
});

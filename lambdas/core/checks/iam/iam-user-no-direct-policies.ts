import { defineCheck, verdict } from '../define-check.js';

export const iamUserNoDirectPolicies = defineCheck({
  id: 'iam-user-no-direct-policies',
  title: 'IAM users receive permissions only through groups',
  service: 'iam',
  resourceType: 'AwsIamUser',
  srmClass: 'account',
  obligation: 'least-privilege',
  severity: 'low',
  requires: ['iam.authorizationDetails'],
  compliance: [
    { framework: 'aws-fsbp', control: 'IAM.2' },
    { framework: 'cis-aws-3.0', control: '1.15' },
    { framework: 'cis-aws-4.0', control: '1.15' },
  ],
  risk: 'Permissions granted user by user drift apart and are rarely reviewed or revoked when people change roles; groups keep access consistent and auditable.',
  remediation: {
    text: 'Put the user in a group that carries the permissions, then detach the managed policies and delete the inline policies from the user.',
    cli: 'aws iam detach-user-policy --user-name <user> --policy-arn <policy-arn>',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_groups_manage_attach-policy.html',
  },
  evaluate: (inventory) =>
    inventory.iam.authorizationDetails.users.map((user) => {
      const direct = [
        ...user.attachedPolicies.map((p) => `managed policy ${p.name}`),
        ...user.inlinePolicies.map((p) => `inline policy ${p.name}`),
      ];
      const groups = user.groupNames.length > 0 ? ` (groups: ${user.groupNames.join(', ')})` : '';
      return verdict(
        direct.length === 0,
        user,
        `IAM user ${user.name} has no policies of its own${groups}.`,
        `IAM user ${user.name} has policies attached directly: ${direct.join(', ')}.`,
      );
    }),
});

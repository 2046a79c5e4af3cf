import { defineCheck, verdict } from '../define-check.js';
import { activeKeys, reportNote, userLabel } from './credential-report.js';

export const iamUserSingleActiveAccessKey = defineCheck({
  id: 'iam-user-single-active-access-key',
  title: 'IAM users have at most one active access key',
  service: 'iam',
  resourceType: 'AwsIamUser',
  srmClass: 'account',
  obligation: 'identity-mfa',
  severity: 'medium',
  requires: ['iam.credentialReport'],
  compliance: [
    { framework: 'cis-aws-3.0', control: '1.13' },
    { framework: 'cis-aws-4.0', control: '1.13' },
  ],
  risk: 'Two active keys for one user usually means a rotation that was never finished: the forgotten key stays valid and doubles what can leak.',
  remediation: {
    text: 'Find which key the workload uses (last-used date), deactivate the other one and delete it after a grace period.',
    cli: 'aws iam update-access-key --user-name <user> --access-key-id <unused-access-key-id> --status Inactive',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
  },
  evaluate: (inventory) => {
    const report = inventory.iam.credentialReport;
    return report.users.flatMap((user) => {
      const active = activeKeys(user).length;
      if (active === 0) return [];
      return [
        verdict(
          active === 1,
          user,
          `${userLabel(user)} has one active access key ${reportNote(report)}.`,
          `${userLabel(user)} has ${active} active access keys ${reportNote(report)}.`,
        ),
      ];
    });
  },
});

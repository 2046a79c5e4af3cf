import { defineCheck, verdict } from '../define-check.js';
import { activeKeys, day, daysSince, keyLabel, reportNote, userLabel } from './credential-report.js';

export const iamUserAccessKeysRotated = defineCheck({
  id: 'iam-user-access-keys-rotated',
  title: 'Active IAM user access keys are rotated within the maximum age',
  service: 'iam',
  resourceType: 'AwsIamUser',
  srmClass: 'account',
  obligation: 'identity-mfa',
  severity: 'medium',
  requires: ['iam.credentialReport'],
  settings: ['accessKeyMaxAgeDays'],
  compliance: [
    { framework: 'aws-fsbp', control: 'IAM.3' },
    { framework: 'cis-aws-3.0', control: '1.14' },
    { framework: 'cis-aws-4.0', control: '1.14' },
  ],
  risk: 'An old access key has had years to end up in a repository, a backup or a former employee’s laptop, and it keeps working until someone rotates it.',
  remediation: {
    text: 'Create a second key, move the application to it, deactivate the old key, and delete it once nothing fails; better, replace long-lived keys with IAM roles.',
    cli: 'aws iam update-access-key --user-name <user> --access-key-id <old-access-key-id> --status Inactive',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id-credentials-access-keys-update.html',
  },
  evaluate: (inventory, settings) => {
    const report = inventory.iam.credentialReport;
    const maxAge = settings.accessKeyMaxAgeDays;
    return report.users.flatMap((user) => {
      // Keys without a creation date cannot be judged; the report always dates an existing key.
      const keys = activeKeys(user).flatMap((k) =>
        k.lastRotated ? [{ key: k, age: daysSince(k.lastRotated, inventory.scannedAt), at: k.lastRotated }] : [],
      );
      if (keys.length === 0) return [];
      const old = keys.filter((k) => k.age > maxAge);
      const describe = (list: typeof keys) =>
        list.map((k) => `${keyLabel(k.key)} created ${day(k.at)} (${k.age} days)`).join(', ');
      return [
        verdict(
          old.length === 0,
          user,
          `${userLabel(user)} has active keys no older than ${maxAge} days: ${describe(keys)} ${reportNote(report)}.`,
          `${userLabel(user)} has active keys older than ${maxAge} days: ${describe(old)} ${reportNote(report)}.`,
        ),
      ];
    });
  },
});

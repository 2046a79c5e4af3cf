import { defineCheck, verdict } from '../define-check.js';
import { activeKeys, day, daysSince, keyLabel, reportNote, userLabel } from './credential-report.js';

interface Credential {
  what: string;
  lastUsed?: Date;
  /** When the credential was issued: the age that counts when it was never used. */
  issued?: Date;
}

export const iamUserUnusedCredentialsDisabled = defineCheck({
  id: 'iam-user-unused-credentials-disabled',
  title: 'IAM user passwords and access keys unused for the configured period are disabled',
  service: 'iam',
  resourceType: 'AwsIamUser',
  srmClass: 'account',
  obligation: 'identity-mfa',
  severity: 'medium',
  requires: ['iam.credentialReport'],
  settings: ['unusedCredentialDays'],
  compliance: [
    { framework: 'aws-fsbp', control: 'IAM.8' },
    { framework: 'aws-fsbp', control: 'IAM.22' },
    { framework: 'cis-aws-3.0', control: '1.12' },
    { framework: 'cis-aws-4.0', control: '1.12' },
  ],
  risk: 'Credentials nobody uses are credentials nobody watches: they often belong to people who left or to retired scripts, and a takeover goes unnoticed.',
  remediation: {
    text: 'Remove the console password and deactivate access keys that have not been used within the period; delete them once confirmed unneeded.',
    cli: 'aws iam delete-login-profile --user-name <user>',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html',
  },
  evaluate: (inventory, settings) => {
    const report = inventory.iam.credentialReport;
    const days = settings.unusedCredentialDays;
    const now = inventory.scannedAt;
    return report.users.flatMap((user) => {
      const credentials: Credential[] = [
        ...(user.passwordEnabled
          ? [
              {
                what: 'console password',
                ...(user.passwordLastUsed && { lastUsed: user.passwordLastUsed }),
                ...((user.passwordLastChanged ?? user.createdAt) && {
                  issued: user.passwordLastChanged ?? user.createdAt,
                }),
              },
            ]
          : []),
        ...activeKeys(user).map((k) => ({
          what: keyLabel(k),
          ...(k.lastUsed && { lastUsed: k.lastUsed }),
          ...(k.lastRotated && { issued: k.lastRotated }),
        })),
      ];
      if (credentials.length === 0) return [];
      const stale = credentials.flatMap((c) => {
        if (c.lastUsed) {
          const idle = daysSince(c.lastUsed, now);
          return idle > days ? [`${c.what} last used ${day(c.lastUsed)} (${idle} days ago)`] : [];
        }
        // Never used: stale once it has existed longer than the period.
        if (c.issued && daysSince(c.issued, now) > days) {
          return [`${c.what} never used since ${day(c.issued)} (${daysSince(c.issued, now)} days)`];
        }
        return [];
      });
      return [
        verdict(
          stale.length === 0,
          user,
          `${userLabel(user)} has no enabled credential idle for more than ${days} days (${credentials.map((c) => c.what).join(', ')}) ${reportNote(report)}.`,
          `${userLabel(user)} has enabled credentials unused for more than ${days} days: ${stale.join('; ')} ${reportNote(report)}.`,
        ),
      ];
    });
  },
});

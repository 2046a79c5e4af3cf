import type { CheckResult } from '../define-check.js';
import { defineCheck, fail, pass } from '../define-check.js';
import { day, dayCount, daysSince, secretLabel } from './secret-label.js';

export const secretsmanagerSecretUsedRecently = defineCheck({
  id: 'secretsmanager-secret-used-recently',
  title: 'Secrets Manager secrets were accessed within the configured number of days',
  service: 'secretsmanager',
  resourceType: 'AwsSecretsManagerSecret',
  srmClass: 'abstracted',
  obligation: 'least-privilege',
  severity: 'medium',
  requires: ['secretsmanager.secrets'],
  settings: ['unusedSecretDays'],
  compliance: [{ framework: 'aws-fsbp', control: 'SecretsManager.3' }],
  risk:
    'An unused secret is a credential nobody needs that still works: whoever kept access to it, or to a copy, can ' +
    'still use it, and nobody would notice.',
  remediation: {
    text:
      'Confirm the secret is no longer needed (and revoke the credential it holds at its source), then delete it; ' +
      'Secrets Manager keeps it recoverable for the recovery window.',
    cli: 'aws secretsmanager delete-secret --secret-id <secret-arn> --recovery-window-in-days 30',
    url: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/manage_delete-secret.html',
  },
  evaluate: ({ secretsmanager, scannedAt }, { unusedSecretDays }) =>
    secretsmanager.secrets.flatMap((secret): CheckResult[] => {
      const label = secretLabel(secret);
      // LastAccessedDate is a day (midnight UTC), so the age is counted in whole days.
      if (secret.lastAccessedDate) {
        const idle = daysSince(secret.lastAccessedDate, scannedAt);
        return [
          idle <= unusedSecretDays
            ? pass(secret, `${label} was last accessed on ${day(secret.lastAccessedDate)}, ${dayCount(idle)} ago.`)
            : fail(
                secret,
                `${label} was last accessed on ${day(secret.lastAccessedDate)}, ${dayCount(idle)} ago, more than the allowed ${unusedSecretDays} days.`,
              ),
        ];
      }
      if (!secret.createdDate) return [];
      const age = daysSince(secret.createdDate, scannedAt);
      return [
        age <= unusedSecretDays
          ? pass(
              secret,
              `${label} has not been accessed yet; it was created on ${day(secret.createdDate)}, ${dayCount(age)} ago.`,
            )
          : fail(
              secret,
              `${label} has never been accessed since it was created on ${day(secret.createdDate)}, ${dayCount(age)} ago (allowed ${unusedSecretDays} days).`,
            ),
      ];
    }),
});

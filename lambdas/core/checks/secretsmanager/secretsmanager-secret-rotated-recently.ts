import type { CheckResult } from '../define-check.js';
import { defineCheck, verdict } from '../define-check.js';
import { day, dayCount, daysSince, isReplica, secretLabel } from './secret-label.js';

export const secretsmanagerSecretRotatedRecently = defineCheck({
  id: 'secretsmanager-secret-rotated-recently',
  title: 'Secrets Manager secrets were rotated within the configured number of days',
  service: 'secretsmanager',
  resourceType: 'AwsSecretsManagerSecret',
  srmClass: 'abstracted',
  obligation: 'data-protection',
  severity: 'medium',
  requires: ['secretsmanager.secrets'],
  settings: ['secretMaxRotationDays'],
  compliance: [{ framework: 'aws-fsbp', control: 'SecretsManager.4' }],
  risk:
    'The longer a secret stays the same, the more copies of it exist in configurations, logs and memories, and the ' +
    'longer a leaked copy stays useful to an attacker.',
  remediation: {
    text:
      'Rotate the secret now, and configure automatic rotation with an interval no longer than the allowed age ' +
      '(setting secretMaxRotationDays).',
    cli: 'aws secretsmanager rotate-secret --secret-id <secret-arn>',
    url: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html',
  },
  evaluate: ({ secretsmanager, scannedAt }, { secretMaxRotationDays }) =>
    secretsmanager.secrets
      .filter((secret) => !isReplica(secret))
      .flatMap((secret): CheckResult[] => {
        const since = secret.lastRotatedDate ?? secret.createdDate;
        if (!since) return [];
        const age = daysSince(since, scannedAt);
        const what = secret.lastRotatedDate
          ? `was last rotated on ${day(since)}`
          : `was created on ${day(since)} and never rotated`;
        return [
          verdict(
            age <= secretMaxRotationDays,
            secret,
            `${secretLabel(secret)} ${what}, ${dayCount(age)} ago (limit ${secretMaxRotationDays}).`,
            `${secretLabel(secret)} ${what}, ${dayCount(age)} ago, more than the allowed ${secretMaxRotationDays} days.`,
          ),
        ];
      }),
});

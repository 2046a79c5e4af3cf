import type { Secret } from '../../inventory/index.js';
import { type CheckResult, defineCheck, fail, pass } from '../define-check.js';
import { day, isReplica, secretLabel } from './secret-label.js';

const DAY_MS = 86_400_000;
/** Rotation runs within a window of up to 24 hours after it becomes due. */
const ROTATION_WINDOW_MS = DAY_MS;

/** When the secret should have been rotated last: the announced next rotation, or the last rotation plus the interval. */
function dueDates(secret: Secret): { date: Date; basis: string }[] {
  const dates: { date: Date; basis: string }[] = [];
  if (secret.nextRotationDate) {
    dates.push({
      date: secret.nextRotationDate,
      basis: `its next rotation was scheduled for ${day(secret.nextRotationDate)}`,
    });
  }
  const since = secret.lastRotatedDate ?? secret.createdDate;
  if (since && secret.rotationIntervalDays !== undefined) {
    const date = new Date(since.getTime() + secret.rotationIntervalDays * DAY_MS);
    const what = secret.lastRotatedDate
      ? `last rotated on ${day(since)}`
      : `created on ${day(since)} and never rotated`;
    dates.push({ date, basis: `it was ${what} with a ${secret.rotationIntervalDays}-day rotation interval` });
  }
  return dates;
}

export const secretsmanagerSecretRotationOnSchedule = defineCheck({
  id: 'secretsmanager-secret-rotation-on-schedule',
  title: 'Secrets Manager secrets with automatic rotation were rotated on schedule',
  service: 'secretsmanager',
  resourceType: 'AwsSecretsManagerSecret',
  srmClass: 'abstracted',
  obligation: 'data-protection',
  severity: 'medium',
  requires: ['secretsmanager.secrets'],
  compliance: [{ framework: 'aws-fsbp', control: 'SecretsManager.2' }],
  risk:
    'A rotation that keeps failing (a broken rotation function, a database it cannot reach, missing permissions) ' +
    'leaves the old secret in use while the configuration suggests it is rotated.',
  remediation: {
    text:
      'Find why the last rotation failed (the rotation function’s CloudWatch logs, the secret’s CloudTrail ' +
      'RotationFailed events), fix it, then rotate the secret immediately.',
    cli: 'aws secretsmanager rotate-secret --secret-id <secret-arn>',
    url: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/troubleshoot_rotation.html',
  },
  evaluate: ({ secretsmanager, scannedAt }) =>
    secretsmanager.secrets
      .filter((secret) => secret.rotationEnabled && !isReplica(secret))
      .flatMap((secret): CheckResult[] => {
        const dates = dueDates(secret);
        // Rotation on a cron or rate schedule without an announced next date: nothing to compare.
        if (dates.length === 0) return [];
        const overdue = dates.filter(({ date }) => scannedAt.getTime() > date.getTime() + ROTATION_WINDOW_MS);
        if (overdue.length > 0) {
          return [
            fail(
              secret,
              `${secretLabel(secret)} has automatic rotation enabled but was not rotated on schedule: ${overdue.map((o) => o.basis).join('; ')}.`,
            ),
          ];
        }
        const last = secret.lastRotatedDate ? `last rotated on ${day(secret.lastRotatedDate)}` : 'not rotated yet';
        const next = secret.nextRotationDate ? `, next rotation due ${day(secret.nextRotationDate)}` : '';
        return [pass(secret, `${secretLabel(secret)} is rotating on schedule (${last}${next}).`)];
      }),
});

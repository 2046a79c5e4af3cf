import { defineCheck, verdict } from '../define-check.js';
import { isReplica, secretLabel } from './secret-label.js';

export const secretsmanagerSecretRotationEnabled = defineCheck({
  id: 'secretsmanager-secret-rotation-enabled',
  title: 'Secrets Manager secrets have automatic rotation enabled',
  service: 'secretsmanager',
  resourceType: 'AwsSecretsManagerSecret',
  srmClass: 'abstracted',
  obligation: 'data-protection',
  severity: 'medium',
  requires: ['secretsmanager.secrets'],
  compliance: [{ framework: 'aws-fsbp', control: 'SecretsManager.1' }],
  risk:
    'A secret that is never rotated stays valid for as long as it exists, so a copy leaked in a log, a ticket or a ' +
    'former employee’s notes keeps working.',
  remediation: {
    text:
      'Configure automatic rotation with a rotation function (or managed rotation for secrets owned by another ' +
      'service) and a schedule that meets your policy.',
    cli: 'aws secretsmanager rotate-secret --secret-id <secret-arn> --rotation-lambda-arn <rotation-function-arn> --rotation-rules AutomaticallyAfterDays=30',
    url: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html',
  },
  evaluate: ({ secretsmanager }) =>
    secretsmanager.secrets
      .filter((secret) => !isReplica(secret))
      .map((secret) =>
        verdict(
          secret.rotationEnabled,
          secret,
          `${secretLabel(secret)} has automatic rotation enabled${secret.rotationIntervalDays !== undefined ? ` every ${secret.rotationIntervalDays} days` : secret.rotationScheduleExpression ? ` on schedule ${secret.rotationScheduleExpression}` : ''}.`,
          `${secretLabel(secret)} has automatic rotation disabled.`,
        ),
      ),
});

import { findSecrets, fingerprintSalt } from '../../secrets/index.js';
import { defineCheck } from '../define-check.js';
import { containersVerdict } from './capacity.js';

/** Variables Security Hub ECS.8 fails by name alone: credentials that must never be plain environment values. */
const CREDENTIAL_VARIABLES = new Set(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'ECS_ENGINE_AUTH_DATA']);

export const ecsTaskDefinitionNoSecretsInEnv = defineCheck({
  id: 'ecs-task-definition-no-secrets-in-env',
  title: 'ECS task definitions pass no secrets as plain-text environment variables',
  service: 'ecs',
  resourceType: 'AwsEcsTaskDefinition',
  srmClass: 'container',
  obligation: 'data-protection',
  severity: 'critical',
  requires: ['ecs.taskDefinitions'],
  settings: ['secretFingerprintSalt'],
  compliance: [{ framework: 'aws-fsbp', control: 'ECS.8' }],
  risk:
    'Plain-text environment values are readable by anyone allowed to describe task definitions (every revision ' +
    'keeps them) and show up in infrastructure code and CI logs, so a credential there leaks far beyond the task.',
  remediation: {
    text:
      'Store the value in AWS Secrets Manager or SSM Parameter Store and reference it from the container\'s "secrets" ' +
      '(valueFrom) instead of "environment"; give the task execution role read access to it; rotate the exposed credential.',
    cli: 'aws ecs register-task-definition --cli-input-json file://task-definition-with-secrets-valuefrom.json',
    url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html',
  },
  evaluate: ({ accountId, ecs }, settings) => {
    const salt = fingerprintSalt(accountId, settings.secretFingerprintSalt);
    return ecs.taskDefinitions.map((definition) =>
      containersVerdict(
        definition,
        (container) => {
          // The variable's name and a marker (detector and fingerprint), never any part of the value.
          const leaks = container.environment.flatMap(({ name, value }) => {
            const markers = findSecrets(name, value, salt).map((s) => s.marker);
            if (markers.length > 0) return [`${name} ${markers.join(' ')}`];
            return CREDENTIAL_VARIABLES.has(name) && value.trim() !== '' ? [`${name}, a credential variable`] : [];
          });
          return leaks.length > 0 ? leaks.join('; ') : false;
        },
        'passes no secrets in its containers’ plain-text environment variables',
        'passes secrets in plain-text environment variables of containers',
      ),
    );
  },
});

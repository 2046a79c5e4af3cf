import { describe, expect, it } from 'vitest';
import { ecsTaskDefinitionNoSecretsInEnv } from '../../../lambdas/core/checks/ecs/index.js';
import { fingerprintSalt, secretFingerprint } from '../../../lambdas/core/secrets/index.js';
import { ACCOUNT_ID, container, runEcsCheck, taskDefinition } from '../../fixtures/ecs.js';
import { leakedWindows } from '../../helpers/secrets.js';

const AWS_EXAMPLE_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const DB_PASSWORD = 'Tr0ub4dor&3';
const fingerprint = (secret: string) => secretFingerprint(secret, fingerprintSalt(ACCOUNT_ID, undefined));

describe('Check: ecs-task-definition-no-secrets-in-env', () => {
  it('fails on recognisable credentials and secret-named literals, naming variables and fingerprints, never values', () => {
    // Prepare
    const definition = taskDefinition('harbor-orders', {
      containers: [
        container('app', {
          environment: [
            { name: 'AWS_ACCESS_KEY_ID', value: AWS_EXAMPLE_KEY_ID },
            { name: 'STAGE', value: 'prod' },
          ],
        }),
        container('worker', { environment: [{ name: 'DB_PASSWORD', value: DB_PASSWORD }] }),
      ],
    });

    // Act
    const [result] = runEcsCheck(ecsTaskDefinitionNoSecretsInEnv, { 'ecs.taskDefinitions': [definition] });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(
      'ECS task definition harbor-orders:3 (Fargate) passes secrets in plain-text environment variables of containers: ' +
        `app (AWS_ACCESS_KEY_ID [AWS access key ID, fingerprint ${fingerprint(AWS_EXAMPLE_KEY_ID)}]) and ` +
        `worker (DB_PASSWORD [literal password, fingerprint ${fingerprint(DB_PASSWORD)}]).`,
    );
    expect(leakedWindows(result?.message ?? '', [AWS_EXAMPLE_KEY_ID, DB_PASSWORD])).toEqual([]);
  });

  it('fails the variable names Security Hub ECS.8 forbids even when the value is not recognisable', () => {
    // Prepare
    const value = 'eyJhdXRocyI6e319';
    const definition = taskDefinition('harbor-agent', {
      requiresCompatibilities: ['EC2'],
      containers: [container('agent', { environment: [{ name: 'ECS_ENGINE_AUTH_DATA', value }] })],
    });

    // Act
    const [result] = runEcsCheck(ecsTaskDefinitionNoSecretsInEnv, { 'ecs.taskDefinitions': [definition] });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(
      'ECS task definition harbor-agent:3 (EC2) passes secrets in plain-text environment variables of containers: agent (ECS_ENGINE_AUTH_DATA, a credential variable).',
    );
    expect(result?.srmClass).toBe('infrastructure');
    expect(leakedWindows(result?.message ?? '', [value])).toEqual([]);
  });

  it('passes references to Secrets Manager and ordinary settings', () => {
    // Prepare
    const definition = taskDefinition('harbor-web', {
      containers: [
        container('web', {
          environment: [
            {
              name: 'DB_PASSWORD_ARN',
              value: `arn:aws:secretsmanager:us-east-1:${ACCOUNT_ID}:secret:harbor-db-AbCdEf`,
            },
            { name: 'LOG_LEVEL', value: 'info' },
          ],
        }),
      ],
    });

    // Act
    const [result] = runEcsCheck(ecsTaskDefinitionNoSecretsInEnv, { 'ecs.taskDefinitions': [definition] });

    // Assess
    expect(result?.status).toBe('PASS');
    expect(result?.message).toBe(
      'ECS task definition harbor-web:3 (Fargate) passes no secrets in its containers’ plain-text environment variables.',
    );
  });
});

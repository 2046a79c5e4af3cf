import { describe, expect, it } from 'vitest';
import { lambdaFunctionNoSecretsInEnv } from '../../../lambdas/core/checks/lambda/index.js';
import { defaultSettings } from '../../../lambdas/core/config/settings.js';
import { fingerprintSalt, secretFingerprint } from '../../../lambdas/core/secrets/index.js';
import { ACCOUNT_ID, lambdaFunction, lambdaInventory, runCheck } from '../../fixtures/lambda.js';
import { leakedWindows } from '../../helpers/secrets.js';

const AWS_EXAMPLE_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const AWS_EXAMPLE_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
/** The fingerprint of a secret found in the fixture account with no salt configured. */
const fingerprint = (secret: string) => secretFingerprint(secret, fingerprintSalt(ACCOUNT_ID, undefined));

describe('Check: lambda-function-no-secrets-in-env', () => {
  it('fails when an AWS access key pair is in the environment, naming the variables and fingerprinting the values', () => {
    // Prepare
    const fn = lambdaFunction('invoice-export', {
      environment: { AWS_ACCESS_KEY_ID: AWS_EXAMPLE_KEY_ID, AWS_SECRET_ACCESS_KEY: AWS_EXAMPLE_SECRET, STAGE: 'prod' },
    });

    // Act
    const [result, ...rest] = runCheck(lambdaFunctionNoSecretsInEnv, lambdaInventory({ functions: [fn] }));

    // Assess
    expect(rest).toHaveLength(0);
    expect(result?.status).toBe('FAIL');
    expect(result?.resource.arn).toBe(fn.arn);
    expect(result?.message).toBe(
      'Lambda function invoice-export has secrets in its environment variables: ' +
        `AWS_ACCESS_KEY_ID [AWS access key ID, fingerprint ${fingerprint(AWS_EXAMPLE_KEY_ID)}]; ` +
        `AWS_SECRET_ACCESS_KEY [AWS secret access key, fingerprint ${fingerprint(AWS_EXAMPLE_SECRET)}].`,
    );
    expect(leakedWindows(result?.message ?? '', [AWS_EXAMPLE_KEY_ID, AWS_EXAMPLE_SECRET])).toEqual([]);
  });

  it('fails when a variable named like a password holds a literal value', () => {
    // Prepare
    const fn = lambdaFunction('orders-api', { environment: { DB_PASSWORD: 'Tr0ub4dor&3' } });

    // Act
    const [result] = runCheck(lambdaFunctionNoSecretsInEnv, lambdaInventory({ functions: [fn] }));

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(
      `Lambda function orders-api has secrets in its environment variables: DB_PASSWORD [literal password, fingerprint ${fingerprint('Tr0ub4dor&3')}].`,
    );
  });

  it('keys the fingerprint with the secretFingerprintSalt setting when it is set', () => {
    // Prepare
    const fn = lambdaFunction('orders-api', { environment: { DB_PASSWORD: 'Tr0ub4dor&3' } });
    const settings = { ...defaultSettings(), secretFingerprintSalt: 'private salt only the scanner knows' };

    // Act
    const [result] = runCheck(lambdaFunctionNoSecretsInEnv, lambdaInventory({ functions: [fn] }), settings);

    // Assess
    const salted = secretFingerprint('Tr0ub4dor&3', settings.secretFingerprintSalt);
    expect(salted).not.toBe(fingerprint('Tr0ub4dor&3'));
    expect(result?.message).toContain(`DB_PASSWORD [literal password, fingerprint ${salted}]`);
  });

  it('fails when a connection string embeds a password', () => {
    // Prepare
    const fn = lambdaFunction('report-builder', {
      environment: { DATABASE_URL: 'postgres://reports:Zk7qW9xVb2Jm@db.internal:5432/reports' },
    });

    // Act
    const [result] = runCheck(lambdaFunctionNoSecretsInEnv, lambdaInventory({ functions: [fn] }));

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain(
      `DATABASE_URL [password in a connection string, fingerprint ${fingerprint('Zk7qW9xVb2Jm')}]`,
    );
    expect(leakedWindows(result?.message ?? '', ['Zk7qW9xVb2Jm'])).toEqual([]);
  });

  it('fails on a provider token whatever the variable is called', () => {
    // Prepare
    const token = `ghp_${'a1B2'.repeat(9)}`;
    const fn = lambdaFunction('release-bot', { environment: { UPSTREAM: token } });

    // Act
    const [result] = runCheck(lambdaFunctionNoSecretsInEnv, lambdaInventory({ functions: [fn] }));

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain(`UPSTREAM [GitHub token, fingerprint ${fingerprint(token)}]`);
    expect(leakedWindows(result?.message ?? '', [token])).toEqual([]);
  });

  it('passes when secrets are referenced through Secrets Manager, SSM or dynamic references', () => {
    // Prepare
    const fn = lambdaFunction('orders-worker', {
      environment: {
        DB_PASSWORD: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/orders/db-AbCdEf',
        API_KEY: '/prod/orders/payment-api-key',
        STRIPE_SECRET: '{{resolve:secretsmanager:prod/stripe:SecretString:key}}',
        DATABASE_URL: 'postgres://orders@db.internal:5432/orders',
      },
    });

    // Act
    const results = runCheck(lambdaFunctionNoSecretsInEnv, lambdaInventory({ functions: [fn] }));

    // Assess
    expect(results).toEqual([
      {
        status: 'PASS',
        resource: fn,
        message: 'Lambda function orders-worker has no secrets in its 4 environment variables.',
      },
    ]);
  });

  it('passes on empty values, placeholders and settings whose names merely mention tokens', () => {
    // Prepare
    const fn = lambdaFunction('auth-callback', {
      environment: {
        DB_PASSWORD: '',
        ADMIN_PASSWORD: `\${ADMIN_PASSWORD}`,
        API_KEY: 'changeme',
        TOKEN_TTL_SECONDS: '3600',
        TOKEN_ENDPOINT: 'https://auth.example.com/oauth2/token',
        SECRET_STORE: 'vault',
      },
    });

    // Act
    const [result] = runCheck(lambdaFunctionNoSecretsInEnv, lambdaInventory({ functions: [fn] }));

    // Assess
    expect(result?.status).toBe('PASS');
  });

  it('passes a function without environment variables', () => {
    // Prepare
    const fn = lambdaFunction('thumbnailer');

    // Act
    const [result] = runCheck(lambdaFunctionNoSecretsInEnv, lambdaInventory({ functions: [fn] }));

    // Assess
    expect(result).toEqual({
      status: 'PASS',
      resource: fn,
      message: 'Lambda function thumbnailer has no environment variables.',
    });
  });

  it('reports ERROR when Lambda could not return the environment variables', () => {
    // Prepare
    const fn = lambdaFunction('billing-sync', {
      kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      environmentError: 'AccessDeniedException: Lambda was unable to decrypt the environment variables',
    });

    // Act
    const [result] = runCheck(lambdaFunctionNoSecretsInEnv, lambdaInventory({ functions: [fn] }));

    // Assess
    expect(result?.status).toBe('ERROR');
    expect(result?.message).toContain('could not be read (AccessDeniedException');
  });

  it('produces no result when the account has no functions', () => {
    // Prepare
    const inventory = lambdaInventory({ functions: [] });

    // Act
    const results = runCheck(lambdaFunctionNoSecretsInEnv, inventory);

    // Assess
    expect(results).toEqual([]);
  });
});

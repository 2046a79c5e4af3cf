import { findSecrets, fingerprintSalt, redactSecrets } from '../../secrets/index.js';
import { defineCheck, fail, notEvaluated, pass } from '../define-check.js';

export const lambdaFunctionNoSecretsInEnv = defineCheck({
  id: 'lambda-function-no-secrets-in-env',
  title: 'Lambda function environment variables hold no secrets',
  service: 'lambda',
  resourceType: 'AwsLambdaFunction',
  srmClass: 'abstracted',
  obligation: 'data-protection',
  severity: 'critical',
  requires: ['lambda.functions'],
  settings: ['secretFingerprintSalt'],
  compliance: [],
  risk:
    'Environment variables are readable by anyone allowed to view the function configuration and often end up in ' +
    'infrastructure code and CI logs, so a credential kept there leaks far beyond the function that needs it.',
  remediation: {
    text:
      'Store the secret in AWS Secrets Manager or SSM Parameter Store, pass only its ARN or name in the environment, ' +
      'read it at run time with the function role, and rotate the exposed credential.',
    cli: 'aws lambda update-function-configuration --function-name <function-name> --environment "Variables={DB_SECRET_ARN=<secret-arn>}"',
    url: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets_lambda.html',
  },
  evaluate: ({ accountId, lambda }, settings) => {
    const salt = fingerprintSalt(accountId, settings.secretFingerprintSalt);
    return lambda.functions.map((fn) => {
      // The variable's name and a marker (detector and fingerprint), never any part of the value.
      const leaks = Object.entries(fn.environment).flatMap(([name, value]) =>
        findSecrets(name, value, salt).map((secret) => `${name} ${secret.marker}`),
      );
      if (leaks.length > 0) {
        return fail(fn, `Lambda function ${fn.name} has secrets in its environment variables: ${leaks.join('; ')}.`);
      }
      if (fn.environmentError) {
        return notEvaluated(
          fn,
          `Lambda function ${fn.name}'s environment variables could not be read (${redactSecrets(fn.environmentError, salt)}), so they were not checked for secrets.`,
        );
      }
      const count = Object.keys(fn.environment).length;
      return pass(
        fn,
        count === 0
          ? `Lambda function ${fn.name} has no environment variables.`
          : `Lambda function ${fn.name} has no secrets in its ${count} environment variable${count === 1 ? '' : 's'}.`,
      );
    });
  },
});

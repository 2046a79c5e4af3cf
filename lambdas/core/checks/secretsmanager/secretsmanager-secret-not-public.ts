import { defineCheck } from '../define-check.js';
import { resourcePolicyExposureResult } from '../shared/resource-policy-exposure.js';
import { secretLabel } from './secret-label.js';

export const secretsmanagerSecretNotPublic = defineCheck({
  id: 'secretsmanager-secret-not-public',
  title: 'Secrets Manager secret resource policies do not grant access to every AWS account',
  service: 'secretsmanager',
  resourceType: 'AwsSecretsManagerSecret',
  srmClass: 'abstracted',
  obligation: 'public-exposure',
  severity: 'critical',
  requires: ['secretsmanager.secrets', 'secretsmanager.resourcePolicies'],
  settings: ['internetExposurePrefix'],
  compliance: [],
  risk:
    'A resource policy open to every account lets any AWS principal call the secret’s API (GetSecretValue, ' +
    'PutSecretValue, DeleteSecret… as granted): only the encryption key’s policy then stands between the secret ' +
    'and anyone.',
  remediation: {
    text:
      'Replace the "*" principal with the accounts or roles that need the secret, or pin the statement with ' +
      'aws:PrincipalOrgID or aws:PrincipalAccount; turn on Block Public Policy when putting the policy.',
    cli: 'aws secretsmanager put-resource-policy --secret-id <secret-arn> --resource-policy file://<restricted-policy>.json --block-public-policy',
    url: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_resource-policies.html',
  },
  evaluate: ({ secretsmanager }, { internetExposurePrefix }) => {
    const policies = new Map(secretsmanager.resourcePolicies.map((p) => [p.arn, p.policy]));
    return secretsmanager.secrets.flatMap((secret) => {
      const policy = policies.get(secret.arn);
      if (policy === undefined) return [];
      return [resourcePolicyExposureResult(secret, secretLabel(secret), policy, { internetExposurePrefix })];
    });
  },
});

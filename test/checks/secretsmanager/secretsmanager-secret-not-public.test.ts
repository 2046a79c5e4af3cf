import { describe, expect, it } from 'vitest';
import { secretsmanagerSecretNotPublic } from '../../../lambdas/core/checks/secretsmanager/index.js';
import { inventoryWith, policyOf, runCheckOn, secret, secretPolicy } from '../../fixtures/secretsmanager.js';

describe('Check: secretsmanager-secret-not-public', () => {
  it('fails when everyone may read the secret value', () => {
    // Prepare
    const s = secret('harbor/partner-api-key');
    const policy = policyOf([
      {
        Sid: 'Everyone',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: 'secretsmanager:GetSecretValue',
        Resource: '*',
      },
    ]);

    // Act
    const results = runCheckOn(
      secretsmanagerSecretNotPublic,
      inventoryWith({ 'secretsmanager.secrets': [s], 'secretsmanager.resourcePolicies': [secretPolicy(s, policy)] }),
    );

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: s,
        message:
          "Secrets Manager secret harbor/partner-api-key's resource policy is open to every AWS account: statement Everyone grants everyone secretsmanager:GetSecretValue.",
      },
    ]);
  });

  it('passes when the policy is pinned to the organization', () => {
    // Prepare
    const s = secret('harbor/shared-token');
    const policy = policyOf([
      {
        Effect: 'Allow',
        Principal: '*',
        Action: 'secretsmanager:GetSecretValue',
        Resource: '*',
        Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123def4' } },
      },
    ]);

    // Act
    const [result] = runCheckOn(
      secretsmanagerSecretNotPublic,
      inventoryWith({ 'secretsmanager.secrets': [s], 'secretsmanager.resourcePolicies': [secretPolicy(s, policy)] }),
    );

    // Assess
    expect(result?.status).toBe('PASS');
  });

  it('passes a secret without a resource policy', () => {
    // Prepare
    const s = secret('harbor/orders-db');

    // Act
    const [result] = runCheckOn(
      secretsmanagerSecretNotPublic,
      inventoryWith({ 'secretsmanager.secrets': [s], 'secretsmanager.resourcePolicies': [secretPolicy(s, null)] }),
    );

    // Assess
    expect(result?.status).toBe('PASS');
  });

  it('produces no result for a secret whose policy could not be collected', () => {
    // Act
    const results = runCheckOn(
      secretsmanagerSecretNotPublic,
      inventoryWith({ 'secretsmanager.secrets': [secret('harbor/orders-db')], 'secretsmanager.resourcePolicies': [] }),
    );

    // Assess
    expect(results).toEqual([]);
  });
});

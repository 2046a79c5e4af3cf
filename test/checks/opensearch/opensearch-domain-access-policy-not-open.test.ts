import { describe, expect, it } from 'vitest';
import { opensearchDomainAccessPolicyNotOpen } from '../../../lambdas/core/checks/opensearch/index.js';
import { accessPolicy, domain, evaluateDomains, openStatement } from '../../fixtures/opensearch.js';

describe('Check: opensearch-domain-access-policy-not-open', () => {
  it('fails an open policy on a VPC domain without fine-grained access control', () => {
    // Prepare
    const inside = domain('harbor-orders', {
      fineGrainedAccessControl: false,
      accessPolicy: accessPolicy(openStatement('harbor-orders')),
    });

    // Act
    const results = evaluateDomains(opensearchDomainAccessPolicyNotOpen, [inside]);

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: inside,
        message:
          "OpenSearch Service domain harbor-orders (OpenSearch_2.13)'s access policy is open to everyone (statement OpenToAll grants everyone es:*) and no fine-grained access control asks for credentials.",
      },
    ]);
  });

  it('fails an open policy when fine-grained access control lets anonymous requests in', () => {
    // Prepare
    const anonymous = domain('harbor-orders', {
      anonymousAuthEnabled: true,
      accessPolicy: accessPolicy(openStatement('harbor-orders')),
    });

    // Act
    const [result] = evaluateDomains(opensearchDomainAccessPolicyNotOpen, [anonymous]);

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain('fine-grained access control lets anonymous requests in');
  });

  it('passes an open policy behind fine-grained access control, as AWS documents', () => {
    // Prepare
    const guarded = domain('harbor-catalog', { accessPolicy: accessPolicy(openStatement('harbor-catalog')) });

    // Act
    const [result] = evaluateDomains(opensearchDomainAccessPolicyNotOpen, [guarded]);

    // Assess
    expect(result?.status).toBe('PASS');
    expect(result?.message).toBe(
      "OpenSearch Service domain harbor-catalog (OpenSearch_2.13)'s access policy is open (statement OpenToAll grants everyone es:*), but fine-grained access control authenticates every request.",
    );
  });

  it('passes a policy that names the roles allowed in', () => {
    // Prepare
    const named = domain('harbor-orders', {
      fineGrainedAccessControl: false,
      accessPolicy: accessPolicy({
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::123456789012:role/harbor-orders-api' },
        Action: 'es:ESHttp*',
        Resource: 'arn:aws:es:us-east-1:123456789012:domain/harbor-orders/*',
      }),
    });

    // Act
    const [result] = evaluateDomains(opensearchDomainAccessPolicyNotOpen, [named]);

    // Assess
    expect(result).toEqual({
      status: 'PASS',
      resource: named,
      message: "OpenSearch Service domain harbor-orders (OpenSearch_2.13)'s access policy grants nothing to everyone.",
    });
  });
});

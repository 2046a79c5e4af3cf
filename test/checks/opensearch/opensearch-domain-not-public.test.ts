import { describe, expect, it } from 'vitest';
import { opensearchDomainNotPublic } from '../../../lambdas/core/checks/opensearch/index.js';
import { accessPolicy, domain, evaluateDomains, openStatement, publicDomain } from '../../fixtures/opensearch.js';

describe('Check: opensearch-domain-not-public', () => {
  it('fails a public endpoint with an open access policy and no fine-grained access control', () => {
    // Prepare
    const exposed = publicDomain('harbor-logs', {
      fineGrainedAccessControl: false,
      accessPolicy: accessPolicy(openStatement('harbor-logs')),
    });

    // Act
    const results = evaluateDomains(opensearchDomainNotPublic, [exposed]);

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: exposed,
        message:
          'OpenSearch Service domain harbor-logs (OpenSearch_2.13) is open to the internet: a public endpoint and an access policy where statement OpenToAll grants everyone es:*. Nothing else asks for credentials.',
      },
    ]);
  });

  it('still fails when fine-grained access control guards an open public endpoint, saying so', () => {
    // Prepare
    const exposed = publicDomain('harbor-catalog', { accessPolicy: accessPolicy(openStatement('harbor-catalog')) });

    // Act
    const [result] = evaluateDomains(opensearchDomainNotPublic, [exposed]);

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain(
      'Fine-grained access control still asks for credentials, but anyone on the internet can try them.',
    );
  });

  it('passes a public endpoint whose policy is pinned to the office range', () => {
    // Prepare
    const pinned = publicDomain('harbor-catalog', {
      accessPolicy: accessPolicy({
        ...openStatement('harbor-catalog'),
        Condition: { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } },
      }),
    });

    // Act
    const [result] = evaluateDomains(opensearchDomainNotPublic, [pinned]);

    // Assess
    expect(result).toEqual({
      status: 'PASS',
      resource: pinned,
      message:
        'OpenSearch Service domain harbor-catalog (OpenSearch_2.13) has a public endpoint, but its access policy grants nothing to everyone.',
    });
  });

  it('fails a policy pinned to a source range as wide as the internet setting', () => {
    // Prepare
    const wide = publicDomain('harbor-catalog', {
      accessPolicy: accessPolicy({
        ...openStatement('harbor-catalog'),
        Condition: { IpAddress: { 'aws:SourceIp': ['0.0.0.0/1', '128.0.0.0/1'] } },
      }),
    });

    // Act
    const [result] = evaluateDomains(opensearchDomainNotPublic, [wide]);

    // Assess
    expect(result?.status).toBe('FAIL');
  });

  it('passes a VPC domain even with an open policy, which the access-policy check judges', () => {
    // Prepare
    const inside = domain('harbor-orders', { accessPolicy: accessPolicy(openStatement('harbor-orders')) });

    // Act
    const [result] = evaluateDomains(opensearchDomainNotPublic, [inside]);

    // Assess
    expect(result?.status).toBe('PASS');
    expect(result?.message).toBe(
      'OpenSearch Service domain harbor-orders (OpenSearch_2.13) has no public endpoint: it is reachable only inside its VPC.',
    );
  });

  it('passes a public endpoint without an access policy', () => {
    // Act
    const [result] = evaluateDomains(opensearchDomainNotPublic, [publicDomain('harbor-catalog')]);

    // Assess
    expect(result?.status).toBe('PASS');
    expect(result?.message).toContain('no access policy, so only signed requests of principals IAM allows get in');
  });
});

import { describe, expect, it } from 'vitest';
import { opensearchDomainInVpc } from '../../../lambdas/core/checks/opensearch/index.js';
import { domain, evaluateDomains, publicDomain } from '../../fixtures/opensearch.js';

describe('Check: opensearch-domain-in-vpc', () => {
  it('fails a domain with a public endpoint', () => {
    // Prepare
    const exposed = publicDomain('harbor-logs');

    // Act
    const results = evaluateDomains(opensearchDomainInVpc, [exposed]);

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: exposed,
        message:
          'OpenSearch Service domain harbor-logs (OpenSearch_2.13) has a public endpoint (search-harbor-logs-abc123.us-east-1.es.amazonaws.com) instead of VPC access.',
      },
    ]);
  });

  it('passes a domain inside a VPC', () => {
    // Act
    const [result] = evaluateDomains(opensearchDomainInVpc, [domain('harbor-catalog')]);

    // Assess
    expect(result?.status).toBe('PASS');
    expect(result?.message).toBe(
      'OpenSearch Service domain harbor-catalog (OpenSearch_2.13) runs inside a VPC (subnets subnet-0aa0000000000001).',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { opensearchDomainFaultTolerant } from '../../../lambdas/core/checks/opensearch/index.js';
import { domain, evaluateDomains } from '../../fixtures/opensearch.js';

describe('Check: opensearch-domain-fault-tolerant', () => {
  it('fails a single-node domain without zone awareness, naming both gaps', () => {
    // Prepare
    const { availabilityZoneCount: _none, ...single } = domain('harbor-logs', {
      instanceCount: 1,
      zoneAwarenessEnabled: false,
    });

    // Act
    const results = evaluateDomains(opensearchDomainFaultTolerant, [single]);

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: single,
        message:
          'OpenSearch Service domain harbor-logs (OpenSearch_2.13) has only 1 data node (minimum 3) and no zone awareness, so every node can sit in one Availability Zone.',
      },
    ]);
  });

  it('fails three data nodes without zone awareness', () => {
    // Prepare
    const oneZone = domain('harbor-orders', { zoneAwarenessEnabled: false });

    // Act
    const [result] = evaluateDomains(opensearchDomainFaultTolerant, [oneZone]);

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).not.toContain('minimum');
  });

  it('passes three data nodes over three zones', () => {
    // Act
    const [result] = evaluateDomains(opensearchDomainFaultTolerant, [domain('harbor-catalog')]);

    // Assess
    expect(result?.status).toBe('PASS');
    expect(result?.message).toBe(
      'OpenSearch Service domain harbor-catalog (OpenSearch_2.13) has 3 data nodes with zone awareness over 3 Availability Zones.',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { opensearchDomainDedicatedMasterNodes } from '../../../lambdas/core/checks/opensearch/index.js';
import { domain, evaluateDomains } from '../../fixtures/opensearch.js';

describe('Check: opensearch-domain-dedicated-master-nodes', () => {
  it('fails a domain without dedicated master nodes', () => {
    // Prepare
    const { dedicatedMasterCount: _none, ...shared } = domain('harbor-logs', { dedicatedMasterEnabled: false });

    // Act
    const results = evaluateDomains(opensearchDomainDedicatedMasterNodes, [shared]);

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: shared,
        message:
          'OpenSearch Service domain harbor-logs (OpenSearch_2.13) has no dedicated master nodes: its data nodes also manage the cluster.',
      },
    ]);
  });

  it('fails two dedicated master nodes, which cannot keep a quorum when one is lost', () => {
    // Prepare
    const two = domain('harbor-orders', { dedicatedMasterCount: 2 });

    // Act
    const [result] = evaluateDomains(opensearchDomainDedicatedMasterNodes, [two]);

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(
      'OpenSearch Service domain harbor-orders (OpenSearch_2.13) runs only 2 dedicated master nodes (minimum 3).',
    );
  });

  it('passes three dedicated master nodes', () => {
    // Act
    const [result] = evaluateDomains(opensearchDomainDedicatedMasterNodes, [domain('harbor-catalog')]);

    // Assess
    expect(result?.status).toBe('PASS');
    expect(result?.message).toBe(
      'OpenSearch Service domain harbor-catalog (OpenSearch_2.13) runs 3 dedicated master nodes.',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { opensearchDomainNodeToNodeEncrypted } from '../../../lambdas/core/checks/opensearch/index.js';
import { domain, evaluateDomains } from '../../fixtures/opensearch.js';

describe('Check: opensearch-domain-node-to-node-encrypted', () => {
  it('fails a domain without node-to-node encryption', () => {
    // Prepare
    const legacy = domain('harbor-logs', { nodeToNodeEncryption: false });

    // Act
    const results = evaluateDomains(opensearchDomainNodeToNodeEncrypted, [legacy]);

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: legacy,
        message:
          'OpenSearch Service domain harbor-logs (OpenSearch_2.13) sends data between its nodes in clear text (node-to-node encryption is off).',
      },
    ]);
  });

  it('passes a domain with node-to-node encryption', () => {
    // Act
    const [result] = evaluateDomains(opensearchDomainNodeToNodeEncrypted, [domain('harbor-catalog')]);

    // Assess
    expect(result?.status).toBe('PASS');
    expect(result?.message).toBe(
      'OpenSearch Service domain harbor-catalog (OpenSearch_2.13) encrypts the traffic between its nodes.',
    );
  });
});

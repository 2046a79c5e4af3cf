import { describe, expect, it } from 'vitest';
import { opensearchDomainEncryptedAtRest } from '../../../lambdas/core/checks/opensearch/index.js';
import { domain, evaluateDomains } from '../../fixtures/opensearch.js';

describe('Check: opensearch-domain-encrypted-at-rest', () => {
  it('fails a domain without encryption at rest, Elasticsearch engines included', () => {
    // Prepare
    const legacy = domain('harbor-logs', { engineVersion: 'Elasticsearch_6.8', encryptionAtRest: false });

    // Act
    const results = evaluateDomains(opensearchDomainEncryptedAtRest, [legacy]);

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: legacy,
        message: 'OpenSearch Service domain harbor-logs (Elasticsearch_6.8) is not encrypted at rest.',
      },
    ]);
  });

  it('passes an encrypted domain and names its KMS key', () => {
    // Prepare
    const search = domain('harbor-catalog');

    // Act
    const [result] = evaluateDomains(opensearchDomainEncryptedAtRest, [search]);

    // Assess
    expect(result?.status).toBe('PASS');
    expect(result?.message).toBe(
      `OpenSearch Service domain harbor-catalog (OpenSearch_2.13) is encrypted at rest with KMS key ${search.kmsKeyId}.`,
    );
  });
});

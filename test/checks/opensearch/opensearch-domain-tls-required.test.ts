import { describe, expect, it } from 'vitest';
import { opensearchDomainTlsRequired } from '../../../lambdas/core/checks/opensearch/index.js';
import { domain, evaluateDomains } from '../../fixtures/opensearch.js';

describe('Check: opensearch-domain-tls-required', () => {
  it('fails a domain that accepts plain HTTP and TLS 1.0', () => {
    // Prepare
    const legacy = domain('harbor-logs', { enforceHttps: false, tlsSecurityPolicy: 'Policy-Min-TLS-1-0-2019-07' });

    // Act
    const results = evaluateDomains(opensearchDomainTlsRequired, [legacy]);

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: legacy,
        message:
          'OpenSearch Service domain harbor-logs (OpenSearch_2.13) accepts plain HTTP (EnforceHTTPS is false) and accepts TLS older than 1.2 (TLS security policy Policy-Min-TLS-1-0-2019-07).',
      },
    ]);
  });

  it('fails a domain that enforces HTTPS with the TLS 1.0 policy', () => {
    // Prepare
    const search = domain('harbor-catalog', { tlsSecurityPolicy: 'Policy-Min-TLS-1-0-2019-07' });

    // Act
    const [result] = evaluateDomains(opensearchDomainTlsRequired, [search]);

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain('accepts TLS older than 1.2');
    expect(result?.message).not.toContain('plain HTTP');
  });

  it('passes HTTPS with either TLS 1.2 policy', () => {
    // Prepare
    const pfs = domain('harbor-catalog');
    const tls12 = domain('harbor-orders', { tlsSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07' });

    // Act
    const results = evaluateDomains(opensearchDomainTlsRequired, [pfs, tls12]);

    // Assess
    expect(results.map((r) => [r.status, r.message])).toEqual([
      [
        'PASS',
        'OpenSearch Service domain harbor-catalog (OpenSearch_2.13) requires HTTPS with TLS security policy Policy-Min-TLS-1-2-PFS-2023-10.',
      ],
      [
        'PASS',
        'OpenSearch Service domain harbor-orders (OpenSearch_2.13) requires HTTPS with TLS security policy Policy-Min-TLS-1-2-2019-07.',
      ],
    ]);
  });
});

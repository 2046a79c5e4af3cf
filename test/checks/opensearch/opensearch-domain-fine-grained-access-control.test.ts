import { describe, expect, it } from 'vitest';
import { opensearchDomainFineGrainedAccessControl } from '../../../lambdas/core/checks/opensearch/index.js';
import { domain, evaluateDomains } from '../../fixtures/opensearch.js';

describe('Check: opensearch-domain-fine-grained-access-control', () => {
  it('fails a domain without fine-grained access control', () => {
    // Prepare
    const open = domain('harbor-logs', { fineGrainedAccessControl: false });

    // Act
    const results = evaluateDomains(opensearchDomainFineGrainedAccessControl, [open]);

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: open,
        message: 'OpenSearch Service domain harbor-logs (OpenSearch_2.13) has no fine-grained access control.',
      },
    ]);
  });

  it('fails fine-grained access control that lets anonymous requests in', () => {
    // Prepare
    const anonymous = domain('harbor-catalog', { anonymousAuthEnabled: true });

    // Act
    const [result] = evaluateDomains(opensearchDomainFineGrainedAccessControl, [anonymous]);

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain('lets anonymous requests in (AnonymousAuthEnabled is true)');
  });

  it('passes fine-grained access control without anonymous access', () => {
    // Act
    const [result] = evaluateDomains(opensearchDomainFineGrainedAccessControl, [domain('harbor-catalog')]);

    // Assess
    expect(result?.status).toBe('PASS');
  });
});

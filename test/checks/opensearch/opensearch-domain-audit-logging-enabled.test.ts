import { describe, expect, it } from 'vitest';
import { opensearchDomainAuditLoggingEnabled } from '../../../lambdas/core/checks/opensearch/index.js';
import { domain, evaluateDomains } from '../../fixtures/opensearch.js';

describe('Check: opensearch-domain-audit-logging-enabled', () => {
  it('fails a domain that publishes no audit logs', () => {
    // Prepare
    const quiet = domain('harbor-logs', { logPublishing: {} });

    // Act
    const results = evaluateDomains(opensearchDomainAuditLoggingEnabled, [quiet]);

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: quiet,
        message: 'OpenSearch Service domain harbor-logs (OpenSearch_2.13) does not publish audit logs.',
      },
    ]);
  });

  it('fails a domain whose audit log publishing is configured but disabled', () => {
    // Prepare
    const paused = domain('harbor-logs', {
      logPublishing: {
        AUDIT_LOGS: { enabled: false, logGroupArn: 'arn:aws:logs:us-east-1:123456789012:log-group:audit' },
      },
    });

    // Act
    const [result] = evaluateDomains(opensearchDomainAuditLoggingEnabled, [paused]);

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain('(AUDIT_LOGS is configured but disabled)');
  });

  it('passes a domain that publishes audit logs', () => {
    // Prepare
    const search = domain('harbor-catalog');

    // Act
    const [result] = evaluateDomains(opensearchDomainAuditLoggingEnabled, [search]);

    // Assess
    expect(result?.status).toBe('PASS');
    expect(result?.message).toBe(
      'OpenSearch Service domain harbor-catalog (OpenSearch_2.13) publishes audit logs to arn:aws:logs:us-east-1:123456789012:log-group:/aws/opensearch/harbor-catalog/audit.',
    );
  });
});

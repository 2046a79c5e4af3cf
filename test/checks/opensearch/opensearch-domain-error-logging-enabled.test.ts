import { describe, expect, it } from 'vitest';
import { opensearchDomainErrorLoggingEnabled } from '../../../lambdas/core/checks/opensearch/index.js';
import { domain, evaluateDomains } from '../../fixtures/opensearch.js';

describe('Check: opensearch-domain-error-logging-enabled', () => {
  it('fails a domain that publishes only slow logs', () => {
    // Prepare
    const slowOnly = domain('harbor-logs', {
      logPublishing: {
        SEARCH_SLOW_LOGS: { enabled: true, logGroupArn: 'arn:aws:logs:us-east-1:123456789012:log-group:slow' },
      },
    });

    // Act
    const results = evaluateDomains(opensearchDomainErrorLoggingEnabled, [slowOnly]);

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: slowOnly,
        message:
          'OpenSearch Service domain harbor-logs (OpenSearch_2.13) does not publish error logs to CloudWatch Logs.',
      },
    ]);
  });

  it('passes a domain that publishes error logs', () => {
    // Act
    const [result] = evaluateDomains(opensearchDomainErrorLoggingEnabled, [domain('harbor-catalog')]);

    // Assess
    expect(result?.status).toBe('PASS');
    expect(result?.message).toBe(
      'OpenSearch Service domain harbor-catalog (OpenSearch_2.13) publishes error logs to arn:aws:logs:us-east-1:123456789012:log-group:/aws/opensearch/harbor-catalog/error.',
    );
  });
});

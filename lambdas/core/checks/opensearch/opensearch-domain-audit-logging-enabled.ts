import { defineCheck, verdict } from '../define-check.js';
import { domainLabel, fsbp } from './domains.js';

export const opensearchDomainAuditLoggingEnabled = defineCheck({
  id: 'opensearch-domain-audit-logging-enabled',
  title: 'OpenSearch Service domains publish audit logs to CloudWatch Logs',
  service: 'opensearch',
  resourceType: 'AwsOpenSearchServiceDomain',
  srmClass: 'container',
  obligation: 'logging-audit',
  severity: 'medium',
  requires: ['opensearch.domains'],
  compliance: fsbp('Opensearch.5', 'ES.5'),
  risk:
    'Without audit logs, failed logins, permission changes and reads of sensitive indices leave no trace: an ' +
    'intrusion cannot be detected or its reach established.',
  remediation: {
    text:
      'Enable fine-grained access control (audit logs need it), publish AUDIT_LOGS to a CloudWatch Logs group whose ' +
      'resource policy lets OpenSearch Service write, then turn audit logging on in OpenSearch Dashboards.',
    cli: 'aws opensearch update-domain-config --domain-name <domain> --log-publishing-options "AUDIT_LOGS={CloudWatchLogsLogGroupArn=<log-group-arn>,Enabled=true}"',
    url: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/audit-logs.html',
  },
  evaluate: ({ opensearch }) =>
    opensearch.domains.map((domain) => {
      const audit = domain.logPublishing.AUDIT_LOGS;
      return verdict(
        audit?.enabled === true,
        domain,
        `${domainLabel(domain)} publishes audit logs to ${audit?.logGroupArn ?? 'CloudWatch Logs'}.`,
        `${domainLabel(domain)} does not publish audit logs${audit ? ' (AUDIT_LOGS is configured but disabled)' : ''}.`,
      );
    }),
});

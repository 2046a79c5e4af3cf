import { defineCheck, verdict } from '../define-check.js';
import { domainLabel, fsbp } from './domains.js';

export const opensearchDomainErrorLoggingEnabled = defineCheck({
  id: 'opensearch-domain-error-logging-enabled',
  title: 'OpenSearch Service domains publish error logs to CloudWatch Logs',
  service: 'opensearch',
  resourceType: 'AwsOpenSearchServiceDomain',
  srmClass: 'container',
  obligation: 'logging-audit',
  severity: 'medium',
  requires: ['opensearch.domains'],
  compliance: fsbp('Opensearch.4', 'ES.4'),
  risk:
    'Error logs (ES_APPLICATION_LOGS) record failed requests, script errors and plugin faults; without them, access ' +
    'problems and attacks that trip errors go unseen and availability incidents cannot be diagnosed.',
  remediation: {
    text: 'Publish ES_APPLICATION_LOGS to a CloudWatch Logs group whose resource policy lets OpenSearch Service write.',
    cli: 'aws opensearch update-domain-config --domain-name <domain> --log-publishing-options "ES_APPLICATION_LOGS={CloudWatchLogsLogGroupArn=<log-group-arn>,Enabled=true}"',
    url: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/createdomain-configure-slow-logs.html',
  },
  evaluate: ({ opensearch }) =>
    opensearch.domains.map((domain) => {
      const errors = domain.logPublishing.ES_APPLICATION_LOGS;
      const on = errors?.enabled === true && errors.logGroupArn !== undefined;
      return verdict(
        on,
        domain,
        `${domainLabel(domain)} publishes error logs to ${errors?.logGroupArn}.`,
        `${domainLabel(domain)} does not publish error logs to CloudWatch Logs${errors ? ' (ES_APPLICATION_LOGS is configured but disabled)' : ''}.`,
      );
    }),
});

import { defineCheck, verdict } from '../define-check.js';
import { domainLabel, fsbp } from './domains.js';

/** The endpoint policies that refuse TLS 1.0 and 1.1: TLS 1.2 (2019), and TLS 1.2 with perfect forward secrecy (2023). */
export const MODERN_TLS_POLICIES: readonly string[] = ['Policy-Min-TLS-1-2-2019-07', 'Policy-Min-TLS-1-2-PFS-2023-10'];

export const opensearchDomainTlsRequired = defineCheck({
  id: 'opensearch-domain-tls-required',
  title: 'OpenSearch Service domains accept only HTTPS with TLS 1.2 or later',
  service: 'opensearch',
  resourceType: 'AwsOpenSearchServiceDomain',
  srmClass: 'container',
  obligation: 'data-protection',
  severity: 'medium',
  requires: ['opensearch.domains'],
  compliance: fsbp('Opensearch.8', 'ES.8'),
  risk:
    'A domain that accepts plain HTTP, or TLS 1.0 and 1.1, lets anyone on the path read or alter queries, documents ' +
    'and the credentials sent with them.',
  remediation: {
    text: `Require HTTPS and set the TLS security policy to ${MODERN_TLS_POLICIES.join(' or ')} (preferred).`,
    cli: 'aws opensearch update-domain-config --domain-name <domain> --domain-endpoint-options EnforceHTTPS=true,TLSSecurityPolicy=Policy-Min-TLS-1-2-PFS-2023-10',
    url: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/infrastructure-security.html',
  },
  evaluate: ({ opensearch }) =>
    opensearch.domains.map((domain) => {
      const policy = domain.tlsSecurityPolicy ?? 'unset';
      const modern = MODERN_TLS_POLICIES.includes(policy);
      const problems = [
        ...(domain.enforceHttps ? [] : ['accepts plain HTTP (EnforceHTTPS is false)']),
        ...(modern ? [] : [`accepts TLS older than 1.2 (TLS security policy ${policy})`]),
      ];
      return verdict(
        problems.length === 0,
        domain,
        `${domainLabel(domain)} requires HTTPS with TLS security policy ${policy}.`,
        `${domainLabel(domain)} ${problems.join(' and ')}.`,
      );
    }),
});

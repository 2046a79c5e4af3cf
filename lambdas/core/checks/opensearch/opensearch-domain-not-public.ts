import { defineCheck, pass, verdict } from '../define-check.js';
import { authenticatesEveryRequest, domainLabel, openStatements } from './domains.js';

/**
 * A domain is public when both doors are open: a public endpoint (no VPC) and an access policy
 * that grants everyone (AWS's definition of public, through the shared policy analysis). Fine-grained
 * access control does not close it: the whole internet can still try credentials against the login.
 */
export const opensearchDomainNotPublic = defineCheck({
  id: 'opensearch-domain-not-public',
  title: 'OpenSearch Service domains are not open to the internet by a public endpoint and an open access policy',
  service: 'opensearch',
  resourceType: 'AwsOpenSearchServiceDomain',
  srmClass: 'container',
  obligation: 'public-exposure',
  severity: 'critical',
  requires: ['opensearch.domains'],
  settings: ['internetExposurePrefix'],
  compliance: [],
  risk:
    'An open access policy on a public endpoint lets anyone on the internet query, change or delete the indices, ' +
    'unless fine-grained access control asks for credentials — then anyone can try them. Exposed search clusters ' +
    'are among the most common sources of large data leaks.',
  remediation: {
    text:
      'Replace the "*" principal with the roles that use the domain, or pin it with aws:SourceIp of your own ranges ' +
      'or aws:PrincipalOrgID; better, move the data to a domain with VPC access.',
    cli: 'aws opensearch update-domain-config --domain-name <domain> --access-policies file://<restricted-policy>.json',
    url: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ac.html',
  },
  evaluate: ({ opensearch }, { internetExposurePrefix }) =>
    opensearch.domains.map((domain) => {
      const label = domainLabel(domain);
      if (domain.vpc !== undefined) {
        return pass(domain, `${label} has no public endpoint: it is reachable only inside its VPC.`);
      }
      const open = openStatements(domain, { internetExposurePrefix });
      const guard = authenticatesEveryRequest(domain)
        ? ' Fine-grained access control still asks for credentials, but anyone on the internet can try them.'
        : ' Nothing else asks for credentials.';
      return verdict(
        open.length === 0,
        domain,
        domain.accessPolicy
          ? `${label} has a public endpoint, but its access policy grants nothing to everyone.`
          : `${label} has a public endpoint but no access policy, so only signed requests of principals IAM allows get in.`,
        `${label} is open to the internet: a public endpoint and an access policy where ${open.join('; ')}.${guard}`,
      );
    }),
});

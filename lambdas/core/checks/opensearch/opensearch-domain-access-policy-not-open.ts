import { defineCheck, pass, verdict } from '../define-check.js';
import { authenticatesEveryRequest, domainLabel, openStatements } from './domains.js';

/**
 * Inside a VPC, an open access policy means anything with a network path gets in. AWS documents one
 * safe form of it: an open policy on a domain whose fine-grained access control authenticates every
 * request; that passes, saying so.
 */
export const opensearchDomainAccessPolicyNotOpen = defineCheck({
  id: 'opensearch-domain-access-policy-not-open',
  title:
    'OpenSearch Service domain access policies are not open to everyone unless fine-grained access control authenticates every request',
  service: 'opensearch',
  resourceType: 'AwsOpenSearchServiceDomain',
  srmClass: 'container',
  obligation: 'least-privilege',
  severity: 'high',
  requires: ['opensearch.domains'],
  settings: ['internetExposurePrefix'],
  compliance: [],
  risk:
    'With an open access policy and no fine-grained access control, every workload, container or compromised host ' +
    'that reaches the endpoint can read, change and delete every index, and none of it is tied to an identity.',
  remediation: {
    text:
      'Grant the domain’s IAM roles by name in the access policy, or enable fine-grained access control (with ' +
      'anonymous access off) and keep the open policy as AWS documents.',
    cli: 'aws opensearch update-domain-config --domain-name <domain> --access-policies file://<restricted-policy>.json',
    url: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ac.html',
  },
  evaluate: ({ opensearch }, { internetExposurePrefix }) =>
    opensearch.domains.map((domain) => {
      const label = domainLabel(domain);
      const open = openStatements(domain, { internetExposurePrefix });
      if (open.length === 0) {
        return pass(
          domain,
          domain.accessPolicy
            ? `${label}'s access policy grants nothing to everyone.`
            : `${label} has no access policy, so only signed requests of principals IAM allows get in.`,
        );
      }
      return verdict(
        authenticatesEveryRequest(domain),
        domain,
        `${label}'s access policy is open (${open.join('; ')}), but fine-grained access control authenticates every request.`,
        `${label}'s access policy is open to everyone (${open.join('; ')}) and ${
          domain.fineGrainedAccessControl
            ? 'fine-grained access control lets anonymous requests in'
            : 'no fine-grained access control asks for credentials'
        }.`,
      );
    }),
});

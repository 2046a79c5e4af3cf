import { defineCheck, verdict } from '../define-check.js';
import { domainLabel, fsbp } from './domains.js';

export const opensearchDomainNodeToNodeEncrypted = defineCheck({
  id: 'opensearch-domain-node-to-node-encrypted',
  title: 'OpenSearch Service domains encrypt the traffic between their nodes',
  service: 'opensearch',
  resourceType: 'AwsOpenSearchServiceDomain',
  srmClass: 'container',
  obligation: 'data-protection',
  severity: 'medium',
  requires: ['opensearch.domains'],
  compliance: fsbp('Opensearch.3', 'ES.3'),
  risk:
    'Without node-to-node encryption, documents and queries travel between the domain’s nodes in clear text, and ' +
    'fine-grained access control cannot be enabled.',
  remediation: {
    text: 'Enable node-to-node encryption (OpenSearch, or Elasticsearch 6.0 or later); it cannot be turned off again.',
    cli: 'aws opensearch update-domain-config --domain-name <domain> --node-to-node-encryption-options Enabled=true',
    url: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ntn.html',
  },
  evaluate: ({ opensearch }) =>
    opensearch.domains.map((domain) =>
      verdict(
        domain.nodeToNodeEncryption,
        domain,
        `${domainLabel(domain)} encrypts the traffic between its nodes.`,
        `${domainLabel(domain)} sends data between its nodes in clear text (node-to-node encryption is off).`,
      ),
    ),
});

import { defineCheck, verdict } from '../define-check.js';
import { domainLabel, fsbp } from './domains.js';

export const opensearchDomainEncryptedAtRest = defineCheck({
  id: 'opensearch-domain-encrypted-at-rest',
  title: 'OpenSearch Service domains are encrypted at rest',
  service: 'opensearch',
  resourceType: 'AwsOpenSearchServiceDomain',
  srmClass: 'container',
  obligation: 'data-protection',
  severity: 'medium',
  requires: ['opensearch.domains'],
  compliance: fsbp('Opensearch.1', 'ES.1'),
  risk:
    'Without encryption at rest, indices, logs, swap files and automated snapshots sit in clear on storage AWS ' +
    'manages, with no KMS key policy and no CloudTrail record of key use between them and whoever reads them.',
  remediation: {
    text:
      'Enable encryption at rest (OpenSearch, or Elasticsearch 5.1 or later), preferably with a customer managed KMS ' +
      'key. Domains on older engine versions must be upgraded or recreated first.',
    cli: 'aws opensearch update-domain-config --domain-name <domain> --encryption-at-rest-options Enabled=true,KmsKeyId=<key-arn>',
    url: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html',
  },
  evaluate: ({ opensearch }) =>
    opensearch.domains.map((domain) =>
      verdict(
        domain.encryptionAtRest,
        domain,
        `${domainLabel(domain)} is encrypted at rest${domain.kmsKeyId ? ` with KMS key ${domain.kmsKeyId}` : ''}.`,
        `${domainLabel(domain)} is not encrypted at rest.`,
      ),
    ),
});

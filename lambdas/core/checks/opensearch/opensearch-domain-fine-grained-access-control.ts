import { defineCheck, verdict } from '../define-check.js';
import { domainLabel, fsbp } from './domains.js';

export const opensearchDomainFineGrainedAccessControl = defineCheck({
  id: 'opensearch-domain-fine-grained-access-control',
  title: 'OpenSearch Service domains enforce fine-grained access control without anonymous access',
  service: 'opensearch',
  resourceType: 'AwsOpenSearchServiceDomain',
  srmClass: 'container',
  obligation: 'least-privilege',
  severity: 'high',
  requires: ['opensearch.domains'],
  compliance: fsbp('Opensearch.7'),
  risk:
    'Without fine-grained access control, whoever the access policy lets in can read and change every index, ' +
    'document and setting; there are no roles, no index-, document- or field-level permissions and no audit logs.',
  remediation: {
    text:
      'Enable fine-grained access control (it needs HTTPS, node-to-node encryption and encryption at rest), map IAM ' +
      'roles to OpenSearch roles with least privilege, and keep anonymous authentication off.',
    cli: 'aws opensearch update-domain-config --domain-name <domain> --advanced-security-options "Enabled=true,AnonymousAuthEnabled=false,MasterUserOptions={MasterUserARN=<role-arn>}"',
    url: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/fgac.html',
  },
  evaluate: ({ opensearch }) =>
    opensearch.domains.map((domain) =>
      verdict(
        domain.fineGrainedAccessControl && !domain.anonymousAuthEnabled,
        domain,
        `${domainLabel(domain)} enforces fine-grained access control, without anonymous access.`,
        domain.fineGrainedAccessControl
          ? `${domainLabel(domain)} enforces fine-grained access control but lets anonymous requests in (AnonymousAuthEnabled is true).`
          : `${domainLabel(domain)} has no fine-grained access control.`,
      ),
    ),
});

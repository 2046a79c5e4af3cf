import { defineCheck, verdict } from '../define-check.js';
import { domainLabel, fsbp } from './domains.js';

export const opensearchDomainInVpc = defineCheck({
  id: 'opensearch-domain-in-vpc',
  title: 'OpenSearch Service domains run inside a VPC, without a public endpoint',
  service: 'opensearch',
  resourceType: 'AwsOpenSearchServiceDomain',
  srmClass: 'container',
  obligation: 'public-exposure',
  severity: 'high',
  requires: ['opensearch.domains'],
  compliance: fsbp('Opensearch.2', 'ES.2'),
  risk:
    'A domain with a public endpoint answers anyone on the internet: only its access policy stands between the data ' +
    'and the world, with no security group, network ACL or private routing to fall back on.',
  remediation: {
    text:
      'A domain cannot move into a VPC: create a new domain with VPC access in private subnets, restore a manual ' +
      'snapshot into it, and delete the public one.',
    cli: 'aws opensearch create-domain --domain-name <new-domain> --vpc-options SubnetIds=<private-subnet>,SecurityGroupIds=<sg-id> ...',
    url: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/vpc.html',
  },
  evaluate: ({ opensearch }) =>
    opensearch.domains.map((domain) =>
      verdict(
        domain.vpc !== undefined,
        domain,
        `${domainLabel(domain)} runs inside a VPC (subnets ${domain.vpc?.subnetIds.join(', ') || 'unknown'}).`,
        `${domainLabel(domain)} has a public endpoint${domain.publicEndpoint ? ` (${domain.publicEndpoint})` : ''} instead of VPC access.`,
      ),
    ),
});

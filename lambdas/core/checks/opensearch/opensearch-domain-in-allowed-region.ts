import { defineCheck } from '../define-check.js';
import { residencyRemediation, residencyResults } from '../shared/residency.js';

export const opensearchDomainInAllowedRegion = defineCheck({
  id: 'opensearch-domain-in-allowed-region',
  title: 'OpenSearch domains are only in allowed regions',
  service: 'opensearch',
  resourceType: 'AwsOpenSearchServiceDomain',
  srmClass: 'container',
  obligation: 'data-residency',
  severity: 'high',
  requires: ['opensearch.domains'],
  settings: ['allowedRegions'],
  compliance: [],
  risk: 'Indexed documents live in the domain’s region; a domain outside the allowed regions stores that data where your regulators and contracts do not allow it.',
  remediation: residencyRemediation('domain'),
  evaluate: ({ opensearch, accountId, partition }, { allowedRegions }) =>
    residencyResults(
      { accountId, partition },
      allowedRegions,
      opensearch.domains.map((domain) => ({ resource: domain, kind: 'OpenSearch domain' })),
    ),
});

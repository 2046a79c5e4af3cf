import { defineCheck, verdict } from '../define-check.js';
import { domainLabel, fsbp } from './domains.js';

/** FSBP's threshold: a quorum survives the loss of one of three dedicated master (primary) nodes. */
const MIN_MASTER_NODES = 3;

export const opensearchDomainDedicatedMasterNodes = defineCheck({
  id: 'opensearch-domain-dedicated-master-nodes',
  title: 'OpenSearch Service domains run at least three dedicated master nodes',
  service: 'opensearch',
  resourceType: 'AwsOpenSearchServiceDomain',
  srmClass: 'container',
  obligation: 'backup-recovery',
  severity: 'medium',
  requires: ['opensearch.domains'],
  compliance: fsbp('Opensearch.11', 'ES.7'),
  risk:
    'Without three dedicated master nodes, cluster management shares the data nodes’ resources and a single lost ' +
    'node can leave the cluster without a quorum: indices stop accepting writes, and blue/green updates strain it further.',
  remediation: {
    text: 'Enable dedicated master nodes and run three of them (an odd number; more than three rarely helps).',
    cli: 'aws opensearch update-domain-config --domain-name <domain> --cluster-config "DedicatedMasterEnabled=true,DedicatedMasterCount=3,DedicatedMasterType=<instance-type>"',
    url: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/managedomains-dedicatedmasternodes.html',
  },
  evaluate: ({ opensearch }) =>
    opensearch.domains.map((domain) => {
      const count = domain.dedicatedMasterEnabled ? (domain.dedicatedMasterCount ?? 0) : 0;
      return verdict(
        count >= MIN_MASTER_NODES,
        domain,
        `${domainLabel(domain)} runs ${count} dedicated master nodes.`,
        domain.dedicatedMasterEnabled
          ? `${domainLabel(domain)} runs only ${count} dedicated master node${count === 1 ? '' : 's'} (minimum ${MIN_MASTER_NODES}).`
          : `${domainLabel(domain)} has no dedicated master nodes: its data nodes also manage the cluster.`,
      );
    }),
});

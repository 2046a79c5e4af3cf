import { defineCheck, verdict } from '../define-check.js';
import { domainLabel, fsbp } from './domains.js';

/** FSBP's threshold: three data nodes, spread over Availability Zones. */
const MIN_DATA_NODES = 3;

export const opensearchDomainFaultTolerant = defineCheck({
  id: 'opensearch-domain-fault-tolerant',
  title: 'OpenSearch Service domains have at least three data nodes spread across Availability Zones',
  service: 'opensearch',
  resourceType: 'AwsOpenSearchServiceDomain',
  srmClass: 'container',
  obligation: 'backup-recovery',
  severity: 'medium',
  requires: ['opensearch.domains'],
  compliance: fsbp('Opensearch.6', 'ES.6'),
  risk:
    'With fewer than three data nodes, or all of them in one Availability Zone, losing a node or a zone loses the ' +
    'replicas along with the primaries: the domain goes red and writes stop.',
  remediation: {
    text:
      'Run at least three data nodes (a multiple of the zone count) with zone awareness over two or three ' +
      'Availability Zones, and replicas on every index.',
    cli: 'aws opensearch update-domain-config --domain-name <domain> --cluster-config "InstanceCount=3,ZoneAwarenessEnabled=true,ZoneAwarenessConfig={AvailabilityZoneCount=3}"',
    url: 'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/managedomains-multiaz.html',
  },
  evaluate: ({ opensearch }) =>
    opensearch.domains.map((domain) => {
      const nodes = `${domain.instanceCount} data node${domain.instanceCount === 1 ? '' : 's'}`;
      const zones = domain.zoneAwarenessEnabled
        ? `zone awareness over ${domain.availabilityZoneCount ?? 2} Availability Zones`
        : 'no zone awareness';
      const problems = [
        ...(domain.instanceCount < MIN_DATA_NODES ? [`only ${nodes} (minimum ${MIN_DATA_NODES})`] : []),
        ...(domain.zoneAwarenessEnabled ? [] : ['no zone awareness, so every node can sit in one Availability Zone']),
      ];
      return verdict(
        problems.length === 0,
        domain,
        `${domainLabel(domain)} has ${nodes} with ${zones}.`,
        `${domainLabel(domain)} has ${problems.join(' and ')}.`,
      );
    }),
});

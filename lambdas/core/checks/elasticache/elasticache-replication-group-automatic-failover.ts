import { defineCheck, fail, verdict } from '../define-check.js';
import { engineName, groupLabel } from './caches.js';

const ON = new Set(['enabled', 'enabling']);

export const elasticacheReplicationGroupAutomaticFailover = defineCheck({
  id: 'elasticache-replication-group-automatic-failover',
  title: 'ElastiCache Valkey and Redis OSS replication groups fail over automatically',
  service: 'elasticache',
  resourceType: 'AwsElastiCacheReplicationGroup',
  srmClass: 'container',
  obligation: 'backup-recovery',
  severity: 'medium',
  requires: ['elasticache.replicationGroups'],
  compliance: [{ framework: 'aws-fsbp', control: 'ElastiCache.3' }],
  risk:
    'Without automatic failover, losing the primary node (a hardware fault, an Availability Zone outage) stops every ' +
    'write until someone promotes a replica by hand.',
  remediation: {
    text:
      'Add at least one replica, preferably in another Availability Zone, and enable automatic failover and Multi-AZ. ' +
      'Cluster-mode-enabled replication groups always fail over automatically.',
    cli: 'aws elasticache modify-replication-group --replication-group-id <id> --automatic-failover-enabled --multi-az-enabled --apply-immediately',
    url: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/AutoFailover.html',
  },
  evaluate: ({ elasticache }) =>
    elasticache.replicationGroups.map((group) => {
      const label = groupLabel(group);
      if (!ON.has(group.automaticFailover) && group.memberClusterIds.length === 1) {
        return fail(
          group,
          `${label} has a single node and no replica to fail over to (automatic failover ${group.automaticFailover}).`,
        );
      }
      return verdict(
        ON.has(group.automaticFailover),
        group,
        `${label} fails over automatically (automatic failover ${group.automaticFailover}${group.multiAz ? ', Multi-AZ' : ''}).`,
        `${label} does not fail over automatically (automatic failover ${group.automaticFailover}): a lost ${engineName(group.engine)} primary stops writes until a replica is promoted by hand.`,
      );
    }),
});

import { defineCheck, verdict } from '../define-check.js';
import { cacheEngine, cacheLabel, cacheResource, cachesOf, days, isRedisFamily } from './caches.js';

export const elasticacheClusterBackupEnabled = defineCheck({
  id: 'elasticache-cluster-backup-enabled',
  title: 'ElastiCache Valkey and Redis OSS clusters keep automatic backups for at least the minimum retention period',
  service: 'elasticache',
  resourceType: 'AwsElastiCacheReplicationGroup',
  srmClass: 'container',
  obligation: 'backup-recovery',
  severity: 'medium',
  requires: ['elasticache.replicationGroups', 'elasticache.cacheClusters'],
  settings: ['minBackupRetentionDays'],
  compliance: [{ framework: 'aws-fsbp', control: 'ElastiCache.1' }],
  risk:
    'Valkey and Redis OSS are often the only copy of sessions, queues or leaderboards; without automatic backups a ' +
    'FLUSHALL, a bad deployment or a lost node group cannot be undone.',
  remediation: {
    text:
      'Set the snapshot retention limit to at least the minimum (AWS keeps up to 35 days) and a backup window outside ' +
      'peak hours. Memcached cannot be backed up and is not evaluated.',
    cli: 'aws elasticache modify-replication-group --replication-group-id <id> --snapshot-retention-limit <days> --snapshot-window 03:00-04:00 --apply-immediately',
    url: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/backups-automatic.html',
  },
  evaluate: ({ elasticache }, { minBackupRetentionDays: minimum }) =>
    cachesOf(elasticache.replicationGroups, elasticache.cacheClusters)
      .filter((cache) => isRedisFamily(cacheEngine(cache)))
      .map((cache) => {
        const label = cacheLabel(cache);
        const resource = cacheResource(cache);
        const retention = resource.snapshotRetentionLimit;
        return verdict(
          retention >= minimum,
          resource,
          `${label} keeps automatic backups for ${days(retention)} (minimum ${days(minimum)}).`,
          retention === 0
            ? `${label} has automatic backups turned off (retention 0 days; minimum ${days(minimum)}).`
            : `${label} keeps automatic backups for only ${days(retention)} (minimum ${days(minimum)}).`,
        );
      }),
});

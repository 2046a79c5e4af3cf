import { defineCheck, verdict } from '../define-check.js';
import { cacheEngine, cacheLabel, cacheResource, cachesOf, isRedisFamily } from './caches.js';

/**
 * FSBP ElastiCache.6 asks for an AUTH token only below Redis OSS 6.0, where RBAC does not exist.
 * This check asks more: every Valkey and Redis OSS cluster authenticates its clients, by an AUTH
 * token or an RBAC user group, whatever the version.
 */
export const elasticacheClusterAuthRequired = defineCheck({
  id: 'elasticache-cluster-auth-required',
  title: 'ElastiCache Valkey and Redis OSS clusters require clients to authenticate (AUTH token or RBAC user group)',
  service: 'elasticache',
  resourceType: 'AwsElastiCacheReplicationGroup',
  srmClass: 'container',
  obligation: 'least-privilege',
  severity: 'high',
  requires: ['elasticache.replicationGroups', 'elasticache.cacheClusters'],
  compliance: [{ framework: 'aws-fsbp', control: 'ElastiCache.6' }],
  risk:
    'Without AUTH or RBAC, anything that can reach the port (a compromised instance, a container, a misrouted peer ' +
    'VPC) can read every key, overwrite data, run FLUSHALL or change the configuration: the security group is the ' +
    'only barrier.',
  remediation: {
    text:
      'For Valkey and Redis OSS 6.0 or later, create RBAC users with least-privilege access strings, put them in a ' +
      'user group and attach it to the replication group; for older Redis OSS, set an AUTH token (both need ' +
      'in-transit encryption). A single-node Redis OSS cluster outside a replication group can only use an AUTH ' +
      'token. Memcached has no AUTH and is not evaluated.',
    cli: 'aws elasticache modify-replication-group --replication-group-id <id> --user-group-ids-to-add <user-group-id> --apply-immediately',
    url: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Clusters.RBAC.html',
  },
  evaluate: ({ elasticache }) =>
    cachesOf(elasticache.replicationGroups, elasticache.cacheClusters)
      .filter((cache) => isRedisFamily(cacheEngine(cache)))
      .map((cache) => {
        const label = cacheLabel(cache);
        const resource = cacheResource(cache);
        const userGroups = cache.kind === 'replication-group' ? cache.group.userGroupIds : [];
        const how = [
          ...(userGroups.length > 0 ? [`RBAC user group ${userGroups.join(', ')}`] : []),
          ...(resource.authTokenEnabled ? ['an AUTH token'] : []),
        ];
        return verdict(
          how.length > 0,
          resource,
          `${label} authenticates clients with ${how.join(' and ')}.`,
          `${label} lets any client that reaches its port in without credentials: no AUTH token and no RBAC user group.`,
        );
      }),
});

import type { CacheCluster } from '../../inventory/index.js';
import { type CheckResult, defineCheck, fail, pass } from '../define-check.js';
import { cacheLabel, cacheResource, cachesOf, membersOf } from './caches.js';

/** The subnet group ElastiCache creates over the default VPC's subnets when none is chosen. */
const DEFAULT_SUBNET_GROUP = 'default';

export const elasticacheClusterNotDefaultSubnetGroup = defineCheck({
  id: 'elasticache-cluster-not-default-subnet-group',
  title: 'ElastiCache clusters run in a subnet group of their own, not the default one',
  service: 'elasticache',
  resourceType: 'AwsElastiCacheCacheCluster',
  srmClass: 'container',
  obligation: 'network-firewall',
  severity: 'medium',
  requires: ['elasticache.replicationGroups', 'elasticache.cacheClusters'],
  compliance: [{ framework: 'aws-fsbp', control: 'ElastiCache.7' }],
  risk:
    'The default subnet group spans the default VPC’s subnets, which are public by default: the cache lands next to ' +
    'internet-facing instances, with routes and network ACLs nobody chose for it.',
  remediation: {
    text:
      'Create a cache subnet group over private subnets of the application’s VPC and recreate the cluster in it ' +
      '(the subnet group of an existing cluster cannot be changed). A replication group is judged by the subnet ' +
      'group of its member clusters.',
    cli: 'aws elasticache create-cache-subnet-group --cache-subnet-group-name <name> --cache-subnet-group-description <text> --subnet-ids <private-subnet-1> <private-subnet-2>',
    url: 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/SubnetGroups.Creating.html',
  },
  evaluate: ({ elasticache }) =>
    cachesOf(elasticache.replicationGroups, elasticache.cacheClusters).flatMap((cache): CheckResult[] => {
      const label = cacheLabel(cache);
      const resource = cacheResource(cache);
      const clusters: CacheCluster[] =
        cache.kind === 'cluster' ? [cache.cluster] : membersOf(cache.group, elasticache.cacheClusters);
      // A replication group whose members were not listed cannot be placed: no result.
      if (clusters.length === 0) return [];
      const groups = [...new Set(clusters.map((c) => c.cacheSubnetGroupName ?? ''))];
      if (groups.includes(DEFAULT_SUBNET_GROUP)) {
        return [fail(resource, `${label} runs in the default cache subnet group, over the default VPC’s subnets.`)];
      }
      if (groups.includes('')) {
        return [fail(resource, `${label} reports no cache subnet group, so its placement was never chosen.`)];
      }
      return [pass(resource, `${label} runs in cache subnet group ${groups.join(', ')}.`)];
    }),
});

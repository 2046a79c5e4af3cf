import { DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  CreateCacheClusterCommand,
  CreateCacheSubnetGroupCommand,
  CreateReplicationGroupCommand,
  ElastiCacheClient,
} from '@aws-sdk/client-elasticache';
import { CreateDomainCommand, type CreateDomainCommandInput, OpenSearchClient } from '@aws-sdk/client-opensearch';
import type { ExpectedFailure, SeedContext, Seeder } from './types.js';

const US = 'us-east-1';
const EU = 'eu-west-1';

/** The office network the status dashboard's search domain is pinned to (TEST-NET-3). */
const OFFICE_RANGE = '203.0.113.0/24';

async function defaultVpcSubnets(ec2: EC2Client): Promise<string[]> {
  const { Subnets } = await ec2.send(
    new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }),
  );
  return (Subnets ?? []).flatMap((s) => (s.SubnetId ? [s.SubnetId] : [])).slice(0, 3);
}

/** A domain as a careful team configures it; each demo domain overrides what its team got wrong. */
const hardenedDomain = (
  name: string,
  region: string,
  accountId: string,
  overrides: Partial<CreateDomainCommandInput>,
): CreateDomainCommandInput => ({
  DomainName: name,
  EngineVersion: 'OpenSearch_2.13',
  ClusterConfig: {
    InstanceType: 'r6g.large.search',
    InstanceCount: 3,
    ZoneAwarenessEnabled: true,
    ZoneAwarenessConfig: { AvailabilityZoneCount: 3 },
    DedicatedMasterEnabled: true,
    DedicatedMasterType: 'm6g.large.search',
    DedicatedMasterCount: 3,
  },
  EncryptionAtRestOptions: { Enabled: true },
  NodeToNodeEncryptionOptions: { Enabled: true },
  DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-PFS-2023-10' },
  AdvancedSecurityOptions: {
    Enabled: true,
    InternalUserDatabaseEnabled: false,
    MasterUserOptions: { MasterUserARN: `arn:aws:iam::${accountId}:role/harbor-search-admin` },
  },
  LogPublishingOptions: {
    AUDIT_LOGS: {
      Enabled: true,
      CloudWatchLogsLogGroupArn: `arn:aws:logs:${region}:${accountId}:log-group:/aws/opensearch/${name}/audit`,
    },
    ES_APPLICATION_LOGS: {
      Enabled: true,
      CloudWatchLogsLogGroupArn: `arn:aws:logs:${region}:${accountId}:log-group:/aws/opensearch/${name}/error`,
    },
  },
  ...overrides,
});

const domainPolicy = (region: string, accountId: string, name: string, condition?: object) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AnyoneOverHttp',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: 'es:ESHttp*',
        Resource: `arn:aws:es:${region}:${accountId}:domain/${name}/*`,
        ...(condition && { Condition: condition }),
      },
    ],
  });

/**
 * Harbor's caches and search. us-east-1: a Redis OSS session store set up in a hurry (no TLS, no
 * encryption at rest, no AUTH, no backups, no failover, no automatic upgrades) and a hardened
 * Valkey cart store with RBAC; a Memcached 1.6.22 page cache with TLS in its own subnet group,
 * and an old Memcached 1.6.6 fragment cache in the default subnet group. eu-west-1: a hardened
 * product-catalog OpenSearch domain in the VPC (open policy behind fine-grained access control,
 * as AWS documents), a legacy Elasticsearch log domain on a public endpoint that breaks every
 * rule, and a status dashboard domain on a public endpoint whose policy is pinned to the office.
 *
 * moto (5.2) lists no member clusters of a replication group in DescribeCacheClusters and
 * creates one member whatever NumCacheClusters says: the subnet-group check therefore judges
 * the standalone clusters only, and the session store fails automatic failover as a single
 * node. DescribeServerlessCaches is not implemented (srm-scan does not collect serverless caches).
 */
export const seedDatastores: Seeder = async ({ accountId, clients }: SeedContext) => {
  const expected: ExpectedFailure[] = [];
  const planted = (resourceArn: string, ...checkIds: string[]) => {
    for (const checkId of checkIds) expected.push({ checkId, resourceArn });
  };

  const caches = async () => {
    const elasticache = clients.get(ElastiCacheClient, US);
    const cacheArn = (kind: string, id: string) => `arn:aws:elasticache:${US}:${accountId}:${kind}:${id}`;
    const subnets = await defaultVpcSubnets(clients.get(EC2Client, US));
    await elasticache.send(
      new CreateCacheSubnetGroupCommand({
        CacheSubnetGroupName: 'harbor-private-cache',
        CacheSubnetGroupDescription: 'Private subnets for Harbor caches',
        SubnetIds: subnets,
      }),
    );

    await elasticache.send(
      new CreateReplicationGroupCommand({
        ReplicationGroupId: 'harbor-sessions',
        ReplicationGroupDescription: 'Web sessions',
        Engine: 'redis',
        EngineVersion: '7.1',
        CacheNodeType: 'cache.t4g.small',
        NumCacheClusters: 1,
        AutomaticFailoverEnabled: false,
        TransitEncryptionEnabled: false,
        AtRestEncryptionEnabled: false,
        SnapshotRetentionLimit: 0,
        AutoMinorVersionUpgrade: false,
        CacheSubnetGroupName: 'harbor-private-cache',
      }),
    );
    planted(
      cacheArn('replicationgroup', 'harbor-sessions'),
      'elasticache-cluster-encrypted-in-transit',
      'elasticache-cluster-encrypted-at-rest',
      'elasticache-cluster-auth-required',
      'elasticache-cluster-backup-enabled',
      'elasticache-cluster-minor-upgrade-enabled',
      'elasticache-replication-group-automatic-failover',
    );

    await elasticache.send(
      new CreateReplicationGroupCommand({
        ReplicationGroupId: 'harbor-carts',
        ReplicationGroupDescription: 'Shopping carts',
        Engine: 'valkey',
        EngineVersion: '8.0',
        CacheNodeType: 'cache.r7g.large',
        NumCacheClusters: 2,
        AutomaticFailoverEnabled: true,
        MultiAZEnabled: true,
        TransitEncryptionEnabled: true,
        TransitEncryptionMode: 'required',
        AtRestEncryptionEnabled: true,
        UserGroupIds: ['harbor-app-users'],
        SnapshotRetentionLimit: 14,
        AutoMinorVersionUpgrade: true,
        CacheSubnetGroupName: 'harbor-private-cache',
      }),
    );

    await elasticache.send(
      new CreateCacheClusterCommand({
        CacheClusterId: 'harbor-page-cache',
        Engine: 'memcached',
        EngineVersion: '1.6.22',
        CacheNodeType: 'cache.t4g.small',
        NumCacheNodes: 2,
        TransitEncryptionEnabled: true,
        AutoMinorVersionUpgrade: true,
        CacheSubnetGroupName: 'harbor-private-cache',
      }),
    );

    await elasticache.send(
      new CreateCacheClusterCommand({
        CacheClusterId: 'harbor-fragments',
        Engine: 'memcached',
        EngineVersion: '1.6.6',
        CacheNodeType: 'cache.t4g.small',
        NumCacheNodes: 1,
        AutoMinorVersionUpgrade: true,
        CacheSubnetGroupName: 'default',
      }),
    );
    planted(
      cacheArn('cluster', 'harbor-fragments'),
      'elasticache-cluster-encrypted-in-transit',
      'elasticache-cluster-not-default-subnet-group',
    );
  };

  const search = async () => {
    const opensearch = clients.get(OpenSearchClient, EU);
    const domainArn = (name: string) => `arn:aws:es:${EU}:${accountId}:domain/${name}`;
    const subnets = await defaultVpcSubnets(clients.get(EC2Client, EU));

    await opensearch.send(
      new CreateDomainCommand(
        hardenedDomain('harbor-catalog', EU, accountId, {
          VPCOptions: { SubnetIds: subnets },
          AccessPolicies: domainPolicy(EU, accountId, 'harbor-catalog'),
        }),
      ),
    );

    await opensearch.send(
      new CreateDomainCommand(
        hardenedDomain('harbor-legacy-logs', EU, accountId, {
          EngineVersion: 'Elasticsearch_7.10',
          ClusterConfig: { InstanceType: 't3.medium.search', InstanceCount: 1, ZoneAwarenessEnabled: false },
          EncryptionAtRestOptions: { Enabled: false },
          NodeToNodeEncryptionOptions: { Enabled: false },
          DomainEndpointOptions: { EnforceHTTPS: false, TLSSecurityPolicy: 'Policy-Min-TLS-1-0-2019-07' },
          AdvancedSecurityOptions: { Enabled: false },
          LogPublishingOptions: {},
          AccessPolicies: domainPolicy(EU, accountId, 'harbor-legacy-logs'),
        }),
      ),
    );
    planted(
      domainArn('harbor-legacy-logs'),
      'opensearch-domain-encrypted-at-rest',
      'opensearch-domain-node-to-node-encrypted',
      'opensearch-domain-tls-required',
      'opensearch-domain-in-vpc',
      'opensearch-domain-not-public',
      'opensearch-domain-access-policy-not-open',
      'opensearch-domain-fine-grained-access-control',
      'opensearch-domain-audit-logging-enabled',
      'opensearch-domain-error-logging-enabled',
      'opensearch-domain-fault-tolerant',
      'opensearch-domain-dedicated-master-nodes',
    );

    await opensearch.send(
      new CreateDomainCommand(
        hardenedDomain('harbor-status', EU, accountId, {
          AccessPolicies: domainPolicy(EU, accountId, 'harbor-status', {
            IpAddress: { 'aws:SourceIp': [OFFICE_RANGE] },
          }),
        }),
      ),
    );
    planted(domainArn('harbor-status'), 'opensearch-domain-in-vpc');
  };

  await Promise.all([caches(), search()]);
  return expected;
};

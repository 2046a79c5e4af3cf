import {
  DescribeCacheClustersCommand,
  DescribeGlobalReplicationGroupsCommand,
  DescribeReplicationGroupsCommand,
  ElastiCacheClient,
} from '@aws-sdk/client-elasticache';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { elasticacheCollectors } from '../../lambdas/core/collectors/elasticache.js';
import { replicationGroup } from '../fixtures/elasticache.js';
import { awsError } from '../helpers/aws-errors.js';
import { runCollector } from '../helpers/collect.js';

const elasticacheMock = mockClient(ElastiCacheClient);

const arn = (kind: string, id: string) => `arn:aws:elasticache:eu-west-1:123456789012:${kind}:${id}`;

beforeEach(() => {
  elasticacheMock.reset();
});

describe('Collector: elasticache.replicationGroups', () => {
  it('pages through DescribeReplicationGroups with the largest page and normalises each group', async () => {
    // Prepare
    elasticacheMock
      .on(DescribeReplicationGroupsCommand)
      .resolvesOnce({
        ReplicationGroups: [
          {
            ReplicationGroupId: 'harbor-carts',
            ARN: arn('replicationgroup', 'harbor-carts'),
            Engine: 'valkey',
            Status: 'available',
            ClusterEnabled: false,
            AutomaticFailover: 'enabled',
            MultiAZ: 'enabled',
            AtRestEncryptionEnabled: true,
            TransitEncryptionEnabled: true,
            TransitEncryptionMode: 'required',
            KmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/k1',
            AuthTokenEnabled: false,
            UserGroupIds: ['harbor-app-users'],
            SnapshotRetentionLimit: 7,
            AutoMinorVersionUpgrade: true,
            MemberClusters: ['harbor-carts-001', 'harbor-carts-002'],
          },
        ],
        Marker: 'page-2',
      })
      .resolvesOnce({ ReplicationGroups: [{ ReplicationGroupId: 'harbor-sessions' }] });

    // Act
    const { value, issues } = await runCollector(elasticacheCollectors['elasticache.replicationGroups'], {
      region: 'eu-west-1',
    });

    // Assess
    expect(issues).toEqual([]);
    expect(elasticacheMock).toHaveReceivedNthCommandWith(DescribeReplicationGroupsCommand, 1, { MaxRecords: 100 });
    expect(elasticacheMock).toHaveReceivedNthCommandWith(DescribeReplicationGroupsCommand, 2, {
      MaxRecords: 100,
      Marker: 'page-2',
    });
    expect(value).toEqual([
      {
        arn: arn('replicationgroup', 'harbor-carts'),
        id: 'harbor-carts',
        region: 'eu-west-1',
        accountId: '123456789012',
        engine: 'valkey',
        status: 'available',
        clusterMode: false,
        automaticFailover: 'enabled',
        multiAz: true,
        atRestEncryptionEnabled: true,
        transitEncryptionEnabled: true,
        transitEncryptionMode: 'required',
        kmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/k1',
        authTokenEnabled: false,
        userGroupIds: ['harbor-app-users'],
        snapshotRetentionLimit: 7,
        autoMinorVersionUpgrade: true,
        memberClusterIds: ['harbor-carts-001', 'harbor-carts-002'],
      },
      {
        // A sparse answer (an older API version): Redis OSS, everything off, upgrades unknown.
        arn: arn('replicationgroup', 'harbor-sessions'),
        id: 'harbor-sessions',
        region: 'eu-west-1',
        accountId: '123456789012',
        engine: 'redis',
        clusterMode: false,
        automaticFailover: 'disabled',
        multiAz: false,
        atRestEncryptionEnabled: false,
        transitEncryptionEnabled: false,
        authTokenEnabled: false,
        userGroupIds: [],
        snapshotRetentionLimit: 0,
        memberClusterIds: [],
      },
    ]);
  });

  it('returns an empty list for a region without replication groups', async () => {
    // Prepare
    elasticacheMock.on(DescribeReplicationGroupsCommand).resolves({ ReplicationGroups: [] });

    // Act
    const { value, issues } = await runCollector(elasticacheCollectors['elasticache.replicationGroups']);

    // Assess
    expect(value).toEqual([]);
    expect(issues).toEqual([]);
  });

  it('lets an AccessDenied throw, so the engine records a collection issue for the region', async () => {
    // Prepare
    elasticacheMock
      .on(DescribeReplicationGroupsCommand)
      .rejects(awsError('query', 'AccessDenied', { status: 403, message: 'not authorized' }));

    // Act
    const collecting = runCollector(elasticacheCollectors['elasticache.replicationGroups']);

    // Assess
    await expect(collecting).rejects.toMatchObject({ name: 'AccessDenied', Code: 'AccessDenied' });
  });
});

describe('Collector: elasticache.cacheClusters', () => {
  it('asks for no node details, pages through and normalises each cluster', async () => {
    // Prepare
    elasticacheMock
      .on(DescribeCacheClustersCommand)
      .resolvesOnce({
        CacheClusters: [
          {
            CacheClusterId: 'harbor-fragments',
            ARN: arn('cluster', 'harbor-fragments'),
            Engine: 'memcached',
            EngineVersion: '1.6.22',
            CacheClusterStatus: 'available',
            CacheNodeType: 'cache.t4g.small',
            NumCacheNodes: 2,
            CacheSubnetGroupName: 'harbor-private-cache',
            TransitEncryptionEnabled: true,
            AutoMinorVersionUpgrade: false,
          },
        ],
        Marker: 'page-2',
      })
      .resolvesOnce({
        CacheClusters: [
          {
            CacheClusterId: 'harbor-carts-001',
            ARN: arn('cluster', 'harbor-carts-001'),
            Engine: 'valkey',
            EngineVersion: '7.2',
            ReplicationGroupId: 'harbor-carts',
            CacheSubnetGroupName: 'default',
            AtRestEncryptionEnabled: true,
            AuthTokenEnabled: true,
            SnapshotRetentionLimit: 7,
          },
        ],
      });

    // Act
    const { value } = await runCollector(elasticacheCollectors['elasticache.cacheClusters'], { region: 'eu-west-1' });

    // Assess
    expect(elasticacheMock).toHaveReceivedNthCommandWith(DescribeCacheClustersCommand, 1, {
      MaxRecords: 100,
      ShowCacheNodeInfo: false,
    });
    expect(elasticacheMock).toHaveReceivedNthCommandWith(DescribeCacheClustersCommand, 2, {
      MaxRecords: 100,
      ShowCacheNodeInfo: false,
      Marker: 'page-2',
    });
    expect(value).toEqual([
      {
        arn: arn('cluster', 'harbor-fragments'),
        id: 'harbor-fragments',
        region: 'eu-west-1',
        accountId: '123456789012',
        engine: 'memcached',
        engineVersion: '1.6.22',
        status: 'available',
        cacheNodeType: 'cache.t4g.small',
        numCacheNodes: 2,
        cacheSubnetGroupName: 'harbor-private-cache',
        atRestEncryptionEnabled: false,
        transitEncryptionEnabled: true,
        authTokenEnabled: false,
        snapshotRetentionLimit: 0,
        autoMinorVersionUpgrade: false,
      },
      {
        arn: arn('cluster', 'harbor-carts-001'),
        id: 'harbor-carts-001',
        region: 'eu-west-1',
        accountId: '123456789012',
        engine: 'valkey',
        engineVersion: '7.2',
        replicationGroupId: 'harbor-carts',
        cacheSubnetGroupName: 'default',
        atRestEncryptionEnabled: true,
        transitEncryptionEnabled: false,
        authTokenEnabled: true,
        snapshotRetentionLimit: 7,
      },
    ]);
  });

  it('lets an AccessDenied throw', async () => {
    // Prepare
    elasticacheMock.on(DescribeCacheClustersCommand).rejects(awsError('query', 'AccessDenied', { status: 403 }));

    // Act
    const collecting = runCollector(elasticacheCollectors['elasticache.cacheClusters']);

    // Assess
    await expect(collecting).rejects.toThrow('AccessDenied');
  });
});

describe('Collector: elasticache.globalDatastores', () => {
  it('lists the members of the Global datastores where a replication group belongs to one', async () => {
    // Prepare
    elasticacheMock.on(DescribeGlobalReplicationGroupsCommand).resolves({
      GlobalReplicationGroups: [
        {
          GlobalReplicationGroupId: 'ldgnf-harbor-sessions',
          Members: [
            { ReplicationGroupId: 'harbor-sessions', ReplicationGroupRegion: 'eu-west-1', Role: 'PRIMARY' },
            { ReplicationGroupId: 'harbor-sessions-apac', ReplicationGroupRegion: 'ap-southeast-1', Role: 'SECONDARY' },
          ],
        },
      ],
    });
    const dependencies = {
      'elasticache.replicationGroups': [
        replicationGroup('harbor-sessions', { region: 'eu-west-1', globalDatastoreId: 'ldgnf-harbor-sessions' }),
      ],
    };

    // Act
    const { value } = await runCollector(elasticacheCollectors['elasticache.globalDatastores'], {
      region: 'eu-west-1',
      dependencies,
    });

    // Assess
    expect(elasticacheMock).toHaveReceivedCommandWith(DescribeGlobalReplicationGroupsCommand, { ShowMemberInfo: true });
    expect(value).toEqual([
      {
        id: 'ldgnf-harbor-sessions',
        region: 'eu-west-1',
        members: [
          { replicationGroupId: 'harbor-sessions', region: 'eu-west-1', role: 'PRIMARY' },
          { replicationGroupId: 'harbor-sessions-apac', region: 'ap-southeast-1', role: 'SECONDARY' },
        ],
      },
    ]);
  });

  it('makes no call in a region where no replication group belongs to a Global datastore', async () => {
    // Prepare
    const dependencies = {
      'elasticache.replicationGroups': [replicationGroup('harbor-carts', { region: 'eu-west-1' })],
    };

    // Act
    const { value } = await runCollector(elasticacheCollectors['elasticache.globalDatastores'], {
      region: 'eu-west-1',
      dependencies,
    });

    // Assess
    expect(value).toEqual([]);
    expect(elasticacheMock).toHaveReceivedCommandTimes(DescribeGlobalReplicationGroupsCommand, 0);
  });
});

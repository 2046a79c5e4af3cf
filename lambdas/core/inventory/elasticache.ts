import type { AwsResource } from './common.js';

/**
 * A Valkey or Redis OSS replication group: what the ElastiCache console calls a Valkey or Redis OSS
 * cluster, with one node group (cluster mode disabled) or several shards (cluster mode enabled).
 * Security settings live here, not on the member cache clusters.
 */
export interface CacheReplicationGroup extends AwsResource {
  /** `redis` or `valkey`; replication groups exist for these engines only. */
  engine: string;
  status?: string;
  clusterMode: boolean;
  /** `enabled`, `disabled`, `enabling`, `disabling`. */
  automaticFailover: string;
  multiAz: boolean;
  atRestEncryptionEnabled: boolean;
  transitEncryptionEnabled: boolean;
  /** `preferred` accepts plaintext clients too while a migration to TLS is under way; `required` does not. */
  transitEncryptionMode?: string;
  kmsKeyId?: string;
  authTokenEnabled: boolean;
  /** RBAC user groups (Valkey and Redis OSS 6.0 and later). */
  userGroupIds: readonly string[];
  /** Days automatic backups are kept; 0 means automatic backups are off. */
  snapshotRetentionLimit: number;
  /** Absent when the API does not report it (it is then read from the member clusters). */
  autoMinorVersionUpgrade?: boolean;
  memberClusterIds: readonly string[];
  /** The Global datastore the group belongs to, whose other members hold copies of its data in other regions. */
  globalDatastoreId?: string;
}

/**
 * A cache cluster as DescribeCacheClusters lists it: a Memcached cluster, a standalone single-node
 * Redis OSS cluster, or one node of a replication group (`replicationGroupId` set).
 */
export interface CacheCluster extends AwsResource {
  /** `memcached`, `redis` or `valkey`. */
  engine: string;
  engineVersion?: string;
  status?: string;
  cacheNodeType?: string;
  numCacheNodes?: number;
  replicationGroupId?: string;
  /** Absent when the API reports none. */
  cacheSubnetGroupName?: string;
  atRestEncryptionEnabled: boolean;
  transitEncryptionEnabled: boolean;
  transitEncryptionMode?: string;
  authTokenEnabled: boolean;
  snapshotRetentionLimit: number;
  autoMinorVersionUpgrade?: boolean;
}

/** A Global datastore (DescribeGlobalReplicationGroups): the replication groups, in several regions, that share its data. */
export interface CacheGlobalDatastore {
  id: string;
  /** The region it was listed in. */
  region: string;
  members: readonly { replicationGroupId: string; region: string; role?: string }[];
}

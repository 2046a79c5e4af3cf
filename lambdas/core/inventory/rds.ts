import type { AwsResource } from './common.js';

export interface DbInstance extends AwsResource {
  engine: string;
  engineVersion?: string;
  instanceClass?: string;
  status?: string;
  publiclyAccessible: boolean;
  storageEncrypted: boolean;
  kmsKeyId?: string;
  backupRetentionPeriod: number;
  deletionProtection: boolean;
  multiAz: boolean;
  autoMinorVersionUpgrade: boolean;
  iamDatabaseAuthenticationEnabled: boolean;
  enabledCloudwatchLogsExports: readonly string[];
  /** Set for Aurora (and Multi-AZ DB cluster) members: several settings then live on the cluster. */
  clusterIdentifier?: string;
  vpcSecurityGroupIds: readonly string[];
  vpcId?: string;
  subnetIds: readonly string[];
  /** The port the endpoint listens on. */
  port?: number;
  /** Set on a read replica: the source DB instance or cluster (identifier, or ARN when in another region). */
  readReplicaSource?: string;
}

export interface DbCluster extends AwsResource {
  engine: string;
  storageEncrypted: boolean;
  kmsKeyId?: string;
  deletionProtection: boolean;
  multiAz: boolean;
  backupRetentionPeriod: number;
  iamDatabaseAuthenticationEnabled: boolean;
  /** For Aurora, log exports are configured on the cluster, not on its instances. */
  enabledCloudwatchLogsExports: readonly string[];
  memberInstanceIds: readonly string[];
}

export interface DbSnapshotBase extends AwsResource {
  /** `manual`, `automated`, `shared`, `public`, `awsbackup`. */
  snapshotType: string;
  encrypted: boolean;
  /** From the `restore` attribute (manual snapshots only; automated snapshots cannot be shared). */
  public: boolean;
  sharedWithAccounts: readonly string[];
}

export interface DbSnapshot extends DbSnapshotBase {
  instanceIdentifier?: string;
}

export interface DbClusterSnapshot extends DbSnapshotBase {
  clusterIdentifier?: string;
}

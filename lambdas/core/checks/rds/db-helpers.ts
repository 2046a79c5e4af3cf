import type { DbCluster, DbClusterSnapshot, DbInstance, DbSnapshot, DbSnapshotBase } from '../../inventory/index.js';
import type { CheckResult } from '../define-check.js';

export const instanceLabel = (db: DbInstance): string => `RDS DB instance ${db.id} (${db.engine})`;

export const clusterLabel = (cluster: DbCluster): string => `RDS DB cluster ${cluster.id} (${cluster.engine})`;

/**
 * Aurora instances and the instances of a Multi-AZ DB cluster belong to a cluster, which holds
 * their storage encryption, backup retention, deletion protection, IAM authentication and log
 * exports; the instance-level fields of those settings are not meaningful for them.
 */
export const isClusterMember = (db: DbInstance): boolean => db.clusterIdentifier !== undefined;

export const clusterOf = (db: DbInstance, clusters: readonly DbCluster[]): DbCluster | undefined =>
  clusters.find((c) => c.id === db.clusterIdentifier && c.region === db.region && c.accountId === db.accountId);

type ClusterLevelSettings = Pick<
  DbInstance,
  'backupRetentionPeriod' | 'iamDatabaseAuthenticationEnabled' | 'enabledCloudwatchLogsExports'
>;

/**
 * The settings that govern an instance: its own, or its cluster's for a cluster member, with the
 * subject of a sentence about them ("RDS DB instance a (mysql)" or "RDS DB instance b
 * (aurora-mysql) is in cluster c, which"). Undefined when the member's cluster is not in the
 * inventory, so the check leaves the instance out rather than guessing.
 */
function governingSettings(
  db: DbInstance,
  clusters: readonly DbCluster[],
): { subject: string; settings: ClusterLevelSettings } | undefined {
  if (!isClusterMember(db)) return { subject: instanceLabel(db), settings: db };
  const cluster = clusterOf(db, clusters);
  return cluster && { subject: `${instanceLabel(db)} is in cluster ${cluster.id}, which`, settings: cluster };
}

/**
 * One result per instance the check applies to, judged on the settings that govern it (see
 * {@link governingSettings}); a member whose cluster is not in the inventory gets none.
 */
export const judgeGoverned = (
  instances: readonly DbInstance[],
  clusters: readonly DbCluster[],
  applies: (db: DbInstance) => boolean,
  judge: (db: DbInstance, subject: string, settings: ClusterLevelSettings) => CheckResult,
): CheckResult[] =>
  instances.filter(applies).flatMap((db) => {
    const governing = governingSettings(db, clusters);
    return governing ? [judge(db, governing.subject, governing.settings)] : [];
  });

export interface LabelledSnapshot {
  snapshot: DbSnapshotBase;
  label: string;
}

/** DB snapshots and cluster snapshots together, each with a label naming its kind. */
export const labelledSnapshots = (
  snapshots: readonly DbSnapshot[],
  clusterSnapshots: readonly DbClusterSnapshot[],
): LabelledSnapshot[] => [
  ...snapshots.map((snapshot) => ({ snapshot, label: `RDS DB snapshot ${snapshot.id}` })),
  ...clusterSnapshots.map((snapshot) => ({ snapshot, label: `RDS DB cluster snapshot ${snapshot.id}` })),
];

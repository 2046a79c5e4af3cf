import type { DbCluster, DbInstance } from '../../inventory/index.js';
import { defineCheck } from '../define-check.js';
import { type BackupTarget, backupCoverageResult } from '../shared/backup-coverage.js';
import { clusterOf, instanceLabel, isClusterMember } from './db-helpers.js';

/**
 * What a backup selection must pick to protect the instance. AWS Backup backs up Aurora (and
 * Multi-AZ DB clusters) cluster by cluster, so a member is covered when its cluster is selected,
 * by the cluster's ARN or tags. Undefined when the member's cluster is not in the inventory.
 */
function backupTargetOf(db: DbInstance, clusters: readonly DbCluster[]): BackupTarget | undefined {
  if (!isClusterMember(db)) return { arn: db.arn, region: db.region, tags: db.tags ?? {} };
  const cluster = clusterOf(db, clusters);
  return (
    cluster && { arn: cluster.arn, region: cluster.region, tags: cluster.tags ?? {}, via: `its cluster ${cluster.id}` }
  );
}

export const rdsInstanceInBackupPlan = defineCheck({
  id: 'rds-instance-in-backup-plan',
  title: 'RDS DB instances are protected by an AWS Backup plan',
  service: 'rds',
  resourceType: 'AwsRdsDbInstance',
  srmClass: 'container',
  obligation: 'backup-recovery',
  severity: 'medium',
  requires: ['rds.instances', 'rds.clusters', 'backup.plans'],
  compliance: [{ framework: 'aws-fsbp', control: 'RDS.26' }],
  risk: 'Automated RDS backups live and die with the instance’s account and settings; without a backup plan there are no retention rules, vault lock or cross-account copies to recover from after a deletion or a compromise.',
  remediation: {
    text: 'Assign the instance to a backup plan in its region, by ARN or by a tag the plan selects. AWS Backup protects Aurora at the cluster level, so for an Aurora instance assign its cluster.',
    cli: 'aws backup create-backup-selection --backup-plan-id <plan-id> --backup-selection \'{"SelectionName":"<name>","IamRoleArn":"<backup-role-arn>","Resources":["<db-instance-arn>"]}\'',
    url: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/assigning-resources.html',
  },
  evaluate: ({ rds, backup }) =>
    rds.instances.flatMap((db) => {
      const target = backupTargetOf(db, rds.clusters);
      return target ? [backupCoverageResult(db, instanceLabel(db), [target], backup.plans)] : [];
    }),
});

import { defineCheck, verdict } from '../define-check.js';
import { judgeGoverned } from './db-helpers.js';

const days = (n: number): string => `${n} day${n === 1 ? '' : 's'}`;

export const rdsInstanceBackupEnabled = defineCheck({
  id: 'rds-instance-backup-enabled',
  title: 'RDS DB instances keep automated backups for at least the minimum retention period',
  service: 'rds',
  resourceType: 'AwsRdsDbInstance',
  srmClass: 'container',
  obligation: 'backup-recovery',
  severity: 'medium',
  requires: ['rds.instances', 'rds.clusters'],
  settings: ['minBackupRetentionDays'],
  compliance: [{ framework: 'aws-fsbp', control: 'RDS.11' }],
  risk: 'Without automated backups, or with too short a retention, a bad migration, a deleted table or ransomware cannot be undone by a point-in-time restore to before the damage.',
  remediation: {
    text: 'Set the backup retention period to at least the minimum. For an Aurora instance the retention is the cluster’s: change it with modify-db-cluster. Read replicas are not evaluated: their source keeps the backups.',
    cli: 'aws rds modify-db-instance --db-instance-identifier <db-instance-id> --backup-retention-period <days> --apply-immediately',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html',
  },
  evaluate: ({ rds }, settings) => {
    const minimum = settings.minBackupRetentionDays;
    return judgeGoverned(
      rds.instances,
      rds.clusters,
      (db) => db.readReplicaSource === undefined,
      (db, subject, { backupRetentionPeriod: retention }) =>
        verdict(
          retention >= minimum,
          db,
          `${subject} keeps automated backups for ${days(retention)} (minimum ${days(minimum)}).`,
          retention === 0
            ? `${subject} has automated backups turned off (retention 0 days; minimum ${days(minimum)}).`
            : `${subject} keeps automated backups for only ${days(retention)} (minimum ${days(minimum)}).`,
        ),
    );
  },
});

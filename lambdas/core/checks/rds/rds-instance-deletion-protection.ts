import { defineCheck, verdict } from '../define-check.js';
import { instanceLabel, isClusterMember } from './db-helpers.js';

export const rdsInstanceDeletionProtection = defineCheck({
  id: 'rds-instance-deletion-protection',
  title: 'RDS DB instances have deletion protection enabled',
  service: 'rds',
  resourceType: 'AwsRdsDbInstance',
  srmClass: 'container',
  obligation: 'backup-recovery',
  severity: 'low',
  requires: ['rds.instances'],
  compliance: [{ framework: 'aws-fsbp', control: 'RDS.8' }],
  risk: 'Without deletion protection a single mistaken or malicious delete-db-instance call removes the database, and its automated backups go with it unless a final snapshot is taken.',
  remediation: {
    text: 'Enable deletion protection. Aurora instances are not evaluated here: a cluster’s deletion protection is set on the cluster (rds-cluster-deletion-protection).',
    cli: 'aws rds modify-db-instance --db-instance-identifier <db-instance-id> --deletion-protection --apply-immediately',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeletionProtection',
  },
  evaluate: ({ rds }) =>
    rds.instances
      .filter((db) => !isClusterMember(db))
      .map((db) =>
        verdict(
          db.deletionProtection,
          db,
          `${instanceLabel(db)} has deletion protection enabled.`,
          `${instanceLabel(db)} has deletion protection disabled.`,
        ),
      ),
});

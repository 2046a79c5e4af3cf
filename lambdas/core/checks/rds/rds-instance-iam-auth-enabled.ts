import { defineCheck, verdict } from '../define-check.js';
import { judgeGoverned } from './db-helpers.js';

/** IAM database authentication exists for the MySQL, MariaDB and PostgreSQL engine families (Aurora included). */
const supportsIamAuth = (engine: string): boolean => /^(mysql|mariadb|postgres|aurora)/.test(engine);

export const rdsInstanceIamAuthEnabled = defineCheck({
  id: 'rds-instance-iam-auth-enabled',
  title: 'RDS DB instances accept IAM database authentication',
  service: 'rds',
  resourceType: 'AwsRdsDbInstance',
  srmClass: 'container',
  obligation: 'least-privilege',
  severity: 'medium',
  requires: ['rds.instances', 'rds.clusters'],
  compliance: [{ framework: 'aws-fsbp', control: 'RDS.10' }],
  risk: 'Without IAM authentication every client needs a long-lived database password, which gets copied into configuration and code and is rarely rotated; IAM tokens expire after 15 minutes and are granted by policy.',
  remediation: {
    text: 'Enable IAM database authentication and move applications to IAM tokens (rds generate-db-auth-token). For an Aurora instance the setting is the cluster’s (modify-db-cluster --enable-iam-database-authentication). Engines without IAM authentication (Oracle, SQL Server, Db2) are not evaluated.',
    cli: 'aws rds modify-db-instance --db-instance-identifier <db-instance-id> --enable-iam-database-authentication --apply-immediately',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.Enabling.html',
  },
  evaluate: ({ rds }) =>
    judgeGoverned(
      rds.instances,
      rds.clusters,
      (db) => supportsIamAuth(db.engine),
      (db, subject, settings) =>
        verdict(
          settings.iamDatabaseAuthenticationEnabled,
          db,
          `${subject} accepts IAM database authentication.`,
          `${subject} does not accept IAM database authentication (passwords only).`,
        ),
    ),
});

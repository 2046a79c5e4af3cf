import { defineCheck, verdict } from '../define-check.js';
import { instanceLabel } from './db-helpers.js';

export const rdsInstanceMinorUpgradeEnabled = defineCheck({
  id: 'rds-instance-minor-upgrade-enabled',
  title: 'RDS DB instances apply minor engine version upgrades automatically',
  service: 'rds',
  resourceType: 'AwsRdsDbInstance',
  srmClass: 'container',
  obligation: 'os-and-platform',
  severity: 'high',
  requires: ['rds.instances'],
  compliance: [
    { framework: 'aws-fsbp', control: 'RDS.13' },
    { framework: 'cis-aws-3.0', control: '2.3.2' },
    { framework: 'cis-aws-4.0', control: '2.2.2' },
  ],
  risk: 'AWS patches the database engine only when allowed to: with automatic minor upgrades off, security fixes wait until someone schedules them by hand.',
  remediation: {
    text: 'Turn on automatic minor version upgrades so they are applied in the maintenance window. The setting is per instance, Aurora instances included.',
    cli: 'aws rds modify-db-instance --db-instance-identifier <db-instance-id> --auto-minor-version-upgrade --apply-immediately',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Upgrading.html',
  },
  evaluate: ({ rds }) =>
    rds.instances.map((db) =>
      verdict(
        db.autoMinorVersionUpgrade,
        db,
        `${instanceLabel(db)} applies minor engine upgrades automatically.`,
        `${instanceLabel(db)} has automatic minor version upgrades turned off.`,
      ),
    ),
});

import { defineCheck, verdict } from '../define-check.js';
import { instanceLabel, isClusterMember } from './db-helpers.js';

export const rdsInstanceMultiAz = defineCheck({
  id: 'rds-instance-multi-az',
  title: 'RDS DB instances are deployed across multiple Availability Zones',
  service: 'rds',
  resourceType: 'AwsRdsDbInstance',
  srmClass: 'container',
  obligation: 'backup-recovery',
  severity: 'medium',
  requires: ['rds.instances'],
  compliance: [
    { framework: 'aws-fsbp', control: 'RDS.5' },
    { framework: 'cis-aws-4.0', control: '2.2.4' },
  ],
  risk: 'A Single-AZ instance is down for as long as its Availability Zone or host is, and recovering it means a restore from backup with the data written since the last backup at risk.',
  remediation: {
    text: 'Convert the instance to a Multi-AZ deployment (a standby in another Availability Zone with synchronous replication). Cluster instances (Aurora, Multi-AZ DB clusters) are not evaluated: their storage spans Availability Zones and failover depends on the cluster’s replicas.',
    cli: 'aws rds modify-db-instance --db-instance-identifier <db-instance-id> --multi-az --apply-immediately',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZSingleStandby.html',
  },
  evaluate: ({ rds }) =>
    rds.instances
      .filter((db) => !isClusterMember(db))
      .map((db) =>
        verdict(
          db.multiAz,
          db,
          `${instanceLabel(db)} is a Multi-AZ deployment.`,
          `${instanceLabel(db)} runs in a single Availability Zone.`,
        ),
      ),
});

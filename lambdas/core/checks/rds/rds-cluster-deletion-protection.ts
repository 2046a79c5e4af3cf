import { defineCheck, verdict } from '../define-check.js';
import { clusterLabel } from './db-helpers.js';

export const rdsClusterDeletionProtection = defineCheck({
  id: 'rds-cluster-deletion-protection',
  title: 'RDS DB clusters have deletion protection enabled',
  service: 'rds',
  resourceType: 'AwsRdsDbCluster',
  srmClass: 'container',
  obligation: 'backup-recovery',
  severity: 'low',
  requires: ['rds.clusters'],
  compliance: [{ framework: 'aws-fsbp', control: 'RDS.7' }],
  risk: 'Without deletion protection one delete-db-cluster call, from a script or a compromised role, removes the cluster and its automated backups.',
  remediation: {
    text: 'Enable deletion protection on the cluster.',
    cli: 'aws rds modify-db-cluster --db-cluster-identifier <cluster-id> --deletion-protection --apply-immediately',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/USER_DeleteCluster.html#USER_DeletionProtection',
  },
  evaluate: ({ rds }) =>
    rds.clusters.map((cluster) =>
      verdict(
        cluster.deletionProtection,
        cluster,
        `${clusterLabel(cluster)} has deletion protection enabled.`,
        `${clusterLabel(cluster)} has deletion protection disabled.`,
      ),
    ),
});

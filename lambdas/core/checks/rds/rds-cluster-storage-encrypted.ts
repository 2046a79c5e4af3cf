import { defineCheck, verdict } from '../define-check.js';
import { clusterLabel } from './db-helpers.js';

export const rdsClusterStorageEncrypted = defineCheck({
  id: 'rds-cluster-storage-encrypted',
  title: 'RDS DB clusters encrypt their storage at rest',
  service: 'rds',
  resourceType: 'AwsRdsDbCluster',
  srmClass: 'container',
  obligation: 'data-protection',
  severity: 'medium',
  requires: ['rds.clusters'],
  compliance: [{ framework: 'aws-fsbp', control: 'RDS.27' }],
  risk: 'An unencrypted cluster volume, and every snapshot and clone made from it, can be read by whoever gets a copy, with no KMS key policy or key audit trail in the way.',
  remediation: {
    text: 'Encryption is fixed at creation: snapshot the cluster, restore the snapshot into a new cluster with a KMS key, then move the application to the new cluster endpoint.',
    cli: 'aws rds restore-db-cluster-from-snapshot --db-cluster-identifier <new-cluster-id> --snapshot-identifier <cluster-snapshot-id> --engine <engine> --kms-key-id <kms-key-id>',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html',
  },
  evaluate: ({ rds }) =>
    rds.clusters.map((cluster) =>
      verdict(
        cluster.storageEncrypted,
        cluster,
        `${clusterLabel(cluster)} encrypts its storage${cluster.kmsKeyId ? ` with KMS key ${cluster.kmsKeyId}` : ''}.`,
        `${clusterLabel(cluster)} does not encrypt its storage at rest.`,
      ),
    ),
});

import { defineCheck, verdict } from '../define-check.js';
import { labelledSnapshots } from './db-helpers.js';

export const rdsSnapshotEncrypted = defineCheck({
  id: 'rds-snapshot-encrypted',
  title: 'RDS DB and cluster snapshots are encrypted at rest',
  service: 'rds',
  resourceType: 'AwsRdsDbSnapshot',
  srmClass: 'container',
  obligation: 'data-protection',
  severity: 'medium',
  requires: ['rds.snapshots', 'rds.clusterSnapshots'],
  compliance: [{ framework: 'aws-fsbp', control: 'RDS.4' }],
  risk: 'An unencrypted snapshot is a full copy of the database that can be copied, shared or restored without any KMS key permission, and it outlives the instance it came from.',
  remediation: {
    text: 'Copy the snapshot with a KMS key, check the copy, then delete the unencrypted original (for a cluster snapshot use copy-db-cluster-snapshot). Automated snapshots are not listed here: they follow the encryption of their instance or cluster, which the storage-encryption checks report.',
    cli: 'aws rds copy-db-snapshot --source-db-snapshot-identifier <snapshot-id> --target-db-snapshot-identifier <snapshot-id>-encrypted --kms-key-id <kms-key-id>',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_CopySnapshot.html',
  },
  evaluate: ({ rds }) =>
    labelledSnapshots(rds.snapshots, rds.clusterSnapshots)
      .filter(({ snapshot }) => snapshot.snapshotType !== 'automated')
      .map(({ snapshot, label }) =>
        verdict(
          snapshot.encrypted,
          snapshot,
          `${label} (${snapshot.snapshotType}) is encrypted.`,
          `${label} (${snapshot.snapshotType}) is not encrypted.`,
        ),
      ),
});

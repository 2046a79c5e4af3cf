import { defineCheck, verdict } from '../define-check.js';
import { labelledSnapshots } from './db-helpers.js';

export const rdsSnapshotNotPublic = defineCheck({
  id: 'rds-snapshot-not-public',
  title: 'Manual RDS DB and cluster snapshots are not public',
  service: 'rds',
  resourceType: 'AwsRdsDbSnapshot',
  srmClass: 'container',
  obligation: 'public-exposure',
  severity: 'critical',
  requires: ['rds.snapshots', 'rds.clusterSnapshots'],
  compliance: [{ framework: 'aws-fsbp', control: 'RDS.1' }],
  risk: 'Any AWS account can restore a public snapshot into a database of its own and read every row, with no trace in your account.',
  remediation: {
    text: 'Remove the value all from the snapshot’s restore attribute and share it with named accounts only (for a cluster snapshot use modify-db-cluster-snapshot-attribute).',
    cli: 'aws rds modify-db-snapshot-attribute --db-snapshot-identifier <snapshot-id> --attribute-name restore --values-to-remove all',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ShareSnapshot.html',
  },
  // Only manual snapshots can be shared; automated ones are never restorable by other accounts.
  evaluate: ({ rds }) =>
    labelledSnapshots(rds.snapshots, rds.clusterSnapshots)
      .filter(({ snapshot }) => snapshot.snapshotType === 'manual')
      .map(({ snapshot, label }) => {
        const shared = snapshot.sharedWithAccounts.length
          ? ` It is shared with account(s) ${snapshot.sharedWithAccounts.join(', ')}.`
          : '';
        return verdict(
          !snapshot.public,
          snapshot,
          `${label} is not public.${shared}`,
          `${label} is public: its restore attribute includes all, so any AWS account can restore it.${shared}`,
        );
      }),
});

import { defineCheck, verdict } from '../define-check.js';
import { instanceLabel, isClusterMember } from './db-helpers.js';

export const rdsInstanceStorageEncrypted = defineCheck({
  id: 'rds-instance-storage-encrypted',
  title: 'RDS DB instances encrypt their storage at rest',
  service: 'rds',
  resourceType: 'AwsRdsDbInstance',
  srmClass: 'container',
  obligation: 'data-protection',
  severity: 'medium',
  requires: ['rds.instances'],
  compliance: [
    { framework: 'aws-fsbp', control: 'RDS.3' },
    { framework: 'cis-aws-3.0', control: '2.3.1' },
    { framework: 'cis-aws-4.0', control: '2.2.1' },
  ],
  risk: 'Unencrypted storage leaves the data, its automated backups, read replicas and snapshots readable to anyone who obtains a copy of the underlying volumes or snapshots, without any KMS key policy to stop them.',
  remediation: {
    text: 'Encryption can only be chosen at creation: snapshot the instance, copy the snapshot with a KMS key, restore a new instance from the encrypted copy and switch the application over. Aurora instances are not evaluated here: their encryption belongs to the cluster (rds-cluster-storage-encrypted).',
    cli: 'aws rds copy-db-snapshot --source-db-snapshot-identifier <snapshot-id> --target-db-snapshot-identifier <snapshot-id>-encrypted --kms-key-id <kms-key-id>',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html',
  },
  evaluate: ({ rds }) =>
    rds.instances
      .filter((db) => !isClusterMember(db))
      .map((db) =>
        verdict(
          db.storageEncrypted,
          db,
          `${instanceLabel(db)} encrypts its storage${db.kmsKeyId ? ` with KMS key ${db.kmsKeyId}` : ''}.`,
          `${instanceLabel(db)} does not encrypt its storage at rest.`,
        ),
      ),
});

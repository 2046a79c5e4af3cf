import { defineCheck, verdict } from '../define-check.js';
import { labelOf } from './labels.js';

export const ec2EbsSnapshotEncrypted = defineCheck({
  id: 'ec2-ebs-snapshot-encrypted',
  title: 'EBS snapshots are encrypted',
  service: 'ec2',
  resourceType: 'AwsEc2Snapshot',
  srmClass: 'infrastructure',
  obligation: 'data-protection',
  severity: 'medium',
  requires: ['ec2.snapshots'],
  compliance: [],
  risk: 'An unencrypted snapshot is a full copy of a disk that anyone it is shared with, by mistake or on purpose, can restore and read.',
  remediation: {
    text: 'Copy the snapshot with encryption under a KMS key, update whatever references it (AMIs, backup plans), then delete the unencrypted original.',
    cli: 'aws ec2 copy-snapshot --source-region <region> --source-snapshot-id <snapshot-id> --encrypted --kms-key-id <kms-key-id> --region <region>',
    url: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
  },
  evaluate: ({ ec2 }) =>
    ec2.snapshots.map((snapshot) =>
      verdict(
        snapshot.encrypted,
        snapshot,
        `EBS snapshot ${labelOf(snapshot)} is encrypted.`,
        `EBS snapshot ${labelOf(snapshot)}${snapshot.volumeId ? ` of ${snapshot.volumeId}` : ''} is not encrypted.`,
      ),
    ),
});

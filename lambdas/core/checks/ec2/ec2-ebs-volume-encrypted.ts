import { defineCheck, verdict } from '../define-check.js';
import { labelOf } from './labels.js';

export const ec2EbsVolumeEncrypted = defineCheck({
  id: 'ec2-ebs-volume-encrypted',
  title: 'EBS volumes are encrypted at rest',
  service: 'ec2',
  resourceType: 'AwsEc2Volume',
  srmClass: 'infrastructure',
  obligation: 'data-protection',
  severity: 'medium',
  requires: ['ec2.volumes'],
  compliance: [{ framework: 'aws-fsbp', control: 'EC2.3' }],
  risk: 'An unencrypted volume, and every snapshot taken from it, can be read by anyone who obtains a copy, with no KMS key policy standing in the way.',
  remediation: {
    text: 'Volumes cannot be encrypted in place: snapshot the volume, copy the snapshot with encryption, create a new volume from it and swap it in; turn on EBS encryption by default to stop new unencrypted volumes.',
    cli: 'aws ec2 copy-snapshot --source-region <region> --source-snapshot-id <snapshot-of-the-volume> --encrypted --kms-key-id <kms-key-id> --region <region>',
    url: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
  },
  evaluate: ({ ec2 }) =>
    ec2.volumes.map((volume) => {
      const attached =
        volume.attachedInstanceIds.length > 0 ? `attached to ${volume.attachedInstanceIds.join(', ')}` : 'not attached';
      return verdict(
        volume.encrypted,
        volume,
        `EBS volume ${labelOf(volume)} is encrypted${volume.kmsKeyId ? ` with ${volume.kmsKeyId}` : ''}.`,
        `EBS volume ${labelOf(volume)}, ${attached}, is not encrypted.`,
      );
    }),
});

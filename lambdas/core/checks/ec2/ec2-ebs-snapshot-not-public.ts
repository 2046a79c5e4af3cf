import { defineCheck, verdict } from '../define-check.js';
import { labelOf } from './labels.js';

export const ec2EbsSnapshotNotPublic = defineCheck({
  id: 'ec2-ebs-snapshot-not-public',
  title: 'EBS snapshots are not publicly restorable',
  service: 'ec2',
  resourceType: 'AwsEc2Snapshot',
  srmClass: 'infrastructure',
  obligation: 'public-exposure',
  severity: 'critical',
  requires: ['ec2.snapshots'],
  compliance: [{ framework: 'aws-fsbp', control: 'EC2.1' }],
  risk: 'Any AWS account can create a volume from a public snapshot and read the whole disk: files, databases, keys and credentials it held.',
  remediation: {
    text: 'Remove the `all` group from the snapshot’s create-volume permission; share with named accounts only when needed.',
    cli: 'aws ec2 modify-snapshot-attribute --snapshot-id <snapshot-id> --attribute createVolumePermission --operation-type remove --group-names all --region <region>',
    url: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-modifying-snapshot-permissions.html',
  },
  evaluate: ({ ec2 }) =>
    ec2.snapshots
      // Undefined: the permission could not be read; the engine reports that snapshot as ERROR.
      .filter((snapshot) => snapshot.public !== undefined)
      .map((snapshot) =>
        verdict(
          snapshot.public === false,
          snapshot,
          `EBS snapshot ${labelOf(snapshot)} is not shared publicly.`,
          `EBS snapshot ${labelOf(snapshot)}${snapshot.volumeId ? ` of ${snapshot.volumeId}` : ''} can be restored by every AWS account (createVolumePermission group all).`,
        ),
      ),
});

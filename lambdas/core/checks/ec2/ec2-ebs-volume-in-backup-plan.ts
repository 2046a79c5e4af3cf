import { defineCheck } from '../define-check.js';
import { type BackupTarget, backupCoverageResult } from '../shared/backup-coverage.js';

export const ec2EbsVolumeInBackupPlan = defineCheck({
  id: 'ec2-ebs-volume-in-backup-plan',
  title: 'EBS volumes are protected by an AWS Backup plan',
  service: 'ec2',
  resourceType: 'AwsEc2Volume',
  srmClass: 'infrastructure',
  obligation: 'backup-recovery',
  severity: 'low',
  requires: ['ec2.volumes', 'ec2.instances', 'backup.plans'],
  compliance: [{ framework: 'aws-fsbp', control: 'EC2.28' }],
  risk: 'A volume that no backup plan covers has no scheduled snapshots with enforced retention, so a deleted volume, a failed host or encrypted-by-ransomware data cannot be restored.',
  remediation: {
    text: 'Assign the volume, or the instance it is attached to (an instance backup includes its EBS volumes), to a backup plan in its region, by ARN or by a tag the plan selects.',
    cli: 'aws backup create-backup-selection --backup-plan-id <plan-id> --backup-selection \'{"SelectionName":"<name>","IamRoleArn":"<backup-role-arn>","Resources":["<volume-arn>"]}\'',
    url: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/assigning-resources.html',
  },
  evaluate: ({ ec2, backup }) => {
    // Indexed once: a large account has thousands of volumes and instances.
    const instanceKey = (accountId: string, region: string, id: string) => `${accountId}/${region}/${id}`;
    const instances = new Map(ec2.instances.map((i) => [instanceKey(i.accountId, i.region, i.id), i]));
    return ec2.volumes.map((volume) => {
      // Backing up an EC2 instance snapshots all its attached EBS volumes, so the instance's selection covers them.
      const attached: BackupTarget[] = volume.attachedInstanceIds.flatMap((id) => {
        const i = instances.get(instanceKey(volume.accountId, volume.region, id));
        return i ? [{ arn: i.arn, region: i.region, tags: i.tags ?? {}, via: `its instance ${i.id}` }] : [];
      });
      return backupCoverageResult(
        volume,
        `EBS volume ${volume.id}`,
        [{ arn: volume.arn, region: volume.region, tags: volume.tags ?? {} }, ...attached],
        backup.plans,
      );
    });
  },
});

import { type CheckResult, defineCheck, pass } from '../define-check.js';
import { backupCoverageResult } from '../shared/backup-coverage.js';
import { fileSystemLabel } from './file-system-label.js';

/**
 * EFS automatic backups are an AWS Backup plan of their own (aws/efs/automatic-backup-plan), so a
 * file system with them on is in a backup plan; otherwise one of the region's plans must select it.
 */
export const efsFileSystemInBackupPlan = defineCheck({
  id: 'efs-file-system-in-backup-plan',
  title: 'EFS file systems are protected by an AWS Backup plan (automatic backups or a plan selection)',
  service: 'efs',
  resourceType: 'AwsEfsFileSystem',
  srmClass: 'abstracted',
  obligation: 'backup-recovery',
  severity: 'medium',
  requires: ['efs.fileSystems', 'efs.backupPolicies', 'backup.plans'],
  compliance: [{ framework: 'aws-fsbp', control: 'EFS.2' }],
  risk:
    'A file system no backup plan protects has no recovery point: data deleted, overwritten or encrypted by ' +
    'ransomware is lost, and so is everything when the file system is deleted.',
  remediation: {
    text:
      'Turn on EFS automatic backups, or assign the file system to a backup plan in its region, by ARN or by a tag ' +
      'the plan selects.',
    cli: 'aws efs put-backup-policy --file-system-id <file-system-id> --backup-policy Status=ENABLED',
    url: 'https://docs.aws.amazon.com/efs/latest/ug/awsbackup.html',
  },
  evaluate: ({ efs, backup }) => {
    const statuses = new Map(efs.backupPolicies.map((p) => [p.arn, p.status]));
    return efs.fileSystems.flatMap((fs): CheckResult[] => {
      const status = statuses.get(fs.arn);
      if (status === undefined) return [];
      const label = fileSystemLabel(fs);
      if (status === 'ENABLED') {
        return [
          pass(fs, `${label} is backed up by EFS automatic backups (AWS Backup plan aws/efs/automatic-backup-plan).`),
        ];
      }
      return [backupCoverageResult(fs, label, [{ arn: fs.arn, region: fs.region, tags: fs.tags ?? {} }], backup.plans)];
    });
  },
});

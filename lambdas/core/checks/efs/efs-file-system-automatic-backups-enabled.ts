import { type CheckResult, defineCheck, verdict } from '../define-check.js';
import { fileSystemLabel } from './file-system-label.js';

export const efsFileSystemAutomaticBackupsEnabled = defineCheck({
  id: 'efs-file-system-automatic-backups-enabled',
  title: 'EFS file systems have automatic backups enabled',
  service: 'efs',
  resourceType: 'AwsEfsFileSystem',
  srmClass: 'abstracted',
  obligation: 'backup-recovery',
  severity: 'medium',
  requires: ['efs.fileSystems', 'efs.backupPolicies'],
  compliance: [{ framework: 'aws-fsbp', control: 'EFS.7' }],
  risk:
    'Without automatic backups, files deleted or overwritten by mistake, by a faulty deployment or by ransomware ' +
    'cannot be recovered unless another backup plan covers the file system.',
  remediation: {
    text:
      'Turn on automatic backups (daily, kept 35 days, in the AWS Backup plan aws/efs/automatic-backup-plan), or ' +
      'assign the file system to a backup plan of your own.',
    cli: 'aws efs put-backup-policy --file-system-id <file-system-id> --backup-policy Status=ENABLED',
    url: 'https://docs.aws.amazon.com/efs/latest/ug/awsbackup.html',
  },
  evaluate: ({ efs }) => {
    const statuses = new Map(efs.backupPolicies.map((p) => [p.arn, p.status]));
    return efs.fileSystems.flatMap((fs): CheckResult[] => {
      const status = statuses.get(fs.arn);
      if (status === undefined) return [];
      return [
        verdict(
          status === 'ENABLED' || status === 'ENABLING',
          fs,
          `${fileSystemLabel(fs)} has automatic backups ${status === 'ENABLED' ? 'enabled' : 'being enabled'}.`,
          `${fileSystemLabel(fs)} has automatic backups ${status === null ? 'off (no backup policy)' : `off (backup policy ${status})`}.`,
        ),
      ];
    });
  },
});

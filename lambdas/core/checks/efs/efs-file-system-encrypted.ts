import { defineCheck, verdict } from '../define-check.js';
import { fileSystemLabel } from './file-system-label.js';

export const efsFileSystemEncrypted = defineCheck({
  id: 'efs-file-system-encrypted',
  title: 'EFS file systems encrypt data at rest with a KMS key',
  service: 'efs',
  resourceType: 'AwsEfsFileSystem',
  srmClass: 'abstracted',
  obligation: 'data-protection',
  severity: 'medium',
  requires: ['efs.fileSystems'],
  compliance: [
    { framework: 'aws-fsbp', control: 'EFS.1' },
    { framework: 'aws-fsbp', control: 'EFS.8' },
    { framework: 'cis-aws-3.0', control: '2.4.1' },
    { framework: 'cis-aws-4.0', control: '2.3.1' },
  ],
  risk:
    'File data and metadata of an unencrypted file system are stored in clear text, outside the access control and ' +
    'logging that a KMS key adds.',
  remediation: {
    text:
      'Encryption at rest can only be chosen when a file system is created: create an encrypted file system and ' +
      'copy the data into it (AWS DataSync, or a restore of an AWS Backup recovery point into a new encrypted file system).',
    cli: 'aws efs create-file-system --encrypted --kms-key-id <key-arn> --creation-token <token>',
    url: 'https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html',
  },
  evaluate: ({ efs }) =>
    efs.fileSystems.map((fs) =>
      verdict(
        fs.encrypted,
        fs,
        `${fileSystemLabel(fs)} encrypts data at rest${fs.kmsKeyId ? ` with KMS key ${fs.kmsKeyId}` : ''}.`,
        `${fileSystemLabel(fs)} is not encrypted at rest.`,
      ),
    ),
});

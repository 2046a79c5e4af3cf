import { defineCheck, verdict } from '../define-check.js';
import { ownTrails, trailLabel } from './trails.js';

export const cloudtrailTrailKmsEncrypted = defineCheck({
  id: 'cloudtrail-trail-kms-encrypted',
  title: 'CloudTrail trails encrypt log files with a KMS key (SSE-KMS)',
  service: 'cloudtrail',
  resourceType: 'AwsCloudTrailTrail',
  srmClass: 'abstracted',
  obligation: 'data-protection',
  severity: 'medium',
  requires: ['cloudtrail.trails'],
  compliance: [
    { framework: 'aws-fsbp', control: 'CloudTrail.2' },
    { framework: 'cis-aws-3.0', control: '3.5' },
    { framework: 'cis-aws-4.0', control: '3.5' },
  ],
  risk:
    'Log files encrypted only with S3-managed keys can be read by anyone with read access to the log bucket; a KMS ' +
    'key adds a separate, audited decrypt permission.',
  remediation: {
    text: 'Create a customer managed KMS key whose policy lets CloudTrail encrypt, and configure the trail to use it.',
    cli: 'aws cloudtrail update-trail --name <trail> --kms-key-id <key-arn>',
    url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html',
  },
  evaluate: ({ cloudtrail, accountId }) =>
    ownTrails(cloudtrail.trails, accountId).map((trail) =>
      verdict(
        trail.kmsKeyId !== undefined,
        trail,
        `${trailLabel(trail)} encrypts log files with KMS key ${trail.kmsKeyId}.`,
        `${trailLabel(trail)} does not encrypt log files with a KMS key (SSE-S3 only).`,
      ),
    ),
});

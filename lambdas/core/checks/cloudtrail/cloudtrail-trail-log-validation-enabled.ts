import { defineCheck, verdict } from '../define-check.js';
import { ownTrails, trailLabel } from './trails.js';

export const cloudtrailTrailLogValidationEnabled = defineCheck({
  id: 'cloudtrail-trail-log-validation-enabled',
  title: 'CloudTrail trails have log file integrity validation enabled',
  service: 'cloudtrail',
  resourceType: 'AwsCloudTrailTrail',
  srmClass: 'abstracted',
  obligation: 'logging-audit',
  severity: 'medium',
  requires: ['cloudtrail.trails'],
  compliance: [
    { framework: 'aws-fsbp', control: 'CloudTrail.4' },
    { framework: 'cis-aws-3.0', control: '3.2' },
    { framework: 'cis-aws-4.0', control: '3.2' },
  ],
  risk:
    'Without signed digest files nobody can prove that log files were not altered or deleted after delivery, ' +
    'which weakens them as evidence after an incident.',
  remediation: {
    text: 'Enable log file validation on the trail; validate later with `aws cloudtrail validate-logs`.',
    cli: 'aws cloudtrail update-trail --name <trail> --enable-log-file-validation',
    url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-enabling.html',
  },
  evaluate: ({ cloudtrail, accountId }) =>
    ownTrails(cloudtrail.trails, accountId).map((trail) =>
      verdict(
        trail.logFileValidationEnabled,
        trail,
        `${trailLabel(trail)} has log file validation enabled.`,
        `${trailLabel(trail)} has log file validation disabled.`,
      ),
    ),
});

import { monitoringCheck } from './cis-monitoring.js';

export const cloudwatchAlarmS3BucketPolicyChanges = monitoringCheck('4.8', {
  id: 'cloudwatch-alarm-s3-bucket-policy-changes',
  title: 'An alarm with a subscribed SNS topic watches S3 bucket policy changes',
  severity: 'low',
  risk: 'A changed bucket policy or ACL can expose data to the internet or another account within seconds; an alert shortens that exposure.',
});

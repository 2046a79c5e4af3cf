import { monitoringCheck } from './cis-monitoring.js';

export const cloudwatchAlarmIamPolicyChanges = monitoringCheck('4.4', {
  id: 'cloudwatch-alarm-iam-policy-changes',
  title: 'An alarm with a subscribed SNS topic watches IAM policy changes',
  severity: 'low',
  risk: 'Changed or newly attached policies are how an intruder escalates privileges or keeps access; an alert shortens the time such a change goes unreviewed.',
});

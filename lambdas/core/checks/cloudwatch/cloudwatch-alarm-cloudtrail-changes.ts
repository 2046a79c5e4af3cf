import { monitoringCheck } from './cis-monitoring.js';

export const cloudwatchAlarmCloudtrailChanges = monitoringCheck('4.5', {
  id: 'cloudwatch-alarm-cloudtrail-changes',
  title: 'An alarm with a subscribed SNS topic watches CloudTrail configuration changes',
  severity: 'medium',
  risk: 'Stopping or altering a trail is how an intruder blinds the audit log before acting; an alert on it is the last chance to notice.',
});

import { monitoringCheck } from './cis-monitoring.js';

export const cloudwatchAlarmSecurityGroupChanges = monitoringCheck('4.10', {
  id: 'cloudwatch-alarm-security-group-changes',
  title: 'An alarm with a subscribed SNS topic watches security group changes',
  severity: 'low',
  risk: 'A security group change can open a database or admin port to the internet; an alert lets you review it before it is exploited.',
});

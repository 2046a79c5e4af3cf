import { monitoringCheck } from './cis-monitoring.js';

export const cloudwatchAlarmRootUsage = monitoringCheck('4.3', {
  id: 'cloudwatch-alarm-root-usage',
  title: 'An alarm with a subscribed SNS topic watches usage of the root user',
  severity: 'medium',
  risk: 'The root user can do anything and cannot be restricted by IAM policies; any use of it should be rare, planned and noticed immediately.',
});

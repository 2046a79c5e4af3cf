import { monitoringCheck } from './cis-monitoring.js';

export const cloudwatchAlarmNaclChanges = monitoringCheck('4.11', {
  id: 'cloudwatch-alarm-nacl-changes',
  title: 'An alarm with a subscribed SNS topic watches network ACL changes',
  severity: 'low',
  risk: 'Network ACL changes can remove a subnet-level barrier for every instance behind it; an alert lets you review them as they happen.',
});

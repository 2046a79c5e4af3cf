import { monitoringCheck } from './cis-monitoring.js';

export const cloudwatchAlarmRouteTableChanges = monitoringCheck('4.13', {
  id: 'cloudwatch-alarm-route-table-changes',
  title: 'An alarm with a subscribed SNS topic watches route table changes',
  severity: 'low',
  risk: 'A changed route can send traffic around a firewall or out through an unexpected gateway without any security group changing.',
});

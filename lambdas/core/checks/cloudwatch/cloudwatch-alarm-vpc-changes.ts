import { monitoringCheck } from './cis-monitoring.js';

export const cloudwatchAlarmVpcChanges = monitoringCheck('4.14', {
  id: 'cloudwatch-alarm-vpc-changes',
  title: 'An alarm with a subscribed SNS topic watches VPC changes',
  severity: 'low',
  risk: 'New VPCs, peering connections and attribute changes alter which networks can reach each other; an alert keeps them reviewed.',
});

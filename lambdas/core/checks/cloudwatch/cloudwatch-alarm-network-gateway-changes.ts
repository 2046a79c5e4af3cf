import { monitoringCheck } from './cis-monitoring.js';

export const cloudwatchAlarmNetworkGatewayChanges = monitoringCheck('4.12', {
  id: 'cloudwatch-alarm-network-gateway-changes',
  title: 'An alarm with a subscribed SNS topic watches network gateway changes',
  severity: 'low',
  risk: 'A new or re-attached internet or customer gateway opens a path into or out of a VPC that may bypass your inspection points.',
});

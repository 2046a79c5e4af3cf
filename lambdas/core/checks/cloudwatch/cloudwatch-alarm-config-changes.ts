import { monitoringCheck } from './cis-monitoring.js';

export const cloudwatchAlarmConfigChanges = monitoringCheck('4.9', {
  id: 'cloudwatch-alarm-config-changes',
  title: 'An alarm with a subscribed SNS topic watches AWS Config configuration changes',
  severity: 'low',
  risk: 'Stopping the recorder or deleting the delivery channel removes the configuration history that investigations and compliance rules rely on.',
});

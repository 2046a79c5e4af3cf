import { monitoringCheck } from './cis-monitoring.js';

export const cloudwatchAlarmUnauthorizedApiCalls = monitoringCheck('4.1', {
  id: 'cloudwatch-alarm-unauthorized-api-calls',
  title: 'An alarm with a subscribed SNS topic watches unauthorized API calls in the trail log group',
  severity: 'medium',
  risk: 'Repeated AccessDenied or UnauthorizedOperation errors are often the first sign of stolen credentials probing what they can do, or of an application misconfigured after a change.',
});

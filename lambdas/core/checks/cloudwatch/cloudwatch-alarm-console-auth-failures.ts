import { monitoringCheck } from './cis-monitoring.js';

export const cloudwatchAlarmConsoleAuthFailures = monitoringCheck('4.6', {
  id: 'cloudwatch-alarm-console-auth-failures',
  title: 'An alarm with a subscribed SNS topic watches console authentication failures',
  severity: 'low',
  risk: 'Bursts of failed console sign-ins point to password guessing against your users; an alert lets you lock the targeted identities in time.',
});

import { monitoringCheck } from './cis-monitoring.js';

export const cloudwatchAlarmConsoleSignInWithoutMfa = monitoringCheck('4.2', {
  id: 'cloudwatch-alarm-console-sign-in-without-mfa',
  title: 'An alarm with a subscribed SNS topic watches console sign-ins without MFA',
  severity: 'medium',
  risk: 'A console sign-in without MFA means a password alone opened the account; an alert lets you confirm it was expected before the session does damage.',
});

import { monitoringCheck } from './cis-monitoring.js';

export const cloudwatchAlarmOrganizationsChanges = monitoringCheck('4.15', {
  id: 'cloudwatch-alarm-organizations-changes',
  title: 'An alarm with a subscribed SNS topic watches AWS Organizations changes',
  severity: 'medium',
  risk: 'Organization changes (new accounts, moved accounts, changed or detached service control policies) can remove guardrails from every account at once.',
});

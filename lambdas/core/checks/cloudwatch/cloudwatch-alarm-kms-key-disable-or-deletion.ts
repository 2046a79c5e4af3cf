import { monitoringCheck } from './cis-monitoring.js';

export const cloudwatchAlarmKmsKeyDisableOrDeletion = monitoringCheck('4.7', {
  id: 'cloudwatch-alarm-kms-key-disable-or-deletion',
  title:
    'An alarm with a subscribed SNS topic watches the disabling or scheduled deletion of customer managed KMS keys',
  severity: 'medium',
  risk: 'Data encrypted under a disabled or deleted key becomes unreadable; an alert during the waiting period is what makes a deletion recoverable.',
});

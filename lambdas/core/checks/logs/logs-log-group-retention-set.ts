import { defineCheck, verdict } from '../define-check.js';

export const logsLogGroupRetentionSet = defineCheck({
  id: 'logs-log-group-retention-set',
  title: 'CloudWatch Logs log groups keep events for at least the minimum retention (365 days by default)',
  service: 'logs',
  resourceType: 'AwsLogsLogGroup',
  srmClass: 'account',
  obligation: 'logging-audit',
  severity: 'medium',
  requires: ['logs.logGroups'],
  settings: ['minLogRetentionDays'],
  compliance: [{ framework: 'aws-fsbp', control: 'CloudWatch.16' }],
  risk:
    'Logs deleted after days or weeks are gone when an intrusion is found months later; investigations and audits ' +
    'then have nothing to reconstruct what happened from.',
  remediation: {
    text:
      'Set each log group’s retention to at least the minimum your policy requires (or leave it to never expire and ' +
      'archive elsewhere); retention is per log group.',
    cli: 'aws logs put-retention-policy --log-group-name <name> --retention-in-days 365 --region <region>',
    url: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention',
  },
  evaluate: ({ logs }, settings) =>
    logs.logGroups.map((group) => {
      const days = group.retentionInDays;
      return verdict(
        days === undefined || days >= settings.minLogRetentionDays,
        group,
        days === undefined
          ? `Log group ${group.name} keeps events indefinitely (no retention limit).`
          : `Log group ${group.name} keeps events for ${days} days (minimum ${settings.minLogRetentionDays}).`,
        `Log group ${group.name} keeps events for only ${days} days, less than the minimum of ${settings.minLogRetentionDays}.`,
      );
    }),
});

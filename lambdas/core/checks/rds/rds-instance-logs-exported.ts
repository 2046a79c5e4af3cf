import { defineCheck, verdict } from '../define-check.js';
import { judgeGoverned } from './db-helpers.js';

/**
 * The log types each engine family should publish to CloudWatch Logs, as in AWS Security Hub
 * control RDS.9. Engines not listed must publish at least one log type. The first match wins.
 */
const REQUIRED_LOGS: readonly { engine: RegExp; logs: readonly string[] }[] = [
  // SQL Server Express has no SQL Server Agent: its error log is the only one it can publish.
  { engine: /^sqlserver-ex$/, logs: ['error'] },
  { engine: /^oracle/, logs: ['alert', 'audit', 'trace', 'listener'] },
  { engine: /^postgres$/, logs: ['postgresql', 'upgrade'] },
  { engine: /^aurora-postgresql$/, logs: ['postgresql'] },
  { engine: /^(mysql|mariadb|aurora|aurora-mysql)$/, logs: ['audit', 'error', 'general', 'slowquery'] },
  { engine: /^sqlserver/, logs: ['error', 'agent'] },
];

/** RDS Custom cannot publish database logs to CloudWatch Logs. */
const supportsLogExports = (engine: string): boolean => !engine.startsWith('custom-');

export const rdsInstanceLogsExported = defineCheck({
  id: 'rds-instance-logs-exported',
  title: 'RDS DB instances publish their database logs to CloudWatch Logs',
  service: 'rds',
  resourceType: 'AwsRdsDbInstance',
  srmClass: 'container',
  obligation: 'logging-audit',
  severity: 'medium',
  requires: ['rds.instances', 'rds.clusters'],
  compliance: [{ framework: 'aws-fsbp', control: 'RDS.9' }],
  risk: 'Logs kept only on the instance rotate away within days and vanish with it, so failed logins, privilege changes and suspicious queries cannot be alerted on or investigated later.',
  remediation: {
    text: 'Publish the engine’s audit, error and general logs to CloudWatch Logs (MySQL and MariaDB: audit, error, general, slowquery; PostgreSQL: postgresql, upgrade; Aurora PostgreSQL: postgresql; Oracle: alert, audit, trace, listener; SQL Server: error, agent). For an Aurora instance, log exports are the cluster’s (modify-db-cluster).',
    cli: 'aws rds modify-db-instance --db-instance-identifier <db-instance-id> --cloudwatch-logs-export-configuration \'{"EnableLogTypes":["<log-type>"]}\' --apply-immediately',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.Procedural.UploadtoCloudWatch.html',
  },
  evaluate: ({ rds }) =>
    judgeGoverned(
      rds.instances,
      rds.clusters,
      (db) => supportsLogExports(db.engine),
      (db, subject, { enabledCloudwatchLogsExports: exported }) => {
        const required = REQUIRED_LOGS.find((r) => r.engine.test(db.engine))?.logs;
        const missing = required ? required.filter((log) => !exported.includes(log)) : [];
        const published = exported.length ? exported.join(', ') : 'none';
        return verdict(
          required ? missing.length === 0 : exported.length > 0,
          db,
          `${subject} publishes ${published} logs to CloudWatch Logs.`,
          required
            ? `${subject} does not publish ${missing.join(', ')} logs to CloudWatch Logs (published: ${published}).`
            : `${subject} publishes no logs to CloudWatch Logs.`,
        );
      },
    ),
});

import { defineCheck, verdict } from '../define-check.js';

export const dynamodbTablePitrEnabled = defineCheck({
  id: 'dynamodb-table-pitr-enabled',
  title: 'DynamoDB tables have point-in-time recovery enabled',
  service: 'dynamodb',
  resourceType: 'AwsDynamoDbTable',
  srmClass: 'abstracted',
  obligation: 'backup-recovery',
  severity: 'medium',
  requires: ['dynamodb.tables', 'dynamodb.continuousBackups'],
  compliance: [{ framework: 'aws-fsbp', control: 'DynamoDB.2' }],
  risk:
    'Without point-in-time recovery a faulty deployment, bad write or malicious delete of items cannot be rolled back ' +
    'to the second before it happened; only on-demand backups, if any, remain.',
  remediation: {
    text: 'Turn on point-in-time recovery (continuous backups) for the table and choose a recovery period.',
    cli: 'aws dynamodb update-continuous-backups --table-name <table-name> --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true',
    url: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html',
  },
  evaluate: ({ dynamodb }) => {
    const backups = new Map(dynamodb.continuousBackups.map((b) => [b.arn, b]));
    return dynamodb.tables.flatMap((table) => {
      const backup = backups.get(table.arn);
      if (!backup) return [];
      return [
        verdict(
          backup.pointInTimeRecoveryEnabled,
          table,
          `DynamoDB table ${table.name} has point-in-time recovery enabled.`,
          `DynamoDB table ${table.name} has point-in-time recovery disabled.`,
        ),
      ];
    });
  },
});

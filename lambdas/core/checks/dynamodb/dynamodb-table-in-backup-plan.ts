import { defineCheck } from '../define-check.js';
import { backupCoverageResult } from '../shared/backup-coverage.js';

export const dynamodbTableInBackupPlan = defineCheck({
  id: 'dynamodb-table-in-backup-plan',
  title: 'DynamoDB tables are protected by an AWS Backup plan',
  service: 'dynamodb',
  resourceType: 'AwsDynamoDbTable',
  srmClass: 'abstracted',
  obligation: 'backup-recovery',
  severity: 'medium',
  requires: ['dynamodb.tables', 'dynamodb.tableTags', 'backup.plans'],
  compliance: [{ framework: 'aws-fsbp', control: 'DynamoDB.4' }],
  risk: 'Point-in-time recovery reaches back 35 days at most and is lost with the table; without a backup plan there are no longer-lived, vault-protected or cross-account copies.',
  remediation: {
    text: 'Assign the table to a backup plan in its region, by ARN or by a tag the plan selects.',
    cli: 'aws backup create-backup-selection --backup-plan-id <plan-id> --backup-selection \'{"SelectionName":"<name>","IamRoleArn":"<backup-role-arn>","Resources":["<table-arn>"]}\'',
    url: 'https://docs.aws.amazon.com/aws-backup/latest/devguide/assigning-resources.html',
  },
  evaluate: ({ dynamodb, backup }) => {
    const tagsByArn = new Map(dynamodb.tableTags.map((t) => [t.arn, t.tags]));
    return dynamodb.tables.flatMap((table) => {
      // Tag-based selections cannot be judged without the table's tags.
      const tags = tagsByArn.get(table.arn);
      if (!tags) return [];
      return [
        backupCoverageResult(
          table,
          `DynamoDB table ${table.name}`,
          [{ arn: table.arn, region: table.region, tags }],
          backup.plans,
        ),
      ];
    });
  },
});

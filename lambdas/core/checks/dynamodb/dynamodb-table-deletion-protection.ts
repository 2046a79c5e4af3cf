import { defineCheck, verdict } from '../define-check.js';

export const dynamodbTableDeletionProtection = defineCheck({
  id: 'dynamodb-table-deletion-protection',
  title: 'DynamoDB tables have deletion protection enabled',
  service: 'dynamodb',
  resourceType: 'AwsDynamoDbTable',
  srmClass: 'abstracted',
  obligation: 'backup-recovery',
  severity: 'medium',
  requires: ['dynamodb.tables'],
  compliance: [{ framework: 'aws-fsbp', control: 'DynamoDB.6' }],
  risk:
    'Without deletion protection a single DeleteTable call, from a mistaken script or a stack teardown, removes the ' +
    'table and its data at once.',
  remediation: {
    text: 'Enable deletion protection on the table; disable it deliberately only when the table is to be removed.',
    cli: 'aws dynamodb update-table --table-name <table-name> --deletion-protection-enabled',
    url: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithTables.Basics.html#WorkingWithTables.Basics.DeletionProtection',
  },
  evaluate: ({ dynamodb }) =>
    dynamodb.tables.map((table) =>
      verdict(
        table.deletionProtectionEnabled,
        table,
        `DynamoDB table ${table.name} has deletion protection enabled.`,
        `DynamoDB table ${table.name} has deletion protection disabled.`,
      ),
    ),
});

export { dynamodbTableDeletionProtection } from './dynamodb-table-deletion-protection.js';
export { dynamodbTableInBackupPlan } from './dynamodb-table-in-backup-plan.js';
export { dynamodbTablePitrEnabled } from './dynamodb-table-pitr-enabled.js';

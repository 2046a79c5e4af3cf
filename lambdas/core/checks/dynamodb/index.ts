export { dynamodbTableDeletionProtection } from './dynamodb-table-deletion-protection.js';
export { dynamodbTablePitrEnabled } from './dynamodb-table-pitr-enabled.js';

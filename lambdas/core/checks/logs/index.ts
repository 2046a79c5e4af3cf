export { logsLogGroupRetentionSet } from './logs-log-group-retention-set.js';

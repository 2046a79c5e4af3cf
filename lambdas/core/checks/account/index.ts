export { accountBackupPlanExists } from './account-backup-plan-exists.js';
export { accountResourcesInAllowedRegions } from './account-resources-in-allowed-regions.js';

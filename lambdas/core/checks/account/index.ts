export { accountResourcesInAllowedRegions } from './account-resources-in-allowed-regions.js';

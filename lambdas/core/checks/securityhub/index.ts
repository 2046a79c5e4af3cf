export { securityhubHubEnabled } from './securityhub-hub-enabled.js';

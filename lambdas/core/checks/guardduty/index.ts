export { guarddutyDetectorEnabled } from './guardduty-detector-enabled.js';

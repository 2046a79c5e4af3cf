export { cloudtrailMultiRegionTrailLogging } from './cloudtrail-multi-region-trail-logging.js';
export { cloudtrailTrailBucketNotPublic } from './cloudtrail-trail-bucket-not-public.js';
export { cloudtrailTrailCloudwatchIntegrated } from './cloudtrail-trail-cloudwatch-integrated.js';
export { cloudtrailTrailKmsEncrypted } from './cloudtrail-trail-kms-encrypted.js';
export { cloudtrailTrailLogValidationEnabled } from './cloudtrail-trail-log-validation-enabled.js';

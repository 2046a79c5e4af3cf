export { cloudfrontDistributionDefaultRootObject } from './cloudfront-distribution-default-root-object.js';
export { cloudfrontDistributionLoggingEnabled } from './cloudfront-distribution-logging-enabled.js';
export { cloudfrontDistributionOriginHttpsOnly } from './cloudfront-distribution-origin-https-only.js';
export { cloudfrontDistributionOriginModernTls } from './cloudfront-distribution-origin-modern-tls.js';
export { cloudfrontDistributionRecommendedTlsPolicy } from './cloudfront-distribution-recommended-tls-policy.js';
export { cloudfrontDistributionS3OriginAccessRestricted } from './cloudfront-distribution-s3-origin-access-restricted.js';
export { cloudfrontDistributionViewerHttpsRequired } from './cloudfront-distribution-viewer-https-required.js';
export { cloudfrontDistributionWafEnabled } from './cloudfront-distribution-waf-enabled.js';

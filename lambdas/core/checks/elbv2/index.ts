export { elbv2AlbAccessLoggingEnabled } from './elbv2-alb-access-logging-enabled.js';
export { elbv2AlbDesyncMitigationEnforced } from './elbv2-alb-desync-mitigation-enforced.js';
export { elbv2AlbDropsInvalidHeaders } from './elbv2-alb-drops-invalid-headers.js';
export { elbv2AlbHttpRedirectsToHttps } from './elbv2-alb-http-redirects-to-https.js';
export { elbv2AlbWafAssociated } from './elbv2-alb-waf-associated.js';
export { elbv2LoadBalancerDeletionProtection } from './elbv2-load-balancer-deletion-protection.js';
export { elbv2LoadBalancerRecommendedTlsPolicy } from './elbv2-load-balancer-recommended-tls-policy.js';

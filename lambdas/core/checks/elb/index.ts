export { elbLoadBalancerAccessLoggingEnabled } from './elb-load-balancer-access-logging-enabled.js';
export { elbLoadBalancerDesyncMitigationEnforced } from './elb-load-balancer-desync-mitigation-enforced.js';
export { elbLoadBalancerHttpsListeners } from './elb-load-balancer-https-listeners.js';
export { elbLoadBalancerSecureTlsPolicy } from './elb-load-balancer-secure-tls-policy.js';

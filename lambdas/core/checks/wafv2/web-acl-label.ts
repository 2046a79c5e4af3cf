import type { WebAcl } from '../../inventory/index.js';

/** `WAF web ACL harbor-edge (CLOUDFRONT scope)` */
export const webAclLabel = (acl: WebAcl): string => `WAF web ACL ${acl.name} (${acl.scope} scope)`;

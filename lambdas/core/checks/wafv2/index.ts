export { wafv2WebAclHasRules } from './wafv2-web-acl-has-rules.js';
export { wafv2WebAclLoggingEnabled } from './wafv2-web-acl-logging-enabled.js';

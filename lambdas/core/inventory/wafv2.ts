import type { AwsResource } from './common.js';

/** A WAFV2 web ACL; `scope` CLOUDFRONT ones are global (`region` is `global`). */
export interface WebAcl extends AwsResource {
  name: string;
  scope: 'REGIONAL' | 'CLOUDFRONT';
  /** Rules and rule groups the web ACL evaluates before its default action. */
  ruleCount: number;
  /** `ALLOW` or `BLOCK`. */
  defaultAction?: string;
  /** Whether a logging configuration sends the web ACL's traffic logs somewhere. */
  loggingEnabled: boolean;
}

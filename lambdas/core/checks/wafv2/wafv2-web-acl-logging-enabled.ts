import { defineCheck, verdict } from '../define-check.js';
import { webAclLabel } from './web-acl-label.js';

export const wafv2WebAclLoggingEnabled = defineCheck({
  id: 'wafv2-web-acl-logging-enabled',
  title: 'AWS WAF web ACLs log the traffic they inspect',
  service: 'wafv2',
  resourceType: 'AwsWafv2WebAcl',
  srmClass: 'abstracted',
  obligation: 'logging-audit',
  severity: 'low',
  requires: ['wafv2.webAcls', 'wafv2.cloudfrontWebAcls'],
  compliance: [{ framework: 'aws-fsbp', control: 'WAF.11' }],
  risk:
    'Without logs there is no record of which requests the web ACL blocked or allowed and why, so attacks cannot be ' +
    'investigated and false positives cannot be tuned.',
  remediation: {
    text: 'Enable logging for the web ACL to a CloudWatch Logs log group, S3 bucket or Firehose stream whose name starts with aws-waf-logs-.',
    cli: 'aws wafv2 put-logging-configuration --logging-configuration ResourceArn=<web-acl-arn>,LogDestinationConfigs=<aws-waf-logs-destination-arn>',
    url: 'https://docs.aws.amazon.com/waf/latest/developerguide/logging.html',
  },
  evaluate: ({ wafv2 }) =>
    [...wafv2.webAcls, ...wafv2.cloudfrontWebAcls].map((acl) =>
      verdict(
        acl.loggingEnabled,
        acl,
        `${webAclLabel(acl)} logs the traffic it inspects.`,
        `${webAclLabel(acl)} has logging disabled.`,
      ),
    ),
});

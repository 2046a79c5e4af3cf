import { defineCheck, verdict } from '../define-check.js';
import { countOf } from '../shared/text.js';
import { webAclLabel } from './web-acl-label.js';

export const wafv2WebAclHasRules = defineCheck({
  id: 'wafv2-web-acl-has-rules',
  title: 'AWS WAF web ACLs have at least one rule or rule group',
  service: 'wafv2',
  resourceType: 'AwsWafv2WebAcl',
  srmClass: 'abstracted',
  obligation: 'network-firewall',
  severity: 'medium',
  requires: ['wafv2.webAcls', 'wafv2.cloudfrontWebAcls'],
  compliance: [{ framework: 'aws-fsbp', control: 'WAF.10' }],
  risk:
    'An empty web ACL applies only its default action: associated resources look protected while every request ' +
    'passes uninspected.',
  remediation: {
    text: 'Add rules or managed rule groups (for example AWSManagedRulesCommonRuleSet) to the web ACL.',
    cli: 'aws wafv2 update-web-acl --name <name> --scope <REGIONAL|CLOUDFRONT> --id <id> --lock-token <token> --default-action Allow={} --rules file://rules.json --visibility-config SampledRequestsEnabled=true,CloudWatchMetricsEnabled=true,MetricName=<name>',
    url: 'https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-editing.html',
  },
  evaluate: ({ wafv2 }) =>
    [...wafv2.webAcls, ...wafv2.cloudfrontWebAcls].map((acl) =>
      verdict(
        acl.ruleCount > 0,
        acl,
        `${webAclLabel(acl)} evaluates ${countOf(acl.ruleCount, 'rule or rule group', 'rules or rule groups')}.`,
        `${webAclLabel(acl)} has no rules: every request gets its default action (${acl.defaultAction ?? 'unknown'}).`,
      ),
    ),
});

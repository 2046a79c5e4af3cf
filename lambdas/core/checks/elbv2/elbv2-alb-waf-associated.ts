import { defineCheck, verdict } from '../define-check.js';
import { isApplicationLoadBalancer, withAttribute } from './load-balancer-label.js';

export const elbv2AlbWafAssociated = defineCheck({
  id: 'elbv2-alb-waf-associated',
  title: 'Application Load Balancers are protected by an AWS WAF web ACL',
  service: 'elbv2',
  resourceType: 'AwsElbv2LoadBalancer',
  srmClass: 'infrastructure',
  obligation: 'network-firewall',
  severity: 'medium',
  requires: ['elbv2.loadBalancers', 'elbv2.webAcls'],
  compliance: [{ framework: 'aws-fsbp', control: 'ELB.16' }],
  risk:
    'Without a web ACL every request reaches the targets unfiltered: injection attempts, known bad bots and request ' +
    'floods are not blocked or rate-limited in front of the application.',
  remediation: {
    text: 'Associate a REGIONAL AWS WAF web ACL with the load balancer (WAF Classic associations are not read).',
    cli: 'aws wafv2 associate-web-acl --web-acl-arn <web-acl-arn> --resource-arn <load-balancer-arn>',
    url: 'https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-associating-aws-resource.html',
  },
  evaluate: ({ elbv2 }) =>
    withAttribute(elbv2.loadBalancers, elbv2.webAcls, isApplicationLoadBalancer).map(([lb, { webAclArn }]) =>
      verdict(
        webAclArn !== null,
        lb,
        `Application Load Balancer ${lb.name} is protected by web ACL ${webAclArn}.`,
        `Application Load Balancer ${lb.name} has no AWS WAF web ACL.`,
      ),
    ),
});

import { defineCheck, verdict } from '../define-check.js';
import { loadBalancerLabel, withAttribute } from './load-balancer-label.js';

export const elbv2LoadBalancerDeletionProtection = defineCheck({
  id: 'elbv2-load-balancer-deletion-protection',
  title: 'Application, Network and Gateway Load Balancers have deletion protection enabled',
  service: 'elbv2',
  resourceType: 'AwsElbv2LoadBalancer',
  srmClass: 'infrastructure',
  obligation: 'backup-recovery',
  severity: 'medium',
  requires: ['elbv2.loadBalancers', 'elbv2.loadBalancerAttributes'],
  compliance: [{ framework: 'aws-fsbp', control: 'ELB.6' }],
  risk:
    'A load balancer deleted by a mistaken script or stack teardown takes its DNS name with it: clients lose the ' +
    'service until a new one is built and every record and allow-list pointing at the old name is updated.',
  remediation: {
    text: 'Enable deletion protection on the load balancer; turn it off deliberately only when it is to be removed.',
    cli: 'aws elbv2 modify-load-balancer-attributes --load-balancer-arn <load-balancer-arn> --attributes Key=deletion_protection.enabled,Value=true',
    url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/edit-load-balancer-attributes.html#deletion-protection',
  },
  evaluate: ({ elbv2 }) =>
    withAttribute(elbv2.loadBalancers, elbv2.loadBalancerAttributes).map(([lb, { attributes }]) =>
      verdict(
        attributes['deletion_protection.enabled'] === 'true',
        lb,
        `${loadBalancerLabel(lb)} has deletion protection enabled.`,
        `${loadBalancerLabel(lb)} has deletion protection disabled.`,
      ),
    ),
});

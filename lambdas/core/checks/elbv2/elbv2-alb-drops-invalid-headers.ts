import { defineCheck, verdict } from '../define-check.js';
import { isApplicationLoadBalancer, withAttribute } from './load-balancer-label.js';

export const elbv2AlbDropsInvalidHeaders = defineCheck({
  id: 'elbv2-alb-drops-invalid-headers',
  title: 'Application Load Balancers drop HTTP headers with invalid names',
  service: 'elbv2',
  resourceType: 'AwsElbv2LoadBalancer',
  srmClass: 'infrastructure',
  obligation: 'network-firewall',
  severity: 'medium',
  requires: ['elbv2.loadBalancers', 'elbv2.loadBalancerAttributes'],
  compliance: [{ framework: 'aws-fsbp', control: 'ELB.4' }],
  risk:
    'Headers whose names break the HTTP grammar are forwarded to the targets, where a server that parses them ' +
    'differently can be led into request smuggling or header injection.',
  remediation: {
    text: 'Set the routing.http.drop_invalid_header_fields.enabled attribute to true.',
    cli: 'aws elbv2 modify-load-balancer-attributes --load-balancer-arn <load-balancer-arn> --attributes Key=routing.http.drop_invalid_header_fields.enabled,Value=true',
    url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/edit-load-balancer-attributes.html#drop-invalid-header-fields',
  },
  evaluate: ({ elbv2 }) =>
    withAttribute(elbv2.loadBalancers, elbv2.loadBalancerAttributes, isApplicationLoadBalancer).map(
      ([lb, { attributes }]) =>
        verdict(
          attributes['routing.http.drop_invalid_header_fields.enabled'] === 'true',
          lb,
          `Application Load Balancer ${lb.name} drops HTTP headers with invalid names.`,
          `Application Load Balancer ${lb.name} forwards HTTP headers with invalid names to its targets.`,
        ),
    ),
});

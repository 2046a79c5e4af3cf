import { defineCheck, verdict } from '../define-check.js';
import { withAttribute } from './load-balancer-attribute.js';

export const elbLoadBalancerAccessLoggingEnabled = defineCheck({
  id: 'elb-load-balancer-access-logging-enabled',
  title: 'Classic Load Balancers write access logs',
  service: 'elb',
  resourceType: 'AwsElbLoadBalancer',
  srmClass: 'infrastructure',
  obligation: 'logging-audit',
  severity: 'medium',
  requires: ['elb.loadBalancers', 'elb.loadBalancerAttributes'],
  compliance: [{ framework: 'aws-fsbp', control: 'ELB.5' }],
  risk:
    'Without access logs there is no record of which clients connected and what they requested, so an attack through ' +
    'the load balancer cannot be traced or scoped.',
  remediation: {
    text: 'Enable access logs on the load balancer, delivered to an S3 bucket that grants Elastic Load Balancing write access.',
    cli: 'aws elb modify-load-balancer-attributes --load-balancer-name <name> --load-balancer-attributes \'{"AccessLog":{"Enabled":true,"S3BucketName":"<bucket>","EmitInterval":60}}\'',
    url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/enable-access-logs.html',
  },
  evaluate: ({ elb }) =>
    withAttribute(elb.loadBalancers, elb.loadBalancerAttributes).map(([lb, attributes]) =>
      verdict(
        attributes.accessLogEnabled,
        lb,
        `Classic Load Balancer ${lb.name} writes access logs.`,
        `Classic Load Balancer ${lb.name} has access logging disabled.`,
      ),
    ),
});

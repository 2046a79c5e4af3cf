import { defineCheck, verdict } from '../define-check.js';
import { isApplicationLoadBalancer, withAttribute } from './load-balancer-label.js';

export const elbv2AlbAccessLoggingEnabled = defineCheck({
  id: 'elbv2-alb-access-logging-enabled',
  title: 'Application Load Balancers write access logs',
  service: 'elbv2',
  resourceType: 'AwsElbv2LoadBalancer',
  srmClass: 'infrastructure',
  obligation: 'logging-audit',
  severity: 'medium',
  requires: ['elbv2.loadBalancers', 'elbv2.loadBalancerAttributes'],
  compliance: [{ framework: 'aws-fsbp', control: 'ELB.5' }],
  risk:
    'Without access logs there is no record of which clients sent which requests through the load balancer, so an ' +
    'attack or a data leak through the application cannot be traced or scoped.',
  remediation: {
    text: 'Enable access logs on the load balancer, delivered to an S3 bucket that grants Elastic Load Balancing write access.',
    cli: 'aws elbv2 modify-load-balancer-attributes --load-balancer-arn <load-balancer-arn> --attributes Key=access_logs.s3.enabled,Value=true Key=access_logs.s3.bucket,Value=<bucket>',
    url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html',
  },
  evaluate: ({ elbv2 }) =>
    withAttribute(elbv2.loadBalancers, elbv2.loadBalancerAttributes, isApplicationLoadBalancer).map(
      ([lb, { attributes }]) =>
        verdict(
          attributes['access_logs.s3.enabled'] === 'true',
          lb,
          `Application Load Balancer ${lb.name} writes access logs to S3 bucket ${attributes['access_logs.s3.bucket'] || '(unnamed)'}.`,
          `Application Load Balancer ${lb.name} has access logging disabled.`,
        ),
    ),
});

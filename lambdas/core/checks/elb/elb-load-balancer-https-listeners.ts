import { defineCheck, fail, pass } from '../define-check.js';
import { classicListenerLabel, isTlsListener } from './load-balancer-attribute.js';

export const elbLoadBalancerHttpsListeners = defineCheck({
  id: 'elb-load-balancer-https-listeners',
  title: 'Classic Load Balancer listeners terminate HTTPS or TLS',
  service: 'elb',
  resourceType: 'AwsElbLoadBalancer',
  srmClass: 'infrastructure',
  obligation: 'data-protection',
  severity: 'medium',
  requires: ['elb.loadBalancers'],
  compliance: [{ framework: 'aws-fsbp', control: 'ELB.3' }],
  risk:
    'An HTTP or TCP front-end listener carries client traffic unencrypted to the load balancer, where anyone on the ' +
    'network path can read or alter it.',
  remediation: {
    text: 'Replace HTTP and TCP listeners with HTTPS or SSL listeners that use an ACM certificate, or migrate to an Application Load Balancer.',
    cli: 'aws elb create-load-balancer-listeners --load-balancer-name <name> --listeners Protocol=HTTPS,LoadBalancerPort=443,InstanceProtocol=HTTP,InstancePort=80,SSLCertificateId=<certificate-arn>',
    url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-create-https-ssl-load-balancer.html',
  },
  evaluate: ({ elb }) =>
    elb.loadBalancers.flatMap((lb) => {
      if (lb.listeners.length === 0) return [];
      const plain = lb.listeners.filter((l) => !isTlsListener(l));
      return [
        plain.length > 0
          ? fail(
              lb,
              `Classic Load Balancer ${lb.name} has listeners without TLS termination: ${plain.map(classicListenerLabel).join(', ')}.`,
            )
          : pass(
              lb,
              `Classic Load Balancer ${lb.name} terminates TLS on every listener (${lb.listeners.map(classicListenerLabel).join(', ')}).`,
            ),
      ];
    }),
});

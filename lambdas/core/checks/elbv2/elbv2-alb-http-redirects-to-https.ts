import { defineCheck, fail, pass } from '../define-check.js';
import { isApplicationLoadBalancer, listenerLabel, withAttribute } from './load-balancer-label.js';

export const elbv2AlbHttpRedirectsToHttps = defineCheck({
  id: 'elbv2-alb-http-redirects-to-https',
  title: 'Application Load Balancers redirect every HTTP listener to HTTPS',
  service: 'elbv2',
  resourceType: 'AwsElbv2LoadBalancer',
  srmClass: 'infrastructure',
  obligation: 'data-protection',
  severity: 'medium',
  requires: ['elbv2.loadBalancers', 'elbv2.listeners'],
  compliance: [{ framework: 'aws-fsbp', control: 'ELB.1' }],
  risk:
    'An HTTP listener that serves requests instead of redirecting them lets credentials, cookies and data cross the ' +
    'network in clear text, where anyone on the path can read or alter them.',
  remediation: {
    text: 'Change the default action of each HTTP listener to a redirect to HTTPS on port 443 (status HTTP_301).',
    cli: "aws elbv2 modify-listener --listener-arn <listener-arn> --default-actions 'Type=redirect,RedirectConfig={Protocol=HTTPS,Port=443,StatusCode=HTTP_301}'",
    url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html#redirect-actions',
  },
  evaluate: ({ elbv2 }) =>
    withAttribute(elbv2.loadBalancers, elbv2.listeners, isApplicationLoadBalancer).map(([lb, { listeners }]) => {
      const http = listeners.filter((l) => l.protocol === 'HTTP');
      const serving = http.filter(
        (l) => !l.defaultActions.some((a) => a.type === 'redirect' && a.redirectProtocol === 'HTTPS'),
      );
      if (serving.length > 0) {
        return fail(
          lb,
          `Application Load Balancer ${lb.name} serves plain HTTP on ${serving.map(listenerLabel).join(', ')} instead of redirecting to HTTPS.`,
        );
      }
      return pass(
        lb,
        http.length === 0
          ? `Application Load Balancer ${lb.name} has no HTTP listener.`
          : `Application Load Balancer ${lb.name} redirects ${http.map(listenerLabel).join(', ')} to HTTPS.`,
      );
    }),
});

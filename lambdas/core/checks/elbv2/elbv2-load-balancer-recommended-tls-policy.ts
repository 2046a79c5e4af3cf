import { defineCheck, fail, pass } from '../define-check.js';
import { listenerLabel, loadBalancerLabel, withAttribute } from './load-balancer-label.js';

export const elbv2LoadBalancerRecommendedTlsPolicy = defineCheck({
  id: 'elbv2-load-balancer-recommended-tls-policy',
  title: 'HTTPS and TLS listeners of Application and Network Load Balancers use a recommended security policy',
  service: 'elbv2',
  resourceType: 'AwsElbv2LoadBalancer',
  srmClass: 'infrastructure',
  obligation: 'data-protection',
  severity: 'medium',
  requires: ['elbv2.loadBalancers', 'elbv2.listeners'],
  settings: ['elbSslPolicies'],
  compliance: [{ framework: 'aws-fsbp', control: 'ELB.17' }],
  risk:
    'An outdated security policy such as ELBSecurityPolicy-2016-08 (the API default) still negotiates TLS 1.0 and 1.1 ' +
    'and weak ciphers, so a client can be downgraded to a protocol with known attacks.',
  remediation: {
    text: 'Switch each HTTPS or TLS listener to a recommended TLS 1.3 policy such as ELBSecurityPolicy-TLS13-1-2-Res-2021-06 (or ELBSecurityPolicy-TLS13-1-3-2021-06 when every client speaks TLS 1.3).',
    cli: 'aws elbv2 modify-listener --listener-arn <listener-arn> --ssl-policy ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
    url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html',
  },
  evaluate: ({ elbv2 }, settings) => {
    const allowed = new Set(settings.elbSslPolicies);
    return withAttribute(elbv2.loadBalancers, elbv2.listeners).flatMap(([lb, { listeners }]) => {
      const tls = listeners.filter((l) => l.protocol === 'HTTPS' || l.protocol === 'TLS');
      if (tls.length === 0) return [];
      const outdated = tls.filter((l) => !l.sslPolicy || !allowed.has(l.sslPolicy));
      return outdated.length > 0
        ? [
            fail(
              lb,
              `${loadBalancerLabel(lb)} uses a security policy outside the recommended list on ${outdated
                .map((l) => `${listenerLabel(l)} (${l.sslPolicy ?? 'none'})`)
                .join(', ')}.`,
            ),
          ]
        : [
            pass(
              lb,
              `${loadBalancerLabel(lb)} uses recommended security policies on ${tls
                .map((l) => `${listenerLabel(l)} (${l.sslPolicy})`)
                .join(', ')}.`,
            ),
          ];
    });
  },
});

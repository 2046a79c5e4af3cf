import type { ClassicListener, ClassicLoadBalancerPolicy } from '../../inventory/index.js';
import { defineCheck, fail, pass } from '../define-check.js';
import { classicListenerLabel, isTlsListener, withAttribute } from './load-balancer-attribute.js';

/** The predefined policy a listener negotiates TLS with, or why none is named. */
function negotiatedPolicy(listener: ClassicListener, policies: readonly ClassicLoadBalancerPolicy[]): string {
  const byName = new Map(policies.map((p) => [p.name, p]));
  const negotiation = listener.policyNames
    .map((name) => byName.get(name))
    .find((p) => p?.type === 'SSLNegotiationPolicyType');
  if (!negotiation) {
    // A predefined policy attached by name need not be listed among the load balancer's own policies.
    const predefined = listener.policyNames.find((name) => name.startsWith('ELBSecurityPolicy-'));
    return predefined ?? 'no SSL negotiation policy';
  }
  return negotiation.referenceSecurityPolicy ?? `custom policy ${negotiation.name}`;
}

export const elbLoadBalancerSecureTlsPolicy = defineCheck({
  id: 'elb-load-balancer-secure-tls-policy',
  title: 'HTTPS and SSL listeners of Classic Load Balancers use a strong predefined security policy',
  service: 'elb',
  resourceType: 'AwsElbLoadBalancer',
  srmClass: 'infrastructure',
  obligation: 'data-protection',
  severity: 'medium',
  requires: ['elb.loadBalancers', 'elb.loadBalancerPolicies'],
  settings: ['elbClassicSslPolicies'],
  compliance: [{ framework: 'aws-fsbp', control: 'ELB.8' }],
  risk:
    'Older predefined policies and custom policies can accept TLS 1.0, TLS 1.1 or weak ciphers, letting a client be ' +
    'downgraded to a protocol with known attacks.',
  remediation: {
    text: 'Create an SSL negotiation policy that references ELBSecurityPolicy-TLS-1-2-2017-01 and attach it to each HTTPS or SSL listener.',
    cli: 'aws elb create-load-balancer-policy --load-balancer-name <name> --policy-name tls-1-2 --policy-type-name SSLNegotiationPolicyType --policy-attributes AttributeName=Reference-Security-Policy,AttributeValue=ELBSecurityPolicy-TLS-1-2-2017-01 && aws elb set-load-balancer-policies-of-listener --load-balancer-name <name> --load-balancer-port 443 --policy-names tls-1-2',
    url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-security-policy-table.html',
  },
  evaluate: ({ elb }, settings) => {
    const allowed = new Set(settings.elbClassicSslPolicies);
    return withAttribute(elb.loadBalancers, elb.loadBalancerPolicies).flatMap(([lb, { policies }]) => {
      const tls = lb.listeners.filter(isTlsListener).map((l) => ({ l, policy: negotiatedPolicy(l, policies) }));
      if (tls.length === 0) return [];
      const weak = tls.filter(({ policy }) => !allowed.has(policy));
      const describe = (items: typeof tls) =>
        items.map(({ l, policy }) => `${classicListenerLabel(l)} (${policy})`).join(', ');
      return [
        weak.length > 0
          ? fail(
              lb,
              `Classic Load Balancer ${lb.name} uses a security policy outside the accepted list on ${describe(weak)}.`,
            )
          : pass(lb, `Classic Load Balancer ${lb.name} uses an accepted security policy on ${describe(tls)}.`),
      ];
    });
  },
});

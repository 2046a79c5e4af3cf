import { defineCheck, verdict } from '../define-check.js';
import { DEFAULT_DESYNC_MODE, ENFORCING_DESYNC_MODES } from '../shared/desync-mitigation.js';
import { withAttribute } from './load-balancer-attribute.js';

export const elbLoadBalancerDesyncMitigationEnforced = defineCheck({
  id: 'elb-load-balancer-desync-mitigation-enforced',
  title: 'Classic Load Balancers use the defensive or strictest desync mitigation mode',
  service: 'elb',
  resourceType: 'AwsElbLoadBalancer',
  srmClass: 'infrastructure',
  obligation: 'network-firewall',
  severity: 'medium',
  requires: ['elb.loadBalancers', 'elb.loadBalancerAttributes'],
  compliance: [{ framework: 'aws-fsbp', control: 'ELB.14' }],
  risk:
    'In monitor mode the load balancer forwards requests it judges ambiguous, which lets an HTTP desync (request ' +
    'smuggling) attack poison connections to the back-end instances.',
  remediation: {
    text: 'Set the elb.http.desyncmitigationmode attribute to defensive (the default) or strictest.',
    cli: 'aws elb modify-load-balancer-attributes --load-balancer-name <name> --load-balancer-attributes \'{"AdditionalAttributes":[{"Key":"elb.http.desyncmitigationmode","Value":"defensive"}]}\'',
    url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/config-desync-mitigation-mode.html',
  },
  evaluate: ({ elb }) =>
    withAttribute(elb.loadBalancers, elb.loadBalancerAttributes).map(([lb, attributes]) => {
      const mode = attributes.desyncMitigationMode || DEFAULT_DESYNC_MODE;
      return verdict(
        ENFORCING_DESYNC_MODES.has(mode),
        lb,
        `Classic Load Balancer ${lb.name} uses the ${mode} desync mitigation mode.`,
        `Classic Load Balancer ${lb.name} uses the ${mode} desync mitigation mode, which forwards ambiguous requests.`,
      );
    }),
});

import { defineCheck, verdict } from '../define-check.js';
import { DEFAULT_DESYNC_MODE, ENFORCING_DESYNC_MODES } from '../shared/desync-mitigation.js';
import { isApplicationLoadBalancer, withAttribute } from './load-balancer-label.js';

export const elbv2AlbDesyncMitigationEnforced = defineCheck({
  id: 'elbv2-alb-desync-mitigation-enforced',
  title: 'Application Load Balancers use the defensive or strictest desync mitigation mode',
  service: 'elbv2',
  resourceType: 'AwsElbv2LoadBalancer',
  srmClass: 'infrastructure',
  obligation: 'network-firewall',
  severity: 'medium',
  requires: ['elbv2.loadBalancers', 'elbv2.loadBalancerAttributes'],
  compliance: [{ framework: 'aws-fsbp', control: 'ELB.12' }],
  risk:
    'In monitor mode the load balancer forwards requests it judges ambiguous, which lets an HTTP desync (request ' +
    'smuggling) attack poison queues and hijack other users’ requests on the targets.',
  remediation: {
    text: 'Set routing.http.desync_mitigation_mode to defensive (the default) or strictest.',
    cli: 'aws elbv2 modify-load-balancer-attributes --load-balancer-arn <load-balancer-arn> --attributes Key=routing.http.desync_mitigation_mode,Value=defensive',
    url: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/edit-load-balancer-attributes.html#desync-mitigation-mode',
  },
  evaluate: ({ elbv2 }) =>
    withAttribute(elbv2.loadBalancers, elbv2.loadBalancerAttributes, isApplicationLoadBalancer).map(
      ([lb, { attributes }]) => {
        const mode = attributes['routing.http.desync_mitigation_mode'] || DEFAULT_DESYNC_MODE;
        return verdict(
          ENFORCING_DESYNC_MODES.has(mode),
          lb,
          `Application Load Balancer ${lb.name} uses the ${mode} desync mitigation mode.`,
          `Application Load Balancer ${lb.name} uses the ${mode} desync mitigation mode, which forwards ambiguous requests.`,
        );
      },
    ),
});

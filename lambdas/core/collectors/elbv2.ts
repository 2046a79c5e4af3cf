import {
  type Action,
  DescribeLoadBalancerAttributesCommand,
  ElasticLoadBalancingV2Client,
  type Listener,
  type LoadBalancer,
  paginateDescribeListeners,
  paginateDescribeLoadBalancers,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { GetWebACLForResourceCommand, WAFV2Client } from '@aws-sdk/client-wafv2';
import { isAwsError } from '../aws/clients.js';
import type { ElbV2Listener, ElbV2LoadBalancer } from '../inventory/index.js';
import { collectEach } from './context.js';
import type { CollectContext, SliceCollectors } from './types.js';

/**
 * DescribeLoadBalancers and DescribeListeners return at most 400 items per page. Their SDK paginators ignore
 * `pageSize` (the model names no page-size member), so the size goes in the input.
 */
const ELBV2_PAGE_SIZE = 400;
function toLoadBalancer(lb: LoadBalancer, context: CollectContext): ElbV2LoadBalancer | undefined {
  if (!lb.LoadBalancerArn || !lb.LoadBalancerName) return undefined;
  return {
    arn: lb.LoadBalancerArn,
    id: lb.LoadBalancerName,
    region: context.region,
    accountId: context.accountId,
    name: lb.LoadBalancerName,
    type: lb.Type ?? 'application',
    ...(lb.Scheme !== undefined && { scheme: lb.Scheme }),
    ...(lb.VpcId !== undefined && { vpcId: lb.VpcId }),
    ...(lb.State?.Code !== undefined && { state: lb.State.Code }),
  };
}

const toAction = (action: Action): ElbV2Listener['defaultActions'][number] => ({
  type: action.Type ?? 'unknown',
  ...(action.RedirectConfig?.Protocol !== undefined && { redirectProtocol: action.RedirectConfig.Protocol }),
});

function toListener(listener: Listener): ElbV2Listener {
  const actions = [...(listener.DefaultActions ?? [])].sort((a, b) => (a.Order ?? 0) - (b.Order ?? 0));
  return {
    arn: listener.ListenerArn ?? '',
    ...(listener.Port !== undefined && { port: listener.Port }),
    ...(listener.Protocol !== undefined && { protocol: listener.Protocol }),
    // Only HTTPS and TLS listeners negotiate TLS (moto reports a policy on HTTP listeners too).
    ...(listener.SslPolicy !== undefined &&
      (listener.Protocol === 'HTTPS' || listener.Protocol === 'TLS') && { sslPolicy: listener.SslPolicy }),
    defaultActions: actions.map(toAction),
  };
}

/**
 * Runs a per-load-balancer call; a load balancer deleted since it was listed (LoadBalancerNotFound) is left out
 * rather than reported: it no longer exists to be judged.
 */
async function unlessDeleted<T>(call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch (error) {
    if (isAwsError(error, 'LoadBalancerNotFound')) return null;
    throw error;
  }
}

const present = <T>(items: readonly (T | null)[]): T[] => items.filter((i): i is T => i !== null);

const loadBalancersOf = (context: CollectContext): ElbV2LoadBalancer[] =>
  context.get('elbv2.loadBalancers').filter((lb) => lb.region === context.region);

export const elbv2Collectors: SliceCollectors<
  'elbv2.loadBalancers' | 'elbv2.listeners' | 'elbv2.loadBalancerAttributes' | 'elbv2.webAcls'
> = {
  'elbv2.loadBalancers': {
    key: 'elbv2.loadBalancers',
    scope: 'regional',
    // No check reads load balancer tags: DescribeTags is not called, so denying it cannot blank a region.
    actions: ['elasticloadbalancing:DescribeLoadBalancers'],
    async collect(context) {
      const client = context.clients.get(ElasticLoadBalancingV2Client, context.region);
      const loadBalancers: ElbV2LoadBalancer[] = [];
      for await (const page of paginateDescribeLoadBalancers({ client }, { PageSize: ELBV2_PAGE_SIZE })) {
        for (const lb of page.LoadBalancers ?? []) {
          const normalised = toLoadBalancer(lb, context);
          if (normalised) loadBalancers.push(normalised);
        }
      }
      return loadBalancers;
    },
  },

  'elbv2.listeners': {
    key: 'elbv2.listeners',
    scope: 'regional',
    actions: ['elasticloadbalancing:DescribeListeners'],
    dependsOn: ['elbv2.loadBalancers'],
    async collect(context) {
      const client = context.clients.get(ElasticLoadBalancingV2Client, context.region);
      const collected = await collectEach(context, loadBalancersOf(context), (lb) =>
        unlessDeleted(async () => {
          const listeners: ElbV2Listener[] = [];
          for await (const page of paginateDescribeListeners(
            { client },
            { LoadBalancerArn: lb.arn, PageSize: ELBV2_PAGE_SIZE },
          )) {
            listeners.push(...(page.Listeners ?? []).map(toListener));
          }
          return { arn: lb.arn, region: lb.region, listeners };
        }),
      );
      return present(collected);
    },
  },

  'elbv2.loadBalancerAttributes': {
    key: 'elbv2.loadBalancerAttributes',
    scope: 'regional',
    actions: ['elasticloadbalancing:DescribeLoadBalancerAttributes'],
    dependsOn: ['elbv2.loadBalancers'],
    async collect(context) {
      const client = context.clients.get(ElasticLoadBalancingV2Client, context.region);
      const collected = await collectEach(context, loadBalancersOf(context), (lb) =>
        unlessDeleted(async () => {
          const { Attributes } = await client.send(
            new DescribeLoadBalancerAttributesCommand({ LoadBalancerArn: lb.arn }),
          );
          const attributes = Object.fromEntries(
            (Attributes ?? []).flatMap((a) => (a.Key === undefined ? [] : [[a.Key, a.Value ?? '']])),
          );
          return { arn: lb.arn, region: lb.region, attributes };
        }),
      );
      return present(collected);
    },
  },

  'elbv2.webAcls': {
    key: 'elbv2.webAcls',
    scope: 'regional',
    actions: ['wafv2:GetWebACLForResource'],
    dependsOn: ['elbv2.loadBalancers'],
    async collect(context) {
      const client = context.clients.get(WAFV2Client, context.region);
      // Only Application Load Balancers can be associated with a web ACL.
      const albs = loadBalancersOf(context).filter((lb) => lb.type === 'application');
      const collected = await collectEach(context, albs, async (lb) => {
        try {
          const { WebACL } = await client.send(new GetWebACLForResourceCommand({ ResourceArn: lb.arn }));
          return { arn: lb.arn, region: lb.region, webAclArn: WebACL?.ARN ?? null };
        } catch (error) {
          // The load balancer was deleted since it was listed.
          if (isAwsError(error, 'WAFNonexistentItem')) return null;
          throw error;
        }
      });
      return present(collected);
    },
  },
};

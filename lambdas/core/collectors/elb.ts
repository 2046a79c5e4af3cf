import {
  DescribeLoadBalancerAttributesCommand,
  DescribeLoadBalancerPoliciesCommand,
  ElasticLoadBalancingClient,
  type LoadBalancerDescription,
  paginateDescribeLoadBalancers,
} from '@aws-sdk/client-elastic-load-balancing';
import { isAwsError } from '../aws/clients.js';
import type { ClassicLoadBalancer, ClassicLoadBalancerPolicy } from '../inventory/index.js';
import { collectEach } from './context.js';
import type { CollectContext, SliceCollectors } from './types.js';

/** DescribeLoadBalancers (classic) returns at most 400 per page; its paginator ignores `pageSize`, so it goes in the input. */
const ELB_PAGE_SIZE = 400;

const loadBalancerArn = (context: CollectContext, name: string): string =>
  `arn:${context.partition}:elasticloadbalancing:${context.region}:${context.accountId}:loadbalancer/${name}`;

function toClassicLoadBalancer(lb: LoadBalancerDescription, context: CollectContext): ClassicLoadBalancer | undefined {
  if (!lb.LoadBalancerName) return undefined;
  return {
    arn: loadBalancerArn(context, lb.LoadBalancerName),
    id: lb.LoadBalancerName,
    region: context.region,
    accountId: context.accountId,
    name: lb.LoadBalancerName,
    ...(lb.Scheme !== undefined && { scheme: lb.Scheme }),
    listeners: (lb.ListenerDescriptions ?? []).flatMap(({ Listener: l, PolicyNames }) =>
      l?.Protocol === undefined || l.LoadBalancerPort === undefined
        ? []
        : [
            {
              protocol: l.Protocol.toUpperCase(),
              port: l.LoadBalancerPort,
              ...(l.InstanceProtocol !== undefined && { instanceProtocol: l.InstanceProtocol.toUpperCase() }),
              ...(l.InstancePort !== undefined && { instancePort: l.InstancePort }),
              policyNames: PolicyNames ?? [],
            },
          ],
    ),
  };
}

/**
 * Runs a per-load-balancer call; a load balancer deleted since it was listed (wire code LoadBalancerNotFound,
 * exception AccessPointNotFoundException) is left out rather than reported.
 */
async function unlessDeleted<T>(call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch (error) {
    if (isAwsError(error, 'LoadBalancerNotFound', 'AccessPointNotFound')) return null;
    throw error;
  }
}

const present = <T>(items: readonly (T | null)[]): T[] => items.filter((i): i is T => i !== null);

const loadBalancersOf = (context: CollectContext): ClassicLoadBalancer[] =>
  context.get('elb.loadBalancers').filter((lb) => lb.region === context.region);

export const elbCollectors: SliceCollectors<
  'elb.loadBalancers' | 'elb.loadBalancerAttributes' | 'elb.loadBalancerPolicies'
> = {
  'elb.loadBalancers': {
    key: 'elb.loadBalancers',
    scope: 'regional',
    actions: ['elasticloadbalancing:DescribeLoadBalancers'],
    async collect(context) {
      const client = context.clients.get(ElasticLoadBalancingClient, context.region);
      const loadBalancers: ClassicLoadBalancer[] = [];
      for await (const page of paginateDescribeLoadBalancers({ client }, { PageSize: ELB_PAGE_SIZE })) {
        for (const lb of page.LoadBalancerDescriptions ?? []) {
          const normalised = toClassicLoadBalancer(lb, context);
          if (normalised) loadBalancers.push(normalised);
        }
      }
      return loadBalancers;
    },
  },

  'elb.loadBalancerAttributes': {
    key: 'elb.loadBalancerAttributes',
    scope: 'regional',
    actions: ['elasticloadbalancing:DescribeLoadBalancerAttributes'],
    dependsOn: ['elb.loadBalancers'],
    async collect(context) {
      const client = context.clients.get(ElasticLoadBalancingClient, context.region);
      const collected = await collectEach(context, loadBalancersOf(context), (lb) =>
        unlessDeleted(async () => {
          const { LoadBalancerAttributes: attributes } = await client.send(
            new DescribeLoadBalancerAttributesCommand({ LoadBalancerName: lb.name }),
          );
          const desync = attributes?.AdditionalAttributes?.find(
            (a) => a.Key === 'elb.http.desyncmitigationmode',
          )?.Value;
          return {
            arn: lb.arn,
            region: lb.region,
            accessLogEnabled: attributes?.AccessLog?.Enabled === true,
            ...(desync !== undefined && { desyncMitigationMode: desync }),
          };
        }),
      );
      return present(collected);
    },
  },

  'elb.loadBalancerPolicies': {
    key: 'elb.loadBalancerPolicies',
    scope: 'regional',
    actions: ['elasticloadbalancing:DescribeLoadBalancerPolicies'],
    dependsOn: ['elb.loadBalancers'],
    async collect(context) {
      const client = context.clients.get(ElasticLoadBalancingClient, context.region);
      const collected = await collectEach(context, loadBalancersOf(context), (lb) =>
        unlessDeleted(async () => {
          const { PolicyDescriptions } = await client.send(
            new DescribeLoadBalancerPoliciesCommand({ LoadBalancerName: lb.name }),
          );
          const policies = (PolicyDescriptions ?? []).flatMap((p): ClassicLoadBalancerPolicy[] => {
            if (!p.PolicyName) return [];
            const reference = p.PolicyAttributeDescriptions?.find(
              (a) => a.AttributeName === 'Reference-Security-Policy',
            )?.AttributeValue;
            return [
              {
                name: p.PolicyName,
                ...(p.PolicyTypeName !== undefined && { type: p.PolicyTypeName }),
                ...(reference && { referenceSecurityPolicy: reference }),
              },
            ];
          });
          return { arn: lb.arn, region: lb.region, policies };
        }),
      );
      return present(collected);
    },
  },
};

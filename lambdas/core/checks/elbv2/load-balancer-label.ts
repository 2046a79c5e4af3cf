import type { ElbV2Listener, ElbV2LoadBalancer } from '../../inventory/index.js';

const TYPE_NAMES: Readonly<Record<string, string>> = {
  application: 'Application Load Balancer',
  network: 'Network Load Balancer',
  gateway: 'Gateway Load Balancer',
};

/** How ELBv2 check messages name a load balancer: `Application Load Balancer harbor-web`. */
export const loadBalancerLabel = (lb: ElbV2LoadBalancer): string =>
  `${TYPE_NAMES[lb.type] ?? `${lb.type} load balancer`} ${lb.name}`;

/** `HTTP:80` */
export const listenerLabel = (listener: ElbV2Listener): string =>
  `${listener.protocol ?? 'unknown'}:${listener.port ?? '?'}`;

export const isApplicationLoadBalancer = (lb: ElbV2LoadBalancer): boolean => lb.type === 'application';

/** The load balancers of `type` (all when unset) paired with a per-load-balancer attribute; those without it are left out. */
export function withAttribute<T extends { arn: string }>(
  loadBalancers: readonly ElbV2LoadBalancer[],
  attributes: readonly T[],
  filter: (lb: ElbV2LoadBalancer) => boolean = () => true,
): [ElbV2LoadBalancer, T][] {
  const byArn = new Map(attributes.map((a) => [a.arn, a]));
  return loadBalancers.filter(filter).flatMap((lb) => {
    const attribute = byArn.get(lb.arn);
    return attribute ? [[lb, attribute] as [ElbV2LoadBalancer, T]] : [];
  });
}

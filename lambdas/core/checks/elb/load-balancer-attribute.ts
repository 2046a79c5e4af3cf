import type { ClassicLoadBalancer } from '../../inventory/index.js';

/** Classic load balancers paired with a per-load-balancer attribute; those without it (collection failed) are left out. */
export function withAttribute<T extends { arn: string }>(
  loadBalancers: readonly ClassicLoadBalancer[],
  attributes: readonly T[],
): [ClassicLoadBalancer, T][] {
  const byArn = new Map(attributes.map((a) => [a.arn, a]));
  return loadBalancers.flatMap((lb) => {
    const attribute = byArn.get(lb.arn);
    return attribute ? [[lb, attribute] as [ClassicLoadBalancer, T]] : [];
  });
}

/** `HTTPS:443` */
export const classicListenerLabel = (listener: { protocol: string; port: number }): string =>
  `${listener.protocol}:${listener.port}`;

/** Front-end protocols that terminate TLS on the load balancer. */
export const isTlsListener = (listener: { protocol: string }): boolean =>
  listener.protocol === 'HTTPS' || listener.protocol === 'SSL';

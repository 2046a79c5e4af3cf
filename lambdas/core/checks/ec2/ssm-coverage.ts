import type { Ec2Instance, ManagedInstance } from '../../inventory/index.js';

const key = (region: string, instanceId: string): string => `${region}/${instanceId}`;

/** Looks up the SSM managed-node record of an EC2 instance (same region, same instance id). */
export function managedInstanceLookup(
  managed: readonly ManagedInstance[],
): (instance: Pick<Ec2Instance, 'id' | 'region'>) => ManagedInstance | undefined {
  const byKey = new Map(managed.map((m) => [key(m.region, m.instanceId), m]));
  return (instance) => byKey.get(key(instance.region, instance.id));
}

import type { SecurityGroup } from '../../inventory/index.js';

/** `sg-0abc (web)`: security groups always have a group name. */
export const securityGroupLabel = (group: Pick<SecurityGroup, 'id' | 'name'>): string =>
  group.name ? `${group.id} (${group.name})` : group.id;

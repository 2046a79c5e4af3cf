import type { AwsResource, SecurityGroup } from '../../inventory/index.js';

/** `i-0abc (web-1)` when the resource has a Name tag, else its id. */
export const labelOf = (resource: Pick<AwsResource, 'id' | 'tags'>): string => {
  const name = resource.tags?.Name;
  return name ? `${resource.id} (${name})` : resource.id;
};

/** `sg-0abc (web)`: security groups always have a group name. */
export const securityGroupLabel = (group: Pick<SecurityGroup, 'id' | 'name'>): string =>
  group.name ? `${group.id} (${group.name})` : group.id;

/** `1 rule` / `3 rules`, `1 patch` / `2 patches`. */
export const plural = (count: number, singular: string, pluralForm = `${singular}s`): string =>
  `${count} ${count === 1 ? singular : pluralForm}`;

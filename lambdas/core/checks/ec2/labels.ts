import type { AwsResource } from '../../inventory/index.js';

/** `i-0abc (web-1)` when the resource has a Name tag, else its id. */
export const labelOf = (resource: Pick<AwsResource, 'id' | 'tags'>): string => {
  const name = resource.tags?.Name;
  return name ? `${resource.id} (${name})` : resource.id;
};

/** `1 rule` / `3 rules`, `1 patch` / `2 patches`. */
export const plural = (count: number, singular: string, pluralForm = `${singular}s`): string =>
  `${count} ${count === 1 ? singular : pluralForm}`;

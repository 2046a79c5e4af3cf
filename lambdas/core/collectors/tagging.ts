import { paginateGetResources, ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import { parseArn } from '../aws/arn.js';
import type { SliceCollectors } from './types.js';

/** GetResources returns at most 100 resources per page. */
const RESOURCES_PER_PAGE = 100;

/**
 * The resource type of an ARN as `<namespace>:<type>`: the resource part up to its first `/` or `:`.
 * S3 bucket ARNs have no type (`arn:aws:s3:::name`); Elastic Load Balancing names its load balancer
 * kind in the second segment (`loadbalancer/app/…`, `loadbalancer/net/…`; a classic one has none).
 */
export function resourceTypeOf(arn: string): string | undefined {
  const parsed = parseArn(arn);
  if (!parsed) return undefined;
  const { service, resource } = parsed;
  if (service === 's3' && !resource.includes('/')) return 's3:bucket';
  const [type = '', second] = resource.split(/[/:]/);
  if (service === 'elasticloadbalancing' && type === 'loadbalancer') {
    const kind = second === 'app' || second === 'net' || second === 'gwy' ? second : 'classic';
    return `${service}:loadbalancer/${kind}`;
  }
  return `${service}:${type}`;
}

export const taggingCollectors: SliceCollectors<'tagging.resourceTypes'> = {
  'tagging.resourceTypes': {
    key: 'tagging.resourceTypes',
    scope: 'regional',
    actions: ['tag:GetResources'],
    /** One call per 100 tagged resources in the region; only counts per type are kept, never the ARNs. */
    async collect(context) {
      const client = context.clients.get(ResourceGroupsTaggingAPIClient, context.region);
      const counts = new Map<string, number>();
      const pages = paginateGetResources(
        { client, pageSize: RESOURCES_PER_PAGE },
        { ResourcesPerPage: RESOURCES_PER_PAGE, IncludeComplianceDetails: false },
      );
      for await (const page of pages) {
        for (const mapping of page.ResourceTagMappingList ?? []) {
          const type = mapping.ResourceARN && resourceTypeOf(mapping.ResourceARN);
          if (type) counts.set(type, (counts.get(type) ?? 0) + 1);
        }
      }
      return [...counts]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([resourceType, count]) => ({ region: context.region, resourceType, count }));
    },
  },
};

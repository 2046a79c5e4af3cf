import type { Trail, TrailEventSelectors } from '../../inventory/index.js';

/**
 * Trails this account owns. An organization trail created by the management account also shows
 * up in member accounts; it counts towards their logging, but only its owner can change it.
 */
export const ownTrails = (trails: readonly Trail[], accountId: string): Trail[] =>
  trails.filter((t) => t.accountId === accountId);

/** How messages name a trail. */
export const trailLabel = (trail: Trail): string =>
  `CloudTrail trail ${trail.name} (${trail.multiRegion ? 'multi-region' : 'single-region'}, home ${trail.homeRegion})`;

/** Why a trail's event selectors fall short of all read and write management events, or undefined when they do not. */
export function managementEventGap(selectors: TrailEventSelectors): string | undefined {
  const excluded = selectors.excludedManagementEventSources;
  switch (selectors.managementEvents) {
    case 'None':
      return 'records no management events';
    case 'ReadOnly':
      return 'records only read management events';
    case 'WriteOnly':
      return 'records only write management events';
    case 'All':
      return excluded.length > 0 ? `excludes management events from ${excluded.join(', ')}` : undefined;
  }
}

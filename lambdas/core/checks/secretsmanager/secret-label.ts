import type { Secret } from '../../inventory/index.js';

const DAY_MS = 86_400_000;

/** How Secrets Manager check messages name a secret, with the service that manages it when there is one. */
export const secretLabel = (secret: Secret): string =>
  `Secrets Manager secret ${secret.name}${secret.owningService ? ` (managed by ${secret.owningService})` : ''}`;

/** Whole days from `date` to `now` (0 within the last 24 hours or in the future). */
export const daysSince = (date: Date, now: Date): number =>
  Math.max(0, Math.floor((now.getTime() - date.getTime()) / DAY_MS));

/** `1 day`, `12 days`. */
export const dayCount = (n: number): string => (n === 1 ? '1 day' : `${n} days`);

/** `2026-11-23`. */
export const day = (date: Date): string => date.toISOString().slice(0, 10);

/**
 * Rotation is configured on the primary secret; a replica in another region follows it. Rotation
 * checks judge primaries (and secrets that are not replicated) only.
 */
export const isReplica = (secret: Secret): boolean =>
  secret.primaryRegion !== undefined && secret.primaryRegion !== secret.region;

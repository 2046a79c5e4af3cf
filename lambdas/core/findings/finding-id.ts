import { createHash } from 'node:crypto';

/** Stable finding id: the same check on the same resource always yields the same id. */
export const findingId = (checkId: string, resourceArn: string): string =>
  createHash('sha256').update(`${checkId}\u0000${resourceArn}`).digest('hex').slice(0, 32);

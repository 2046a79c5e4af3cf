import type { KmsKey } from '../../inventory/index.js';

/** How KMS check messages name a key: its id, and its aliases when it has any. */
export const keyLabel = (key: KmsKey): string =>
  `KMS key ${key.id}${key.aliases.length > 0 ? ` (${key.aliases.join(', ')})` : ''}`;

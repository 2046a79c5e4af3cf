import type { EfsFileSystem } from '../../inventory/index.js';

/** How EFS check messages name a file system: its id, and its Name tag when it has one. */
export const fileSystemLabel = (fs: EfsFileSystem): string =>
  `EFS file system ${fs.id}${fs.name ? ` (${fs.name})` : ''}`;

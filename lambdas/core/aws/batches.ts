/** `items` in consecutive groups of at most `size` (the last one shorter), for APIs that take a list per call. */
export const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * `items` in consecutive groups under both of a batch API's limits: at most `maxItems` items and `maxBytes` by
 * `sizeOf` (an item larger than `maxBytes` on its own still gets a group: the caller refuses or reports it).
 */
export function batchBySize<T>(
  items: readonly T[],
  limits: { maxItems: number; maxBytes: number; sizeOf: (item: T) => number },
): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = limits.sizeOf(item);
    if (current.length > 0 && (current.length === limits.maxItems || bytes + size > limits.maxBytes)) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

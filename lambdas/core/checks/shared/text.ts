/** Lists names as prose: `A`, `A and B`, `A, B and C`. */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * A count with its noun: `1 custom origin`, `3 custom origins`.
 *
 * @example
 * countOf(1, 'cache behaviour'); // '1 cache behaviour'
 * countOf(2, 'rule or rule group', 'rules or rule groups'); // '2 rules or rule groups'
 */
export const countOf = (count: number, singular: string, plural = `${singular}s`): string =>
  `${count} ${count === 1 ? singular : plural}`;

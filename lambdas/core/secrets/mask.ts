/**
 * Masks a secret for display: at most its first 4 characters (never more than a quarter of
 * it, so short values show nothing) and its length.
 *
 * @example
 * maskSecret('AKIAIOSFODNN7EXAMPLE'); // 'AKIA…(20 chars)'
 * maskSecret('hunter2');              // '…(7 chars)'
 */
export function maskSecret(value: string): string {
  const characters = [...value];
  if (characters.length === 0) return '(empty)';
  const visible = Math.min(4, Math.floor(characters.length / 4));
  return `${characters.slice(0, visible).join('')}…(${characters.length} chars)`;
}

/**
 * IAM's wildcard grammar, as used in actions, resources and `*Like` conditions: `*` matches any
 * run of characters (including none), `?` exactly one. Action names compare case-insensitively,
 * ARNs case-sensitively.
 */
export function iamWildcardMatch(pattern: string, value: string, options: { ignoreCase?: boolean } = {}): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`, options.ignoreCase ? 'is' : 's').test(value);
}

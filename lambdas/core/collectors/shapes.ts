/** The `[{ Key, Value }]` tag lists of SDK responses as a record; entries without a key are dropped. */
export const tagRecord = (tags: readonly { Key?: string; Value?: string }[] | undefined): Record<string, string> =>
  Object.fromEntries((tags ?? []).flatMap((t) => (t.Key === undefined ? [] : [[t.Key, t.Value ?? '']])));

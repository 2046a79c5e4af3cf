import type { SliceCollector, SliceCollectors } from '../../lambdas/core/collectors/types.js';
import type { SliceKey } from '../../lambdas/core/inventory/index.js';

/**
 * A full collector table for engine tests: the given collectors, and for every other slice
 * one that fails the test if the engine ever asks for it.
 */
export function fakeCollectors(overrides: { [K in SliceKey]?: SliceCollector<K> }): SliceCollectors<SliceKey> {
  return new Proxy(overrides, {
    get(target, key: string) {
      const own = (target as Record<string, unknown>)[key];
      if (own) return own;
      return {
        key,
        scope: 'global',
        actions: [`test:${key}`],
        collect: async () => {
          throw new Error(`The engine collected ${key}, which no selected check requires.`);
        },
      };
    },
  }) as SliceCollectors<SliceKey>;
}

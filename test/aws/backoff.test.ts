import { describe, expect, it } from 'vitest';
import { backoffCeiling, fullJitterDelay, sleep } from '../../lambdas/core/aws/backoff.js';

describe('Function: backoffCeiling', () => {
  it('doubles from the base delay at each retry, up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((retry) => backoffCeiling(100, retry, 1_000))).toEqual([100, 200, 400, 800, 1_000]);
    expect(backoffCeiling(250, 20)).toBe(250 * 2 ** 19);
  });
});

describe('Function: fullJitterDelay', () => {
  it('draws between 0 and the ceiling, unrounded', () => {
    expect([1, 2, 3].map((retry) => fullJitterDelay(100, retry, () => 0.5))).toEqual([50, 100, 200]);
    expect(fullJitterDelay(100, 10, () => 0.999, 1_000)).toBe(999);
    expect(fullJitterDelay(3, 1, () => 0.5)).toBe(1.5);
    expect(fullJitterDelay(100, 3, () => 0)).toBe(0);
  });
});

describe('Function: sleep', () => {
  it('resolves after the delay', async () => {
    const started = Date.now();
    await sleep(20);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
  });
});

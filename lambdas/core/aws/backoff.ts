/** Waits `ms` milliseconds: the default `sleep` of everything that backs off or polls (tests inject their own). */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The exponential back-off ceiling before retry number `retry` (1-based): `baseDelayMs * 2^(retry-1)`, at most
 * `maxDelayMs`.
 */
export function backoffCeiling(baseDelayMs: number, retry: number, maxDelayMs = Number.POSITIVE_INFINITY): number {
  return Math.min(baseDelayMs * 2 ** (retry - 1), maxDelayMs);
}

/**
 * Full-jitter exponential back-off before retry number `retry` (1-based): uniformly random between 0 and
 * {@link backoffCeiling}, in ms, not rounded (the caller rounds as it needs).
 *
 * @example
 * await sleep(Math.floor(fullJitterDelay(200, attempt, random)));
 */
export function fullJitterDelay(
  baseDelayMs: number,
  retry: number,
  random: () => number = Math.random,
  maxDelayMs = Number.POSITIVE_INFINITY,
): number {
  return random() * backoffCeiling(baseDelayMs, retry, maxDelayMs);
}

import { StandardRetryStrategy } from '@smithy/core/retry';
import type { RetryErrorInfo, RetryStrategyV2, StandardRetryToken } from '@smithy/types';
import { fullJitterDelay } from './backoff.js';

export interface ThrottleRetryOptions {
  /** Attempts for transient errors (5xx, timeouts), under the SDK's standard retry quota. */
  maxAttempts: number;
  /** Attempts when AWS throttles, outside the quota. Default 10. */
  throttleMaxAttempts?: number;
  /** Base of the full-jitter exponential delay between throttled attempts (ms). Default 250. */
  throttleBaseDelayMs?: number;
  /** Longest delay between throttled attempts (ms). Default 20,000 (the SDK's cap). */
  throttleMaxDelayMs?: number;
  random?: () => number;
}

/**
 * The SDK's standard retry strategy, except for throttling errors: they are retried up to `throttleMaxAttempts` times
 * without drawing from the client's retry quota. The SDK's quota (500 tokens per client, 5 per throttled retry)
 * stops retrying after ~100 throttled retries per client, so one busy client (S3 in the home region, say) would
 * surface throttles as errors once the customer's own traffic drains a bucket. Pacing belongs to the rate limiter
 * in front of every call (`rate-limiter.ts`), which cuts a domain's rate when a throttle still arrives; this strategy
 * only makes sure the throttled call itself is not lost.
 */
export class ThrottleTolerantRetryStrategy implements RetryStrategyV2 {
  readonly mode = 'standard';
  readonly #standard: StandardRetryStrategy;
  readonly #throttleMaxAttempts: number;
  readonly #baseDelayMs: number;
  readonly #maxDelayMs: number;
  readonly #random: () => number;

  constructor(options: ThrottleRetryOptions) {
    this.#standard = new StandardRetryStrategy({ maxAttempts: options.maxAttempts });
    this.#throttleMaxAttempts = Math.max(options.maxAttempts, options.throttleMaxAttempts ?? 10);
    this.#baseDelayMs = options.throttleBaseDelayMs ?? 250;
    this.#maxDelayMs = options.throttleMaxDelayMs ?? 20_000;
    this.#random = options.random ?? Math.random;
  }

  acquireInitialRetryToken(retryTokenScope: string): Promise<StandardRetryToken> {
    return this.#standard.acquireInitialRetryToken(retryTokenScope);
  }

  async refreshRetryTokenForRetry(token: StandardRetryToken, errorInfo: RetryErrorInfo): Promise<StandardRetryToken> {
    if (errorInfo.errorType !== 'THROTTLING') return this.#standard.refreshRetryTokenForRetry(token, errorInfo);
    const count = token.getRetryCount();
    if (count + 1 >= this.#throttleMaxAttempts) throw new Error('No retry token available');
    const delay = Math.floor(fullJitterDelay(this.#baseDelayMs, count + 1, this.#random, this.#maxDelayMs));
    return {
      getRetryCount: () => count + 1,
      getRetryDelay: () => delay,
      // No cost: a success after it gives back the standard increment, never more than the quota's maximum.
      getRetryCost: () => undefined,
      isLongPoll: () => false,
    } as StandardRetryToken;
  }

  recordSuccess(token: StandardRetryToken): void {
    this.#standard.recordSuccess(token);
  }
}

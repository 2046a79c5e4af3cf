import { sleep } from './backoff.js';
import {
  DEFAULT_CONCURRENCY,
  type RateLimit,
  type ThrottleRuleOverrides,
  throttleDomain,
  throttleRule,
} from './rate-limits.js';

/** Time as the limiter sees it; tests inject a fake one. */
export interface LimiterClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: LimiterClock = {
  now: () => performance.now(),
  sleep,
};

export interface RateLimiterOptions {
  /** Per-service overrides of the default table (the `apiRateLimits` setting). */
  rules?: ThrottleRuleOverrides;
  /** Calls in flight per throttle domain and in total. */
  concurrency?: { perDomain?: number; total?: number };
  /**
   * After a throttling answer the domain's rate is multiplied by `decrease` (at most once per `cooldownMs`), never
   * below `floor` × its configured rate; it then climbs back by `recoverySeconds`⁻¹ of the configured rate per second.
   */
  adaptive?: { decrease?: number; floor?: number; cooldownMs?: number; recoverySeconds?: number };
  /**
   * The share of AWS's burst the client's bucket holds (default 0.5). Sending at AWS's rate keeps AWS's bucket at the
   * level the client's first burst left it; a client burst of half AWS's leaves the other half in AWS's bucket, for
   * the customer's own calls and for answers that arrive closer together than they were sent. A full burst drains
   * AWS's bucket, and then any jitter is a throttle.
   */
  burstShare?: number;
  clock?: LimiterClock;
}

interface Domain {
  /** The service and API whose calls opened the domain: its size is looked up by them. */
  service: string;
  operation: string;
  limit: RateLimit;
  /** Current refill rate: the configured one, lowered after throttles. */
  rate: number;
  tokens: number;
  refilledAt: number;
  lastCutAt: number;
  inFlight: number;
  calls: number;
  throttles: number;
  waitedMs: number;
}

export interface DomainStats {
  calls: number;
  throttles: number;
  /** Time calls spent waiting for a token or a free slot, summed (ms). */
  waitedMs: number;
  /** The refill rate now, after adaptive back-off (calls per second). */
  ratePerSecond: number;
  configuredRatePerSecond: number;
}

/**
 * Client-side token buckets, one per AWS throttle domain (see `rate-limits.ts`), with bounded concurrency per
 * domain and in total, and adaptive back-off: a throttling answer means other traffic (the customer's own) shares
 * the bucket, so the domain's rate is cut and then recovers slowly.
 *
 * @example
 * const release = await limiter.acquire('ec2', 'us-east-1', 'DescribeVolumes');
 * try { await send(); } catch (e) { if (isThrottlingError(e)) limiter.onThrottle('ec2', 'us-east-1', 'DescribeVolumes'); } finally { release(); }
 */
export class ApiRateLimiter {
  #rules: ThrottleRuleOverrides;
  readonly #perDomain: number;
  readonly #total: number;
  readonly #decrease: number;
  readonly #floor: number;
  readonly #cooldownMs: number;
  readonly #recoverySeconds: number;
  readonly #burstShare: number;
  readonly #clock: LimiterClock;
  readonly #domains = new Map<string, Domain>();
  /** Calls waiting for a slot of their domain, in arrival order. */
  readonly #domainWaiters: { domain: Domain; resume: () => void }[] = [];
  /** Calls holding a token and waiting for one of the account's slots, in arrival order. */
  readonly #slotWaiters: (() => void)[] = [];
  #inFlight = 0;

  constructor(options: RateLimiterOptions = {}) {
    this.#rules = options.rules ?? {};
    this.#perDomain = options.concurrency?.perDomain ?? DEFAULT_CONCURRENCY.perDomain;
    this.#total = options.concurrency?.total ?? DEFAULT_CONCURRENCY.total;
    // A cut of 30 % as TCP CUBIC and the SDK's adaptive retry mode make: one throttle is usually jitter at the bucket's
    // edge, and repeated ones keep cutting (down to the floor).
    this.#decrease = options.adaptive?.decrease ?? 0.7;
    this.#floor = options.adaptive?.floor ?? 0.1;
    this.#cooldownMs = options.adaptive?.cooldownMs ?? 1_000;
    this.#recoverySeconds = options.adaptive?.recoverySeconds ?? 10;
    this.#burstShare = options.burstShare ?? 0.5;
    this.#clock = options.clock ?? realClock;
  }

  /** Most calls in flight at once, across all domains. */
  get maxConcurrency(): number {
    return this.#total;
  }

  /** Replaces the per-service overrides; domains already seen keep their state but take the new size. */
  configure(rules: ThrottleRuleOverrides): void {
    this.#rules = rules;
    for (const domain of this.#domains.values()) {
      domain.limit = this.#limitOf(domain.service, rules, domain.operation);
      domain.rate = Math.min(domain.rate, domain.limit.ratePerSecond);
      domain.tokens = Math.min(domain.tokens, domain.limit.burst);
    }
  }

  domainOf(service: string, region: string, operation: string): string {
    return throttleDomain(service, region, operation, this.#rules);
  }

  /**
   * Waits for a slot of the call's domain, then a token, then one of the account's slots; call the returned function
   * when the answer is in. A call waiting for its domain's token holds no account slot, so a slow domain (a paced
   * per-resource read) never keeps the other domains' calls from being sent.
   */
  async acquire(service: string, region: string, operation: string): Promise<() => void> {
    const domain = this.#domain(service, region, operation);
    const started = this.#clock.now();
    domain.calls += 1;
    if (domain.inFlight < this.#perDomain) domain.inFlight += 1;
    // #wake reserves the domain slot before resuming this call.
    else await new Promise<void>((resume) => this.#domainWaiters.push({ domain, resume }));
    let holdsSlot = false;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      domain.inFlight -= 1;
      if (holdsSlot) this.#inFlight -= 1;
      this.#wake();
    };
    try {
      for (;;) {
        this.#refill(domain);
        if (domain.tokens >= 1) {
          domain.tokens -= 1;
          break;
        }
        await this.#clock.sleep(Math.max(1, ((1 - domain.tokens) / domain.rate) * 1000));
      }
      if (this.#inFlight < this.#total && this.#slotWaiters.length === 0) this.#inFlight += 1;
      // #wake reserves the account slot before resuming this call.
      else await new Promise<void>((resume) => this.#slotWaiters.push(resume));
      holdsSlot = true;
    } catch (error) {
      release();
      throw error;
    }
    domain.waitedMs += this.#clock.now() - started;
    return release;
  }

  /** AWS throttled a call of this domain: cut its rate (once per cool-down) and empty its bucket. */
  onThrottle(service: string, region: string, operation: string): void {
    const domain = this.#domain(service, region, operation);
    domain.throttles += 1;
    const now = this.#clock.now();
    this.#refill(domain);
    if (now - domain.lastCutAt < this.#cooldownMs) return;
    domain.lastCutAt = now;
    domain.rate = Math.max(domain.limit.ratePerSecond * this.#floor, domain.rate * this.#decrease);
    domain.tokens = Math.min(domain.tokens, 0);
  }

  stats(): Record<string, DomainStats> {
    return Object.fromEntries(
      [...this.#domains.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, d]) => [
          key,
          {
            calls: d.calls,
            throttles: d.throttles,
            waitedMs: Math.round(d.waitedMs),
            ratePerSecond: d.rate,
            configuredRatePerSecond: d.limit.ratePerSecond,
          },
        ]),
    );
  }

  #domain(service: string, region: string, operation: string): Domain {
    const key = this.domainOf(service, region, operation);
    let domain = this.#domains.get(key);
    if (!domain) {
      const limit = this.#limitOf(service, this.#rules, operation);
      domain = {
        service,
        operation,
        limit,
        rate: limit.ratePerSecond,
        tokens: limit.burst,
        refilledAt: this.#clock.now(),
        lastCutAt: Number.NEGATIVE_INFINITY,
        inFlight: 0,
        calls: 0,
        throttles: 0,
        waitedMs: 0,
      };
      this.#domains.set(key, domain);
    }
    return domain;
  }

  /** The client's bucket for a service's API: AWS's rate, and its share of AWS's burst. */
  #limitOf(service: string, rules: ThrottleRuleOverrides, operation: string): RateLimit {
    const { burst, ratePerSecond } = throttleRule(service, rules, operation);
    return { burst: Math.max(1, Math.floor(burst * this.#burstShare)), ratePerSecond };
  }

  #refill(domain: Domain): void {
    const now = this.#clock.now();
    const seconds = Math.max(0, (now - domain.refilledAt) / 1000);
    domain.refilledAt = now;
    domain.tokens = Math.min(domain.limit.burst, domain.tokens + seconds * domain.rate);
    // Additive recovery towards the configured rate, paused during the cool-down that follows a cut.
    if (domain.rate < domain.limit.ratePerSecond && now - domain.lastCutAt >= this.#cooldownMs) {
      domain.rate = Math.min(
        domain.limit.ratePerSecond,
        domain.rate + (seconds * domain.limit.ratePerSecond) / this.#recoverySeconds,
      );
    }
  }

  #wake(): void {
    for (let i = 0; i < this.#domainWaiters.length; ) {
      const waiter = this.#domainWaiters[i];
      if (waiter && waiter.domain.inFlight < this.#perDomain) {
        this.#domainWaiters.splice(i, 1);
        waiter.domain.inFlight += 1;
        waiter.resume();
      } else i += 1;
    }
    while (this.#inFlight < this.#total) {
      const resume = this.#slotWaiters.shift();
      if (!resume) break;
      this.#inFlight += 1;
      resume();
    }
  }
}

import { describe, expect, it } from 'vitest';
import { ApiRateLimiter, type LimiterClock } from '../../lambdas/core/aws/rate-limiter.js';
import { isThrottlingError, throttleDomain, throttleRule } from '../../lambdas/core/aws/rate-limits.js';
import { ThrottleTolerantRetryStrategy } from '../../lambdas/core/aws/retry-strategy.js';
import { settingsSchema } from '../../lambdas/core/config/settings.js';
import { awsError } from '../helpers/aws-errors.js';

/** Virtual time: sleeping moves the clock forward at once. */
function fakeClock(): LimiterClock & { slept: number } {
  let now = 0;
  const clock = {
    slept: 0,
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
      clock.slept += ms;
    },
  };
  return clock;
}

describe('throttleDomain', () => {
  it('keys EC2 per region and API, RDS per region, IAM per account', () => {
    // Act
    const domains = [
      throttleDomain('ec2', 'eu-west-1', 'DescribeVolumes'),
      throttleDomain('rds', 'eu-west-1', 'DescribeDBSnapshots'),
      throttleDomain('iam', 'us-east-1', 'ListUsers'),
    ];

    // Assess
    expect(domains).toEqual(['ec2:eu-west-1:DescribeVolumes', 'rds:eu-west-1', 'iam']);
  });

  it("uses AWS's documented EC2 and RDS buckets, and a setting's override", () => {
    // Act
    const ec2 = throttleRule('ec2');
    const rds = throttleRule('rds');
    const overridden = throttleRule('rds', { rds: { ratePerSecond: 4 } });

    // Assess
    expect(ec2).toEqual({ scope: 'operation', burst: 100, ratePerSecond: 20 });
    expect(rds).toEqual({ scope: 'region', burst: 300, ratePerSecond: 12 });
    expect(overridden).toEqual({ scope: 'region', burst: 300, ratePerSecond: 4 });
  });

  it("gives an API with a lower quota its own bucket size, never above the service's, overrides included", () => {
    // Act
    const getFindings = throttleRule('securityhub', {}, 'GetFindings');
    const batchImport = throttleRule('securityhub', {}, 'BatchImportFindings');
    const lowered = throttleRule('securityhub', { securityhub: { ratePerSecond: 1 } }, 'GetFindings');

    // Assess
    expect([getFindings.burst, getFindings.ratePerSecond]).toEqual([6, 3]);
    expect([batchImport.burst, batchImport.ratePerSecond]).toEqual([30, 10]);
    expect([lowered.burst, lowered.ratePerSecond]).toEqual([6, 1]);
  });
});

describe('isThrottlingError', () => {
  it.each([
    ['query', 'Throttling', 400],
    ['query', 'RequestLimitExceeded', 503],
    ['rest-xml', 'SlowDown', 503],
    ['json', 'ThrottlingException', 400],
    ['json', 'TooManyRequestsException', 429],
  ] as const)('recognises %s %s', (protocol, name, status) => {
    // Act
    const throttled = isThrottlingError(awsError(protocol, name, { status }));

    // Assess
    expect(throttled).toBe(true);
  });

  it('does not take AccessDenied for throttling', () => {
    // Act
    const throttled = isThrottlingError(awsError('query', 'AccessDenied', { status: 403 }));

    // Assess
    expect(throttled).toBe(false);
  });
});

describe('ApiRateLimiter', () => {
  it("lets half of AWS's burst through at once, then paces calls at the refill rate", async () => {
    // Prepare
    const clock = fakeClock();
    const limiter = new ApiRateLimiter({ clock, rules: { rds: { burst: 6, ratePerSecond: 2 } } });

    // Act
    for (let i = 0; i < 3; i += 1) (await limiter.acquire('rds', 'eu-west-1', 'DescribeDBInstances'))();
    const afterBurst = clock.now();
    for (let i = 0; i < 4; i += 1) (await limiter.acquire('rds', 'eu-west-1', 'DescribeDBSnapshots'))();

    // Assess
    expect(afterBurst).toBe(0);
    expect(clock.now()).toBeCloseTo(2_000, -1);
  });

  it("sends AWS's whole burst at once when told to take all of it", async () => {
    // Prepare
    const clock = fakeClock();
    const limiter = new ApiRateLimiter({ clock, burstShare: 1, rules: { rds: { burst: 6, ratePerSecond: 2 } } });

    // Act
    for (let i = 0; i < 6; i += 1) (await limiter.acquire('rds', 'eu-west-1', 'DescribeDBInstances'))();
    const afterBurst = clock.now();
    (await limiter.acquire('rds', 'eu-west-1', 'DescribeDBInstances'))();

    // Assess
    expect(afterBurst).toBe(0);
    expect(clock.now()).toBeCloseTo(500, -1);
  });

  it('keeps separate buckets for separate domains', async () => {
    // Prepare
    const clock = fakeClock();
    const limiter = new ApiRateLimiter({ clock, rules: { ec2: { burst: 1, ratePerSecond: 1 } } });

    // Act
    (await limiter.acquire('ec2', 'eu-west-1', 'DescribeVolumes'))();
    (await limiter.acquire('ec2', 'eu-west-1', 'DescribeInstances'))();
    (await limiter.acquire('ec2', 'us-east-1', 'DescribeVolumes'))();

    // Assess
    expect(clock.slept).toBe(0);
  });

  it('cuts the rate on a throttle, at most once per cool-down, never below the floor, then recovers', async () => {
    // Prepare
    const clock = fakeClock();
    const limiter = new ApiRateLimiter({
      clock,
      rules: { kms: { burst: 10, ratePerSecond: 16 } },
      adaptive: { decrease: 0.5, recoverySeconds: 20 },
    });
    const rate = () => limiter.stats()['kms:eu-west-1']?.ratePerSecond;
    (await limiter.acquire('kms', 'eu-west-1', 'ListKeys'))();

    // Act
    limiter.onThrottle('kms', 'eu-west-1', 'ListKeys');
    limiter.onThrottle('kms', 'eu-west-1', 'ListKeys');
    const afterOne = rate();
    for (let i = 0; i < 10; i += 1) {
      await clock.sleep(1_000);
      limiter.onThrottle('kms', 'eu-west-1', 'ListKeys');
    }
    const floor = rate();
    await clock.sleep(60_000);
    (await limiter.acquire('kms', 'eu-west-1', 'ListKeys'))();

    // Assess
    expect(afterOne).toBe(8);
    expect(floor).toBeCloseTo(1.6);
    expect(rate()).toBe(16);
    expect(limiter.stats()['kms:eu-west-1']?.throttles).toBe(12);
  });

  it('cuts by 30 % by default, as the SDK adaptive mode does, and is back at full rate 10 s later', async () => {
    // Prepare
    const clock = fakeClock();
    const limiter = new ApiRateLimiter({ clock, rules: { kms: { burst: 10, ratePerSecond: 20 } } });
    const rate = () => limiter.stats()['kms:eu-west-1']?.ratePerSecond;
    (await limiter.acquire('kms', 'eu-west-1', 'ListKeys'))();

    // Act
    limiter.onThrottle('kms', 'eu-west-1', 'ListKeys');
    const cut = rate();
    await clock.sleep(1_000 + 10_000 * 0.3);
    (await limiter.acquire('kms', 'eu-west-1', 'ListKeys'))();

    // Assess
    expect(cut).toBeCloseTo(14);
    expect(rate()).toBe(20);
  });

  it('bounds the calls in flight per domain and in total', async () => {
    // Prepare
    const limiter = new ApiRateLimiter({ concurrency: { perDomain: 2, total: 3 } });
    let inFlight = 0;
    let most = 0;
    let mostRds = 0;
    let rdsInFlight = 0;
    const call = async (service: string) => {
      const release = await limiter.acquire(service, 'eu-west-1', 'Describe');
      inFlight += 1;
      if (service === 'rds') rdsInFlight += 1;
      most = Math.max(most, inFlight);
      mostRds = Math.max(mostRds, rdsInFlight);
      await new Promise((r) => setTimeout(r, 2));
      inFlight -= 1;
      if (service === 'rds') rdsInFlight -= 1;
      release();
    };

    // Act
    await Promise.all([
      ...Array.from({ length: 8 }, () => call('rds')),
      ...Array.from({ length: 8 }, () => call('sns')),
    ]);

    // Assess
    expect(mostRds).toBe(2);
    expect(most).toBe(3);
  });

  it("sends another domain's call while a slow domain's calls wait for tokens", async () => {
    // Prepare: a clock that stands still, so RDS calls past their one-token burst keep waiting for a token; the
    // account has two slots.
    const pending: (() => void)[] = [];
    const stoppedClock: LimiterClock = { now: () => 0, sleep: () => new Promise<void>((wake) => pending.push(wake)) };
    const limiter = new ApiRateLimiter({
      clock: stoppedClock,
      rules: { rds: { burst: 1, ratePerSecond: 1 } },
      concurrency: { perDomain: 3, total: 2 },
    });
    (await limiter.acquire('rds', 'eu-west-1', 'DescribeDBSnapshotAttributes'))();
    void limiter.acquire('rds', 'eu-west-1', 'DescribeDBSnapshotAttributes');
    void limiter.acquire('rds', 'eu-west-1', 'DescribeDBSnapshotAttributes');

    // Act
    const sns = await Promise.race([
      limiter.acquire('sns', 'eu-west-1', 'ListTopics').then(() => 'sent'),
      new Promise((resolve) => setTimeout(() => resolve('blocked'), 100)),
    ]);

    // Assess
    expect(pending).toHaveLength(2);
    expect(sns).toBe('sent');
  });

  it('takes new sizes from configure (the apiRateLimits setting)', async () => {
    // Prepare
    const clock = fakeClock();
    const limiter = new ApiRateLimiter({ clock });
    const settings = settingsSchema.parse({ apiRateLimits: { cloudtrail: { burst: 1, ratePerSecond: 1 } } });

    // Act
    limiter.configure(settings.apiRateLimits);
    for (let i = 0; i < 3; i += 1) (await limiter.acquire('cloudtrail', 'eu-west-1', 'DescribeTrails'))();

    // Assess
    expect(clock.now()).toBeCloseTo(2_000, -1);
  });
});

describe('ThrottleTolerantRetryStrategy', () => {
  const throttling = { errorType: 'THROTTLING' } as const;
  const transient = { errorType: 'TRANSIENT' } as const;

  it("retries throttling far beyond the SDK's retry quota of one client", async () => {
    // Prepare
    const strategy = new ThrottleTolerantRetryStrategy({ maxAttempts: 6, throttleBaseDelayMs: 0 });

    // Act
    let retried = 0;
    for (let call = 0; call < 300; call += 1) {
      const token = await strategy.acquireInitialRetryToken('');
      await strategy.refreshRetryTokenForRetry(token, throttling);
      retried += 1;
    }
    // The standard quota still applies to transient errors, and is untouched.
    const token = await strategy.acquireInitialRetryToken('');
    const next = await strategy.refreshRetryTokenForRetry(token, transient);

    // Assess
    expect(retried).toBe(300);
    expect(next.getRetryCount()).toBe(1);
  });

  it('gives up after throttleMaxAttempts attempts of one call', async () => {
    // Prepare
    const strategy = new ThrottleTolerantRetryStrategy({
      maxAttempts: 3,
      throttleMaxAttempts: 4,
      throttleBaseDelayMs: 0,
    });
    let token = await strategy.acquireInitialRetryToken('');

    // Act
    for (let i = 0; i < 3; i += 1) token = await strategy.refreshRetryTokenForRetry(token, throttling);
    const refused = strategy.refreshRetryTokenForRetry(token, throttling);

    // Assess
    expect(token.getRetryCount()).toBe(3);
    await expect(refused).rejects.toThrow('No retry token available');
  });

  it('waits a full-jitter exponential delay between throttled attempts', async () => {
    // Prepare
    const strategy = new ThrottleTolerantRetryStrategy({ maxAttempts: 6, throttleBaseDelayMs: 100, random: () => 0.5 });
    let token = await strategy.acquireInitialRetryToken('');

    // Act
    const delays: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      token = await strategy.refreshRetryTokenForRetry(token, throttling);
      delays.push(token.getRetryDelay());
    }

    // Assess
    expect(delays).toEqual([50, 100, 200, 400]);
  });
});

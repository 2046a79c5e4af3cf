/**
 * AWS's API request token buckets ("throttle domains"), as srm-scan models them on the client side. Sources: the EC2
 * API throttling page (per account, region and API: burst 100, refill 20 per second for Describe and Get calls), the
 * RDS API throttling page (per account and region, shared by every RDS API: burst 300, refill 12 per second),
 * CloudTrail's quotas (10 TPS for get, describe and list per region), Lambda's quotas (15 per second per API); every other service publishes no numbers, so
 * its values are conservative guesses. See shared/design/aws-limits.md. The test proxy (test/proxy/aws-proxy.ts)
 * enforces the same table.
 */

/** One token bucket: `burst` calls at once, then `ratePerSecond` on average. */
export interface RateLimit {
  burst: number;
  ratePerSecond: number;
}

/** How a service's bucket is scoped: one per account, one per region, or one per region and API. */
export type ThrottleScope = 'account' | 'region' | 'operation';

export interface ThrottleDomainRule extends RateLimit {
  scope: ThrottleScope;
  /** With `scope: 'operation'`: APIs AWS gives a lower quota than the service's other APIs. */
  operations?: Readonly<Record<string, RateLimit>>;
}

/**
 * Per service (the IAM action prefix, as `AwsClients` names it): the bucket's scope and size. A service not listed
 * uses `DEFAULT_THROTTLE_RULE`.
 */
export const DEFAULT_THROTTLE_RULES: Readonly<Record<string, ThrottleDomainRule>> = {
  // Describe*/Get* with MaxResults; the collectors always pass it (unpaginated, unfiltered calls draw from 50 / 10).
  ec2: { scope: 'operation', burst: 100, ratePerSecond: 20 },
  rds: { scope: 'region', burst: 300, ratePerSecond: 12 },
  cloudtrail: { scope: 'region', burst: 10, ratePerSecond: 10 },
  // IAM and STS are global (one bucket per account); AWS publishes no numbers.
  iam: { scope: 'account', burst: 20, ratePerSecond: 10 },
  organizations: { scope: 'account', burst: 10, ratePerSecond: 5 },
  sts: { scope: 'region', burst: 50, ratePerSecond: 20 },
  // S3 publishes request rates per partitioned prefix (5,500 GET per second), and a bucket configuration read is a
  // GET on that bucket; no account-wide rate is published. Each configuration API is paced at 50 per second per
  // region: under one call per second per bucket when the eight reads run together, and SlowDown still backs off.
  s3: { scope: 'operation', burst: 50, ratePerSecond: 50 },
  kms: { scope: 'region', burst: 50, ratePerSecond: 20 },
  // Lambda's quotas page: control-plane APIs 15 requests per second per API, GetPolicy 15 per second of its own.
  lambda: { scope: 'operation', burst: 15, ratePerSecond: 15 },
  dynamodb: { scope: 'region', burst: 50, ratePerSecond: 20 },
  // CloudFront is global; its read APIs are documented at a few calls per second.
  cloudfront: { scope: 'account', burst: 10, ratePerSecond: 5 },
  elasticloadbalancing: { scope: 'region', burst: 40, ratePerSecond: 10 },
  elasticache: { scope: 'region', burst: 40, ratePerSecond: 10 },
  sns: { scope: 'region', burst: 30, ratePerSecond: 15 },
  // Security Hub's published quotas: BatchImportFindings 10 per second, burst 30, per account and region, and most
  // other APIs the same; GetFindings is lower (3 per second, burst 6).
  securityhub: {
    scope: 'operation',
    burst: 30,
    ratePerSecond: 10,
    operations: { GetFindings: { burst: 6, ratePerSecond: 3 } },
  },
  // PutEvents (the run's finding events): the bus's quota is thousands per second and shared with the account's own
  // applications, so stay far below it; 10 entries per call.
  events: { scope: 'region', burst: 50, ratePerSecond: 25 },
};

export const DEFAULT_THROTTLE_RULE: ThrottleDomainRule = { scope: 'region', burst: 20, ratePerSecond: 10 };

/** Calls in flight per throttle domain, and across all domains of one `AwsClients` (one account). */
export const DEFAULT_CONCURRENCY = { perDomain: 8, total: 64 } as const;

/** Overrides from the `apiRateLimits` setting: per service, any of the rule's fields. */
export type ThrottleRuleOverrides = Readonly<Record<string, Partial<ThrottleDomainRule>>>;

/**
 * The bucket of a service, or of one of its APIs when AWS gives that API a lower quota of its own (never more than
 * the service's, overrides included).
 */
export function throttleRule(
  service: string,
  overrides: ThrottleRuleOverrides = {},
  operation?: string,
): ThrottleDomainRule {
  const rule = { ...(DEFAULT_THROTTLE_RULES[service] ?? DEFAULT_THROTTLE_RULE), ...overrides[service] };
  const own = operation !== undefined && rule.scope === 'operation' ? rule.operations?.[operation] : undefined;
  return own
    ? {
        ...rule,
        burst: Math.min(rule.burst, own.burst),
        ratePerSecond: Math.min(rule.ratePerSecond, own.ratePerSecond),
      }
    : rule;
}

/**
 * The bucket a call draws from: `ec2:eu-west-1:DescribeInstances` (per API), `rds:eu-west-1` (per region) or
 * `iam` (per account).
 *
 * @example
 * throttleDomain('ec2', 'us-east-1', 'DescribeVolumes'); // 'ec2:us-east-1:DescribeVolumes'
 */
export function throttleDomain(
  service: string,
  region: string,
  operation: string,
  overrides: ThrottleRuleOverrides = {},
): string {
  switch (throttleRule(service, overrides).scope) {
    case 'account':
      return service;
    case 'region':
      return `${service}:${region}`;
    case 'operation':
      return `${service}:${region}:${operation}`;
  }
}

/**
 * Error codes with which AWS says "slow down" (the wire codes and SDK names, `Exception` suffix or not), beside HTTP
 * 429.
 */
export const THROTTLING_ERROR_CODES = [
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottledException',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'TransactionInProgressException',
  'RequestLimitExceeded',
  'BandwidthLimitExceeded',
  'LimitExceededException',
  'RequestThrottled',
  'SlowDown',
  'PriorRequestNotComplete',
  'EC2ThrottledException',
];

/** Whether an SDK error is AWS throttling the caller. */
export function isThrottlingError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as {
    name?: unknown;
    Code?: unknown;
    $retryable?: { throttling?: boolean };
    $metadata?: { httpStatusCode?: number };
  };
  if (e.$retryable?.throttling) return true;
  if (e.$metadata?.httpStatusCode === 429) return true;
  return [e.name, e.Code].some((code) => typeof code === 'string' && THROTTLING_ERROR_CODES.includes(code));
}

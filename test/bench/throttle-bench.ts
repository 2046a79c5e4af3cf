/**
 * The demo scan under AWS-like throttling, printed as a table (not asserted):
 *
 *   npm run bench:throttle
 *
 * Seeds the demo account on moto once, then scans it directly and through the test proxy (test/proxy/aws-proxy.ts)
 * with latency per call and per returned item, AWS's token buckets (the table in lambdas/core/aws/rate-limits.ts, and
 * a "tight" variant at a tenth of it, on both sides, standing for an account whose own automation uses most of
 * each bucket), and 30 % of calls throttled; each with the scanner's rate limiter on and off.
 */
import { performance } from 'node:perf_hooks';
import { startMoto } from '../../demo/moto.js';
import { seedDemoAccount } from '../../demo/seed/index.js';
import { DEMO_ACCOUNT_ID, DEMO_ALLOWED_REGIONS, DEMO_REGIONS } from '../../demo/seed/types.js';
import { ApiCallCounter } from '../../lambdas/core/aws/api-calls.js';
import { AwsClients } from '../../lambdas/core/aws/clients.js';
import {
  DEFAULT_THROTTLE_RULE,
  DEFAULT_THROTTLE_RULES,
  type ThrottleDomainRule,
} from '../../lambdas/core/aws/rate-limits.js';
import { CHECKS } from '../../lambdas/core/checks/registry.js';
import { parseConfig } from '../../lambdas/core/config/config-file.js';
import { runScanJob } from '../../lambdas/core/job/run-scan-job.js';
import { type AwsProxyOptions, startAwsProxy } from '../proxy/aws-proxy.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: 'us-east-1' });

const moto = await startMoto();
const seedClients = new AwsClients(new ApiCallCounter(), { endpoint: moto.endpoint, rateLimits: false });
await seedDemoAccount({ accountId: DEMO_ACCOUNT_ID, clients: seedClients });
seedClients.destroy();

/** Every service the scan calls, at a tenth of its bucket. */
async function tightRules(): Promise<Record<string, ThrottleDomainRule>> {
  const clients = new AwsClients(new ApiCallCounter(), { endpoint: moto.endpoint });
  await runScanJob({ checks: CHECKS, config: config(), clients });
  const services = new Set([
    ...Object.keys(DEFAULT_THROTTLE_RULES),
    ...Object.keys(clients.counter.byOperation()).map((op) => op.split(':')[0] ?? op),
  ]);
  clients.destroy();
  return Object.fromEntries(
    [...services].map((service) => {
      const rule = DEFAULT_THROTTLE_RULES[service] ?? DEFAULT_THROTTLE_RULE;
      return [
        service,
        { scope: rule.scope, burst: Math.max(1, Math.round(rule.burst / 10)), ratePerSecond: rule.ratePerSecond / 10 },
      ];
    }),
  );
}

function config(apiRateLimits: Record<string, ThrottleDomainRule> = {}) {
  return parseConfig(
    { regions: [...DEMO_REGIONS], settings: { allowedRegions: [...DEMO_ALLOWED_REGIONS], apiRateLimits } },
    'bench',
  );
}

const tight = await tightRules();
const latency = { perCallMs: 30, perItemMs: 0.2 };
const scenarios: { label: string; proxy?: Omit<AwsProxyOptions, 'upstream'>; tight?: boolean }[] = [
  { label: 'moto directly' },
  { label: 'AWS buckets, 30 ms + 0.2 ms/item', proxy: { latency } },
  { label: 'tight buckets (1/10)', proxy: { latency, buckets: tight }, tight: true },
  { label: 'AWS buckets + 30 % throttled', proxy: { latency, faults: { throttlePercent: 30, seed: 1 } } },
];

console.log('\n## Demo scan under throttling\n');
console.log(
  '| scenario | limiter | wall s | calls | HTTP attempts | throttled (bucket / fault) | unrecovered | ERROR findings |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const scenario of scenarios) {
  for (const limiter of [true, false]) {
    const proxy = scenario.proxy ? await startAwsProxy({ upstream: moto.endpoint, ...scenario.proxy }) : undefined;
    const clients = new AwsClients(new ApiCallCounter(), {
      endpoint: proxy?.endpoint ?? moto.endpoint,
      ...(!limiter && { rateLimits: false as const }),
    });
    const started = performance.now();
    const { report } = await runScanJob({
      checks: CHECKS,
      config: config(scenario.tight && limiter ? tight : {}),
      clients,
    });
    const seconds = (performance.now() - started) / 1000;
    clients.destroy();
    const stats = proxy?.stats();
    await proxy?.stop();
    const errors = report.findings.filter((f) => f.status === 'ERROR').length;
    console.log(
      `| ${scenario.label} | ${limiter ? 'on' : 'off'} | ${seconds.toFixed(1)} | ${clients.counter.total} | ${clients.counter.attempts} | ${stats ? `${stats.totals.throttled} (${stats.throttledBy.bucket} / ${stats.throttledBy.fault})` : '–'} | ${stats ? stats.unrecovered.length : '–'} | ${errors} |`,
    );
  }
}
await moto.stop();

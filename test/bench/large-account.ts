/**
 * The large-account benchmark: seed the emulator with the reference account at a scale, scan it through the real
 * engine and collectors, and compare the calls made with the minimal-call model.
 */
import { ApiCallCounter } from '../../lambdas/core/aws/api-calls.js';
import { AwsClients } from '../../lambdas/core/aws/clients.js';
import type { DomainStats } from '../../lambdas/core/aws/rate-limiter.js';
import { THROTTLING_ERROR_CODES } from '../../lambdas/core/aws/rate-limits.js';
import { CHECKS } from '../../lambdas/core/checks/registry.js';
import { COLLECTORS } from '../../lambdas/core/collectors/index.js';
import { defaultSettings } from '../../lambdas/core/config/settings.js';
import { sliceClosure } from '../../lambdas/core/engine/collect.js';
import { COVERAGE_SLICES, runScan } from '../../lambdas/core/engine/scan.js';
import { Recording, startAwsProxy } from '../proxy/aws-proxy.js';
import { type OtherServicesModel, otherServicesModel } from './minimal-calls.js';
import { BENCH_REGIONS } from './reference-account.js';

export type LatencyMode = 'aws' | 'none';

/** What `--latency aws` adds per call and per returned item: a round trip to a nearby region and AWS's serialisation. */
export const AWS_LATENCY = { perCallMs: 40, perItemMs: 0.2 };

/** A scan on the emulator, and (with `--latency aws`) the same scan replayed at AWS's latency and limits. */
export interface BenchScans {
  /** The scan on the emulator (through the recording proxy with `--latency aws`). */
  onEmulator: ScanMeasure;
  /** Wall time during which the emulator had at least one call (with `--latency aws`). */
  emulatorBusyMs?: number;
  /** The replay: the scanner's own time under AWS-like latency and AWS's token buckets, no emulator. */
  replayed?: ScanMeasure & { throttled: number; misses: number; proxyCalls: number };
}

/**
 * `--latency none`: one scan straight at the emulator. `--latency aws`: the scan runs through a proxy that answers
 * as AWS where moto differs (aws-fidelity.ts) and records every answer; then the same scan runs again against a
 * replay of those answers with AWS-like latency and AWS's token buckets per throttle domain. The emulator's own
 * time (moto answers about 100 calls a second on one core) stays out of the second run, whose wall time is what
 * the scan would take against AWS; the throttles it meets are AWS's.
 */
export async function benchScans(
  latency: LatencyMode,
  emulator: string,
  scan: (endpoint: string) => Promise<ScanMeasure>,
): Promise<BenchScans> {
  if (latency === 'none') return { onEmulator: await scan(emulator) };
  const recording = new Recording();
  const recorder = await startAwsProxy({ upstream: emulator, awsFidelity: true, buckets: false, record: recording });
  let onEmulator: ScanMeasure;
  let emulatorBusyMs: number;
  try {
    onEmulator = await scan(recorder.endpoint);
    emulatorBusyMs = recorder.stats().upstreamBusyMs;
  } finally {
    await recorder.stop();
  }
  const replayer = await startAwsProxy({ upstream: emulator, replay: recording, latency: AWS_LATENCY });
  try {
    const replayed = await scan(replayer.endpoint);
    const { totals } = replayer.stats();
    return {
      onEmulator,
      emulatorBusyMs,
      replayed: { ...replayed, throttled: totals.throttled, misses: recording.misses, proxyCalls: totals.calls },
    };
  } finally {
    await replayer.stop();
  }
}

export interface ScanMeasure {
  ms: number;
  calls: number;
  /** HTTP requests sent, retries included. */
  attempts: number;
  byOperation: Record<string, number>;
  /** Collection issues by `slice errorCode` (emulator gaps show here). */
  issues: Record<string, number>;
  /** The last slice×region units collection finished, with their time since the scan started (ms). */
  lastUnits: [string, number][];
  /** The scanner's client-side pacing per throttle domain: calls, throttles, time waited. */
  domains: Record<string, DomainStats>;
  /** Collection issues whose error is a throttling error: calls still throttled after the SDK's retries. */
  unrecoveredThrottles: number;
  findings: number;
  /** The scanning process's CPU time during the scan. */
  cpuMs: { user: number; system: number };
  /** Peak resident set of the scanning process (seeding included when they share a process). */
  peakRssBytes: number;
  /** Where the wall time went: identity and regions, collection, then evaluation and report (scanner CPU only). */
  phases: { startMs: number; collectMs: number; collectCpuMs: number; evaluateMs: number };
}

/** Scans every region of the reference account through `endpoint` with the whole catalogue. */
export async function scanAccount(endpoint: string, regions: readonly string[] = BENCH_REGIONS): Promise<ScanMeasure> {
  const counter = new ApiCallCounter();
  const clients = new AwsClients(counter, { endpoint });
  const cpu = process.cpuUsage();
  const started = performance.now();
  let collectStarted = started;
  let collectCpu = cpu;
  let collected = started;
  let collectedCpu = cpu;
  const unitsDoneAt: [string, number][] = [];
  try {
    const report = await runScan({
      checks: CHECKS,
      collectors: COLLECTORS,
      settings: defaultSettings(),
      clients,
      regions,
      onStart: () => {
        collectStarted = performance.now();
        collectCpu = process.cpuUsage();
      },
      onProgress: ({ slice, region, done, total }) => {
        unitsDoneAt.push([`${slice} ${region}`, performance.now() - started]);
        if (done !== total) return;
        collected = performance.now();
        collectedCpu = process.cpuUsage();
      },
    });
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const collectUsed = { user: collectedCpu.user - collectCpu.user, system: collectedCpu.system - collectCpu.system };
    const issues: Record<string, number> = {};
    for (const issue of report.scan.collectionIssues) {
      const key = `${issue.slice} ${issue.errorCode}`;
      issues[key] = (issues[key] ?? 0) + 1;
    }
    return {
      ms,
      calls: counter.total,
      attempts: counter.attempts,
      byOperation: counter.byOperation(),
      domains: clients.rateLimiter?.stats() ?? {},
      lastUnits: unitsDoneAt.slice(-6),
      issues,
      unrecoveredThrottles: report.scan.collectionIssues.filter((i) => THROTTLING_ERROR_CODES.includes(i.errorCode))
        .length,
      findings: report.findings.length,
      cpuMs: { user: used.user / 1000, system: used.system / 1000 },
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
      phases: {
        startMs: collectStarted - started,
        collectMs: collected - collectStarted,
        collectCpuMs: (collectUsed.user + collectUsed.system) / 1000,
        evaluateMs: started + ms - collected,
      },
    };
  } finally {
    clients.destroy();
  }
}

/** The "other services" row of the model for the whole catalogue's slices. */
export function catalogueOtherServices(regions = BENCH_REGIONS.length): OtherServicesModel {
  const closure = sliceClosure([...CHECKS.flatMap((c) => c.requires), ...COVERAGE_SLICES], COLLECTORS);
  return otherServicesModel(
    [...closure].map((key) => ({
      key,
      scope: COLLECTORS[key].scope,
      ...(COLLECTORS[key].dependsOn && { dependsOn: COLLECTORS[key].dependsOn }),
    })),
    regions,
  );
}

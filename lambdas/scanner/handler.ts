import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { ApiCallCounter } from '../core/aws/api-calls.js';
import { AwsClients } from '../core/aws/clients.js';
import type { Check } from '../core/checks/define-check.js';
import { CHECKS } from '../core/checks/registry.js';
import { runScanJob, type ScanJobOptions, type ScanJobResult } from '../core/job/run-scan-job.js';
import {
  type AccountScanResult,
  type ScanRunSummary,
  summariseAccountScan,
  summariseScan,
} from '../core/job/run-summary.js';
import { ConfigurationError } from '../core/model/errors.js';
import {
  type MemberAccount,
  memberAccountClients,
  memberRoleArn,
  partitionOfRegion,
  verifyMemberSession,
} from '../core/org/member-session.js';
import { redactSecretsDeep } from '../core/secrets/index.js';
import { type ScannerEnvironment, scannerEnvironment } from './environment.js';
import { parseScanEvent } from './event.js';
import { checksForRun, jobOptionsFor } from './job-options.js';
import { SCANNER_METRICS } from './metrics.js';

export type { AccountScanResult, ScanRunSummary } from '../core/job/run-summary.js';

/**
 * Time kept back from collection for evaluation, the findings table's writes and the result: 20 % of what the
 * invocation has left, at least 90 s. Collection stops at the deadline; what it had not read becomes ERROR.
 */
export function collectionDeadline(startMs: number, remainingMs: number): number {
  return startMs + remainingMs - Math.max(90_000, Math.round(remainingMs * 0.2));
}

/** The metrics the handler records; `powertoolsMetrics` writes them as CloudWatch EMF. */
export interface ScanMetrics {
  /** A count, optionally with one dimension (e.g. `severity=critical`). */
  count(name: string, value: number, dimension?: { name: string; value: string }): void;
  seconds(name: string, value: number): void;
  /** Writes what was recorded (once per invocation, also after a failure). */
  flush(): void;
}

/** The part of the Powertools logger the handler uses. */
export type ScanLogger = Pick<Logger, 'addContext' | 'info' | 'warn' | 'error'>;

/** Everything the handler uses from outside, injectable for tests. */
export interface ScanHandlerDependencies {
  runScanJob: (options: ScanJobOptions) => Promise<ScanJobResult>;
  /** The parsed function environment (parsed once per cold start). */
  environment: () => ScannerEnvironment;
  /** The check catalogue the deployed selection is taken from. */
  catalogue: readonly Check[];
  createClients: () => AwsClients;
  /** Clients acting in a member account through its role (organisation mode). @default {@link defaultMemberClients} */
  createMemberClients?: (member: MemberAccount, stsRegion: string) => AwsClients;
  /** Default `Date.now`. */
  clock?: () => number;
  logger: ScanLogger;
  metrics: ScanMetrics;
}

/** Adapts Powertools Metrics: plain metrics share one EMF blob, dimensioned ones get their own. */
export function powertoolsMetrics(metrics: Metrics): ScanMetrics {
  return {
    count: (name, value, dimension) => {
      if (!dimension) metrics.addMetric(name, MetricUnit.Count, value);
      else
        metrics.singleMetric().addDimension(dimension.name, dimension.value).addMetric(name, MetricUnit.Count, value);
    },
    seconds: (name, value) => metrics.addMetric(name, MetricUnit.Seconds, value),
    flush: () => metrics.publishStoredMetrics(),
  };
}

function recordMetrics(metrics: ScanMetrics, summary: ScanRunSummary): void {
  // The stale-scan alarm watches this: no completed scan for its window means the schedule stopped. A run the time
  // budget cut short is not a completed scan.
  if (summary.complete) metrics.count(SCANNER_METRICS.scansCompleted, 1);
  else metrics.count('PartialScans', 1);
  metrics.seconds('ScanDuration', summary.durationSeconds);
  metrics.count('ApiCalls', summary.apiCalls);
  metrics.count(SCANNER_METRICS.collectionIssues, summary.collectionIssues.count);
  metrics.count('NotEvaluated', summary.coverage.notEvaluated);
  metrics.count('ChecksRun', summary.checks);
  if (summary.lifecycle) {
    metrics.count('NewFindings', summary.lifecycle.new);
    metrics.count('RegressedFindings', summary.lifecycle.regressed);
    metrics.count('ResolvedFindings', summary.lifecycle.resolved);
    metrics.count('OpenFindings', summary.lifecycle.open);
  }
  const byDimension = (metric: string, dimension: string, counts: Record<string, number>) => {
    for (const [value, count] of Object.entries(counts)) metrics.count(metric, count, { name: dimension, value });
  };
  const { PASS, FAIL, SUPPRESSED, ERROR } = summary.findings;
  byDimension('Findings', 'status', { PASS, FAIL, SUPPRESSED, ERROR });
  byDimension('FailedFindings', 'severity', summary.findings.failedBySeverity);
  byDimension('FailedFindings', 'srmClass', summary.findings.failedBySrmClass);
}

/**
 * The logger with every string it is given, errors included, passed through `redactSecretsDeep`:
 * AWS error messages and collection issues can quote a request's input.
 */
function redactingLogger(logger: ScanLogger): ScanLogger {
  return {
    addContext: (context) => logger.addContext(context),
    info: (input, ...extra) => logger.info(redactSecretsDeep(input), ...redactSecretsDeep(extra)),
    warn: (input, ...extra) => logger.warn(redactSecretsDeep(input), ...redactSecretsDeep(extra)),
    error: (input, ...extra) => logger.error(redactSecretsDeep(input), ...redactSecretsDeep(extra)),
  };
}

/**
 * Creates the scanner handler: validates the event, runs the scan job with the deployed
 * configuration, logs and records metrics, and returns the run summary.
 */
export function createScanHandler(
  dependencies: ScanHandlerDependencies,
): (event: unknown, context?: Context) => Promise<ScanRunSummary | AccountScanResult> {
  const { metrics } = dependencies;
  const clock = dependencies.clock ?? Date.now;
  const logger = redactingLogger(dependencies.logger);
  return async (event, context) => {
    const startMs = clock();
    if (context) logger.addContext(context);
    let clients: AwsClients | undefined;
    let ownClients: AwsClients | undefined;
    try {
      const env = dependencies.environment();
      const request = parseScanEvent(event);
      const checks = checksForRun(dependencies.catalogue, env, request);
      logger.info('Scan requested', { request, checks: checks.length });
      if (request.trigger === 'organization') {
        if (!env.organization) {
          throw new ConfigurationError(
            'Invalid event: an organisation event (source srm-scan.organization) needs a stack deployed with -c organization=true.',
          );
        }
        // The findings table and topic are the scanner's own (audit account): written with its own credentials.
        ownClients = dependencies.createClients();
        clients = (dependencies.createMemberClients ?? defaultMemberClients)(
          {
            accountId: request.accountId,
            roleName: env.organization.memberRoleName,
            ...(env.organization.externalId && { externalId: env.organization.externalId }),
          },
          env.region,
        );
        await verifyMemberSession(clients, {
          accountId: request.accountId,
          roleArn: memberRoleArn(
            { accountId: request.accountId, roleName: env.organization.memberRoleName },
            partitionOfRegion(env.region),
          ),
          stsRegion: env.region,
        });
      } else if (env.organization) {
        // The function's own role reads nothing in organisation mode: a run of "this account" would only collect AccessDenied.
        throw new ConfigurationError(
          'Invalid event: this stack is in organisation mode; start its state machine, or scan one member account with {"source":"srm-scan.organization","accountId":"111111111111"}.',
        );
      } else {
        clients = dependencies.createClients();
      }
      const remainingMs = context?.getRemainingTimeInMillis?.();
      const result = await dependencies.runScanJob(
        jobOptionsFor(env, request, dependencies.catalogue, checks, clients, {
          onStart: (scope) => logger.info('Scan started', { ...scope }),
          ...(remainingMs !== undefined && { deadline: collectionDeadline(startMs, remainingMs) }),
          ...(ownClients && { storeClients: ownClients }),
        }),
      );
      const summary = summariseScan({
        report: result.report,
        trigger: request.trigger,
        dryRun: request.trigger === 'on-demand' && request.dryRun,
        ...(result.lifecycle && { lifecycle: result.lifecycle }),
        ...(result.alert && { alert: result.alert }),
        ...(result.events && { events: result.events }),
        ...(result.stored && { stored: result.stored }),
        ...(result.securityHub && { securityHub: result.securityHub }),
      });
      if (summary.securityHub?.error || (summary.securityHub?.failed?.count ?? 0) > 0) {
        // The scan and its findings table are done; the push is retried in full by the next run.
        logger.error('Security Hub push incomplete', { securityHub: summary.securityHub });
        metrics.count('SecurityHubPushFailures', 1);
      }
      if (result.report.scan.collectionIssues.length > 0) {
        logger.warn('Collection issues', { collectionIssues: result.report.scan.collectionIssues });
      }
      const { suppressionProblems } = result.report.scan;
      if (suppressionProblems.length > 0) logger.warn('Suppression problems', { suppressionProblems });
      if (!summary.complete)
        logger.warn('Scan incomplete: the time budget ran out', { timeBudget: summary.timeBudget });
      logger.info('Scan finished', { summary });
      recordMetrics(metrics, summary);
      if (request.trigger === 'organization') {
        return summariseAccountScan({
          summary,
          transitions: result.transitions ?? [],
          minSeverity: env.minAlertSeverity,
        });
      }
      return summary;
    } catch (error) {
      logger.error('Scan failed', error as Error);
      metrics.count('ScanFailures', 1);
      throw error;
    } finally {
      clients?.destroy();
      ownClients?.destroy();
      metrics.flush();
    }
  };
}

/** A member account's clients: AssumeRole on the function's regional STS endpoint. */
export const defaultMemberClients = (member: MemberAccount, stsRegion: string): AwsClients =>
  memberAccountClients(new ApiCallCounter(), { userAgent: 'srm-scan-lambda' }, member, {
    stsRegion,
    partition: partitionOfRegion(stsRegion),
  });

/** The Lambda entry point (`index.handler` in the bundle). */
export const handler = createScanHandler({
  runScanJob,
  environment: scannerEnvironment,
  catalogue: CHECKS,
  createClients: () => new AwsClients(new ApiCallCounter(), { userAgent: 'srm-scan-lambda' }),
  logger: new Logger({ serviceName: SCANNER_METRICS.service }),
  metrics: powertoolsMetrics(
    new Metrics({ namespace: SCANNER_METRICS.namespace, serviceName: SCANNER_METRICS.service }),
  ),
});

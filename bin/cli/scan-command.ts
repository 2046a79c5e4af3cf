import { ApiCallCounter } from '../../lambdas/core/aws/api-calls.js';
import { type AwsClientOptions, AwsClients } from '../../lambdas/core/aws/clients.js';
import { selectChecks } from '../../lambdas/core/engine/select.js';
import { EVENT_BUS } from '../../lambdas/core/events/schema.js';
import {
  describeCoverage,
  isUnsuppressedFailure,
  type ScanCoverage,
  type ScanReport,
} from '../../lambdas/core/findings/model.js';
import { runScanJob, type ScanJobResult } from '../../lambdas/core/job/run-scan-job.js';
import { ConfigurationError } from '../../lambdas/core/model/errors.js';
import { renderAsff } from '../../lambdas/core/reports/asff.js';
import { renderCsv } from '../../lambdas/core/reports/csv.js';
import { renderHtml } from '../../lambdas/core/reports/html.js';
import { renderJson } from '../../lambdas/core/reports/json.js';
import { renderOcsf } from '../../lambdas/core/reports/ocsf.js';
import { renderTable } from '../../lambdas/core/reports/table.js';
import { describePush } from '../../lambdas/core/securityhub/push.js';
import { atLeast, type Severity } from '../../lambdas/core/srm/vocabulary.js';
import { assertWritable, emit } from './output.js';
import { assertProfileExists } from './profile.js';
import { createProgressReporter } from './progress.js';
import { type OutputFormat, resolveConfig, type ScanFlags } from './resolve-config.js';

export type { OutputFormat, ScanFlags };

export interface ScanCommandIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
}

/** The renderers of one output format; ocsf and asff records carry their account, so they take one report or many. */
export interface Renderers<R> {
  reports: (report: R) => readonly ScanReport[];
  html: (report: R) => string;
  json: (report: R) => string;
  csv: (report: R) => string;
  table: (report: R, options: { showPasses: boolean }) => string;
}

/** The report in `format`: single-account or organisation, according to `renderers`. */
export function renderReport<R>(
  renderers: Renderers<R>,
  report: R,
  format: OutputFormat,
  showPasses: boolean,
  importRegion?: string,
): string {
  switch (format) {
    case 'ocsf':
      return renderOcsf(renderers.reports(report));
    case 'asff':
      return renderAsff(renderers.reports(report), importRegion);
    case 'html':
      return renderers.html(report);
    case 'json':
      return renderers.json(report);
    case 'csv':
      return renderers.csv(report);
    case 'table':
      return renderers.table(report, { showPasses });
  }
}

const SINGLE_ACCOUNT: Renderers<ScanReport> = {
  reports: (report) => [report],
  html: renderHtml,
  json: renderJson,
  csv: renderCsv,
  table: renderTable,
};

/**
 * Where Security Hub findings go, and the region in an ASFF export's ProductArn: `--security-hub-region`, else the
 * configured region (the client's, AWS_REGION, AWS_DEFAULT_REGION), else the first region scanned. One import region:
 * Security Hub's cross-region aggregation shows it in the aggregation region, and one product keeps archiving exact.
 */
export const securityHubRegion = (
  flags: ScanFlags,
  clientRegion: string | undefined,
  regions?: readonly string[],
): string =>
  flags.securityHubRegion ??
  clientRegion ??
  process.env.AWS_REGION ??
  process.env.AWS_DEFAULT_REGION ??
  regions?.[0] ??
  'us-east-1';

/** What the Security Hub push did, on stderr; true when something was not pushed (the run then exits 1). */
export function reportSecurityHub(result: ScanJobResult['securityHub'], stderr: NodeJS.WritableStream): boolean {
  if (!result) return false;
  if (result.error) {
    stderr.write(`${result.error}\n`);
    return true;
  }
  if (!result.result) return false;
  stderr.write(`${describePush(result.result)}\n`);
  return result.result.failed.count > 0;
}

/** Why the exit gates are met, one sentence each; empty when the run exits 0. */
export function gateFailures(
  report: { findings: ScanReport['findings']; coverage: ScanCoverage },
  gates: { failOn?: Severity; failOnError?: boolean },
): string[] {
  const reasons: string[] = [];
  const { failOn } = gates;
  if (failOn) {
    const failing = report.findings.filter((f) => isUnsuppressedFailure(f) && atLeast(f.severity, failOn)).length;
    if (failing > 0) reasons.push(`${failing} unsuppressed finding(s) at or above ${failOn} (--fail-on)`);
  }
  if (gates.failOnError && report.coverage.notEvaluated > 0) {
    reasons.push(
      `${report.coverage.notEvaluated} resource-check(s) could not be evaluated (--fail-on-error; see the collection issues)`,
    );
  }
  return reasons;
}

/**
 * Validates everything it can before calling AWS (flags, configuration, the output path, the profile), then runs
 * the scan job with a progress bar on stderr. `clientOptions` points the SDK elsewhere (the demo's emulator)
 * without touching the process environment. Shared by `scan`, `coverage` and `demo`.
 */
export async function executeScan(
  flags: ScanFlags,
  io: ScanCommandIo,
  clientOptions: AwsClientOptions = {},
): Promise<ScanJobResult> {
  const { config, labels } = await resolveConfig(flags);
  if (flags.output) await assertWritable(flags.output);
  assertDeliveryFlags(flags);
  if (flags.profile) await assertProfileExists(flags.profile);
  const { CHECKS } = await import('../../lambdas/core/checks/registry.js');
  const checks = selectChecks(CHECKS, config, labels);

  const clients = new AwsClients(new ApiCallCounter(), {
    ...clientOptions,
    ...(flags.profile && { profile: flags.profile }),
  });
  const progress = createProgressReporter(io.stderr);
  try {
    return await runScanJob({
      checks,
      catalogue: CHECKS,
      config,
      clients,
      ...(flags.findingsTable && {
        store: {
          tableName: flags.findingsTable,
          ...(flags.historyTtlDays !== undefined && { historyTtlDays: flags.historyTtlDays }),
        },
      }),
      ...(flags.alertTopicArn && {
        alerts: {
          topicArn: flags.alertTopicArn,
          minSeverity: flags.minAlertSeverity,
          notifyOn: flags.notifyOn,
          ...(flags.alertChat && { chat: true }),
        },
      }),
      ...(flags.securityHub && {
        securityHub: { region: securityHubRegion(flags, clients.defaultRegion, config.regions) },
      }),
      ...(flags.eventBus && { events: { busName: flags.eventBus } }),
      onStart: (scope) => progress.start(scope),
      onProgress: (p) => progress.update(p),
    });
  } finally {
    progress.stop();
    clients.destroy();
  }
}

/**
 * `--alert-topic-arn` and `--event-bus` need `--findings-table` (the bus a name or an ARN); `--alert-chat` needs
 * `--alert-topic-arn`. Checked before anything is called.
 */
export function assertDeliveryFlags(flags: ScanFlags): void {
  if (flags.alertTopicArn && !flags.findingsTable) {
    throw new ConfigurationError(
      '--alert-topic-arn needs --findings-table: the digest reports what is new since the previous scan, which the table records.',
    );
  }
  if (flags.alertChat && !flags.alertTopicArn) {
    throw new ConfigurationError(
      '--alert-chat needs --alert-topic-arn: it formats the digest sent to that topic for the chat channels subscribed to it.',
    );
  }
  if (!flags.eventBus) return;
  if (!flags.findingsTable) {
    throw new ConfigurationError(
      '--event-bus needs --findings-table: events report what became new, regressed or resolved since the previous scan, which the table records.',
    );
  }
  if (!EVENT_BUS.test(flags.eventBus)) {
    throw new ConfigurationError(
      `--event-bus: expected "default", a bus name or an event bus ARN, got ${JSON.stringify(flags.eventBus)}.`,
    );
  }
}

/** `Events: 3 put on bus default (2 finding event(s) and 1 summary; 1 request(s))`. */
export function describeEvents(events: NonNullable<ScanJobResult['events']>): string {
  const what = `${events.findingEvents} finding event(s) and 1 summary`;
  return events.dryRun
    ? `Events: dry run, would put ${what} on bus ${events.bus}`
    : `Events: ${events.put} put on bus ${events.bus} (${what}; ${events.requests} request(s)${events.retried ? `, ${events.retried} entries retried` : ''})`;
}

/**
 * `srm-scan scan`: runs the scan (see {@link executeScan}), writes the report and returns the exit code: 0 the
 * scan ran, 1 a gate was met.
 */
export async function runScanCommand(
  flags: ScanFlags,
  io: ScanCommandIo,
  clientOptions: AwsClientOptions = {},
): Promise<{ exitCode: number; result: ScanJobResult }> {
  const result = await executeScan(flags, io, clientOptions);
  const { report } = result;
  const importRegion =
    result.securityHub?.result?.region ?? securityHubRegion(flags, clientOptions.region, report.scan.regions);
  await emit(
    io.stdout,
    renderReport(SINGLE_ACCOUNT, report, flags.format, Boolean(flags.showPasses), importRegion),
    flags.output,
  );
  if (flags.output) io.stderr.write(`Report written to ${flags.output}\n`);
  // The table ends with these lines itself; other formats get them on stderr, out of the data.
  if (flags.format !== 'table') {
    io.stderr.write(`${describeCoverage(report.scan.coverage)}\n`);
    for (const problem of report.scan.suppressionProblems) io.stderr.write(`Suppression warning: ${problem.detail}\n`);
  }
  if (result.lifecycle) {
    const l = result.lifecycle;
    io.stderr.write(
      `Findings stored in ${flags.findingsTable}: ${l.new} new, ${l.regressed} regressed, ${l.active} still failing, ${l.resolved} resolved, ${l.suppressed} suppressed; ${l.written} states written, ${l.unchanged} unchanged${result.stored ? ` (${result.stored.items} items, ${result.stored.writeUnits} write units)` : ''}.\n`,
    );
  }
  if (result.alert)
    io.stderr.write(`Alert: ${result.alert.published ? `published "${result.alert.subject}"` : result.alert.reason}\n`);
  if (result.events) io.stderr.write(`${describeEvents(result.events)}\n`);

  const reasons = gateFailures(
    { findings: report.findings, coverage: report.scan.coverage },
    {
      ...(flags.failOn && { failOn: flags.failOn }),
      ...(flags.failOnError && { failOnError: true }),
    },
  );
  if (reportSecurityHub(result.securityHub, io.stderr)) {
    reasons.push('the Security Hub push did not complete (--security-hub; see the line above)');
  }
  if (reasons.length > 0) {
    io.stderr.write(`Exiting with code 1: ${reasons.join('; ')}.\n`);
    return { exitCode: 1, result };
  }
  return { exitCode: 0, result };
}

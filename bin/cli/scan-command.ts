import { writeFile } from 'node:fs/promises';
import { ApiCallCounter } from '../../lambdas/core/aws/api-calls.js';
import { AwsClients } from '../../lambdas/core/aws/clients.js';
import { compileSuppressions, findActiveSuppression } from '../../lambdas/core/findings/suppressions.js';
import { runScanJob, type ScanJobResult } from '../../lambdas/core/job/run-scan-job.js';
import { atLeast } from '../../lambdas/core/model/types.js';
import { renderCsv } from '../../lambdas/core/reports/csv.js';
import { renderJson } from '../../lambdas/core/reports/json.js';
import { renderTable } from '../../lambdas/core/reports/table.js';
import { createProgressReporter } from './progress.js';
import { type OutputFormat, resolveConfig, type ScanFlags } from './resolve-config.js';

export type { OutputFormat, ScanFlags };

const render = (result: ScanJobResult, format: OutputFormat, showPasses: boolean): string =>
  format === 'json'
    ? renderJson(result.report)
    : format === 'csv'
      ? renderCsv(result.report)
      : renderTable(result.report, { showPasses });

/** `srm-scan scan`: returns the process exit code (0 ran, 1 --fail-on met). */
export async function runScanCommand(
  flags: ScanFlags,
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WriteStream } = {
    stdout: process.stdout,
    stderr: process.stderr,
  },
): Promise<{ exitCode: number; result: ScanJobResult }> {
  const config = await resolveConfig(flags);
  const clients = new AwsClients(new ApiCallCounter(), { ...(flags.profile && { profile: flags.profile }) });
  const progress = createProgressReporter(io.stderr);
  let result: ScanJobResult;
  try {
    result = await runScanJob({
      config,
      clients,
      ...(flags.findingsTable && {
        store: {
          tableName: flags.findingsTable,
          ...(flags.historyTtlDays !== undefined && { historyTtlDays: flags.historyTtlDays }),
        },
      }),
      ...(flags.alertTopicArn && {
        alerts: { topicArn: flags.alertTopicArn, minSeverity: flags.minAlertSeverity, notifyOn: flags.notifyOn },
      }),
      onStart: (scope) => progress.start(scope),
      onProgress: (p) => progress.update(p),
    });
  } finally {
    progress.stop();
    clients.destroy();
  }

  const text = render(result, flags.format, Boolean(flags.showPasses));
  if (flags.output) {
    await writeFile(flags.output, text);
    io.stderr.write(`Report written to ${flags.output}\n`);
  } else io.stdout.write(text);

  if (result.lifecycle) {
    const l = result.lifecycle;
    io.stderr.write(
      `Findings stored in ${flags.findingsTable}: ${l.new} new, ${l.regressed} regressed, ${l.active} still failing, ${l.resolved} resolved, ${l.suppressed} suppressed.\n`,
    );
  }
  if (result.alert)
    io.stderr.write(`Alert: ${result.alert.published ? `published "${result.alert.subject}"` : result.alert.reason}\n`);

  const failOn = flags.failOn;
  if (failOn) {
    const suppressions = compileSuppressions(config.suppressions, new Date(result.report.scan.startedAt));
    const failing = result.report.findings.filter(
      (f) => f.status === 'FAIL' && atLeast(f.severity, failOn) && !findActiveSuppression(suppressions, f),
    );
    if (failing.length > 0) {
      io.stderr.write(
        `${failing.length} unsuppressed finding(s) at or above ${failOn}: exiting with code 1 (--fail-on).\n`,
      );
      return { exitCode: 1, result };
    }
  }
  return { exitCode: 0, result };
}

import { writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { startDemoAccount } from '../../demo/account.js';
import { DEMO_ALLOWED_REGIONS, DEMO_REGIONS } from '../../demo/seed/types.js';
import { renderHtml } from '../../lambdas/core/reports/html.js';
import { renderJson } from '../../lambdas/core/reports/json.js';
import { runScanCommand, type ScanCommandIo } from './scan-command.js';
import { onInterrupt } from './signals.js';

export const DEMO_REPORT_FILE = 'demo-report.json';
export const DEMO_HTML_REPORT_FILE = 'demo-report.html';

/**
 * `srm-scan demo`: starts the emulator, seeds the demo account, scans it through the same code path as
 * `srm-scan scan` (the emulator's endpoint goes to the client factory), prints the table, writes
 * `demo-report.json` and stops the emulator — also when interrupted. Nothing leaves the machine.
 */
export async function runDemoCommand(io: ScanCommandIo): Promise<number> {
  const started = performance.now();
  const account = await startDemoAccount();
  const unregister = onInterrupt(() => account.stop());
  try {
    const { motoStartSeconds, seedSeconds } = account.timings;
    io.stderr.write(
      `Demo account ${account.accountId} seeded on ${account.clientOptions.endpoint} with ${account.planted.length} deliberate misconfigurations (${seedSeconds.toFixed(1)} s).\n`,
    );
    const scanStarted = performance.now();
    const { exitCode, result } = await runScanCommand(
      {
        regions: [...DEMO_REGIONS],
        allowedRegions: [...DEMO_ALLOWED_REGIONS],
        format: 'table',
        minAlertSeverity: 'high',
        notifyOn: 'changes',
      },
      io,
      account.clientOptions,
    );
    await writeFile(DEMO_REPORT_FILE, renderJson(result.report));
    await writeFile(DEMO_HTML_REPORT_FILE, renderHtml(result.report));
    const finished = performance.now();
    io.stderr.write(
      `Demo finished in ${((finished - started) / 1000).toFixed(1)} s (moto start ${motoStartSeconds.toFixed(1)} s, seed ${seedSeconds.toFixed(1)} s, scan ${((finished - scanStarted) / 1000).toFixed(1)} s, ${result.report.scan.apiCalls.total} API calls). JSON report: ${DEMO_REPORT_FILE}, HTML report: ${DEMO_HTML_REPORT_FILE}\n`,
    );
    return exitCode;
  } finally {
    unregister();
    await account.stop();
  }
}

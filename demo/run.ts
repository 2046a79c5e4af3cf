import { writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { runScanCommand } from '../bin/cli/scan-command.js';
import { ApiCallCounter } from '../lambdas/core/aws/api-calls.js';
import { AwsClients } from '../lambdas/core/aws/clients.js';
import { renderJson } from '../lambdas/core/reports/json.js';
import { startMoto } from './moto.js';
import { seedDemoAccount } from './seed/index.js';
import { DEMO_ACCOUNT_ID, DEMO_ALLOWED_REGIONS, DEMO_REGIONS } from './seed/types.js';

export const DEMO_REPORT_FILE = 'demo-report.json';

/**
 * Starts moto on a loopback port, seeds the demo account, scans it through the same code
 * path as `srm-scan scan`, prints the table and writes `demo-report.json`. Every client is
 * pointed at the emulator: nothing leaves the machine.
 */
export async function runDemo(io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WriteStream }): Promise<number> {
  const started = performance.now();
  const moto = await startMoto();
  try {
    Object.assign(process.env, {
      AWS_ENDPOINT_URL: moto.endpoint,
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      AWS_REGION: 'us-east-1',
    });
    for (const name of ['AWS_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_DEFAULT_PROFILE']) delete process.env[name];
    const motoReady = performance.now();

    const seedClients = new AwsClients(new ApiCallCounter(), { endpoint: moto.endpoint });
    const planted = await seedDemoAccount({ accountId: DEMO_ACCOUNT_ID, clients: seedClients });
    seedClients.destroy();
    const seeded = performance.now();
    io.stderr.write(
      `Demo account ${DEMO_ACCOUNT_ID} seeded on ${moto.endpoint} with ${planted.length} deliberate misconfigurations (${((seeded - motoReady) / 1000).toFixed(1)} s).\n`,
    );

    const { exitCode, result } = await runScanCommand(
      {
        regions: [...DEMO_REGIONS],
        allowedRegions: [...DEMO_ALLOWED_REGIONS],
        format: 'table',
        minAlertSeverity: 'high',
        notifyOn: 'changes',
      },
      io,
    );
    await writeFile(DEMO_REPORT_FILE, renderJson(result.report));
    const finished = performance.now();
    io.stderr.write(
      `Demo finished in ${((finished - started) / 1000).toFixed(1)} s (moto start ${((motoReady - started) / 1000).toFixed(1)} s, seed ${((seeded - motoReady) / 1000).toFixed(1)} s, scan ${((finished - seeded) / 1000).toFixed(1)} s, ${result.report.scan.apiCalls.total} API calls). JSON report: ${DEMO_REPORT_FILE}\n`,
    );
    return exitCode;
  } finally {
    await moto.stop();
  }
}

import { readFile } from 'node:fs/promises';
import type { AwsClientOptions } from '../../lambdas/core/aws/clients.js';
import type { CoverageMap } from '../../lambdas/core/coverage/service-coverage.js';
import { ConfigurationError } from '../../lambdas/core/model/errors.js';
import { renderCoverage } from '../../lambdas/core/reports/coverage.js';
import { assertWritable, emit } from './output.js';
import type { ScanFlags } from './resolve-config.js';
import { executeScan, type ScanCommandIo } from './scan-command.js';
import type { SelectionFlags } from './selection.js';

export interface CoverageFlags extends SelectionFlags {
  config?: string;
  profile?: string;
  regions?: string[];
  allowedRegions?: string[];
  /** A JSON report of an earlier scan to read the map from, instead of scanning. */
  report?: string;
  format: 'table' | 'json';
  output?: string;
}

/** The coverage map of a saved JSON report; a clear error when the file is not one or predates the map. */
async function coverageOfReport(path: string): Promise<CoverageMap> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ConfigurationError(`--report ${path}: cannot read a JSON report (${(error as Error).message}).`, {
      cause: error,
    });
  }
  const coverage = (parsed as { coverage?: Partial<CoverageMap> } | null)?.coverage;
  if (!coverage || !Array.isArray(coverage.services) || !Array.isArray(coverage.unknownServices) || !coverage.sources) {
    throw new ConfigurationError(
      `--report ${path}: the report has no "coverage" object (it is not an srm-scan JSON report, or an older srm-scan wrote it).`,
    );
  }
  return coverage as CoverageMap;
}

/**
 * `srm-scan coverage`: the SRM coverage map — every service the account uses, its class, what AWS handles, what
 * the customer owes and which of those obligations srm-scan checked — from a fresh scan or a saved JSON report.
 */
export async function runCoverageCommand(
  flags: CoverageFlags,
  io: ScanCommandIo,
  clientOptions: AwsClientOptions = {},
): Promise<number> {
  if (flags.output) await assertWritable(flags.output);
  let map: CoverageMap;
  if (flags.report) {
    map = await coverageOfReport(flags.report);
  } else {
    const { report, output, format, ...scanFlags } = flags;
    const scanned = await executeScan(
      { ...scanFlags, format: 'json', minAlertSeverity: 'high', notifyOn: 'never' } satisfies ScanFlags,
      io,
      clientOptions,
    );
    if (!scanned.report.coverage) throw new Error('The scan produced no coverage map.');
    map = scanned.report.coverage;
  }
  const text = flags.format === 'json' ? `${JSON.stringify(map, null, 2)}\n` : renderCoverage(map, { detail: true });
  await emit(io.stdout, text, flags.output);
  return 0;
}

import { readFile } from 'node:fs/promises';
import { parseConfig, type ScanConfig } from '../../lambdas/core/config/config-file.js';
import { ConfigurationError } from '../../lambdas/core/model/errors.js';
import type { Severity } from '../../lambdas/core/model/types.js';

export type OutputFormat = 'table' | 'json' | 'csv';

export interface ScanFlags {
  config?: string;
  regions?: string[];
  checks?: string[];
  excludeChecks?: string[];
  services?: string[];
  srmClass?: string[];
  obligation?: string[];
  framework?: string[];
  minSeverity?: string;
  allowedRegions?: string[];
  format: OutputFormat;
  output?: string;
  failOn?: Severity;
  profile?: string;
  findingsTable?: string;
  alertTopicArn?: string;
  suppressions?: string;
  minAlertSeverity: Severity;
  notifyOn: 'changes' | 'always' | 'never';
  historyTtlDays?: number;
  showPasses?: boolean;
}

async function readJson(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigurationError(`Cannot read ${what} ${path}: ${(error as Error).message}`, { cause: error });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigurationError(`${what} ${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}

/** The configuration file overlaid with command-line flags, validated once as a whole. */
export async function resolveConfig(flags: ScanFlags): Promise<ScanConfig> {
  const raw = flags.config ? await readJson(flags.config, 'configuration file') : {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigurationError(`Configuration file ${flags.config}: the top level must be a JSON object.`);
  }
  const merged: Record<string, unknown> = { ...raw };
  const override = (key: string, value: unknown) => {
    if (value !== undefined) merged[key] = value;
  };
  override('regions', flags.regions);
  override('checks', flags.checks);
  override('excludeChecks', flags.excludeChecks);
  override('services', flags.services);
  override('srmClasses', flags.srmClass);
  override('obligations', flags.obligation);
  override('frameworks', flags.framework);
  override('minSeverity', flags.minSeverity);
  if (flags.allowedRegions) {
    merged.settings = { ...((merged.settings as object | undefined) ?? {}), allowedRegions: flags.allowedRegions };
  }
  if (flags.suppressions) {
    const file = await readJson(flags.suppressions, 'suppressions file');
    const list = Array.isArray(file) ? file : (file as { suppressions?: unknown }).suppressions;
    if (!Array.isArray(list)) {
      throw new ConfigurationError(
        `Suppressions file ${flags.suppressions} must be a JSON array or { "suppressions": [...] }.`,
      );
    }
    merged.suppressions = [...((merged.suppressions as unknown[] | undefined) ?? []), ...list];
  }
  const source = flags.config ? `${flags.config} and command-line flags` : 'command-line flags';
  return parseConfig(merged, source);
}

import { readFile } from 'node:fs/promises';
import { parseConfig, type ScanConfig } from '../../lambdas/core/config/config-file.js';
import type { CheckSelection, SelectionLabels } from '../../lambdas/core/engine/select.js';
import type { PassResults } from '../../lambdas/core/findings/table-schema.js';
import { ConfigurationError } from '../../lambdas/core/model/errors.js';
import type { NotifyOn, Severity } from '../../lambdas/core/srm/vocabulary.js';
import { SELECTION_FLAGS, type SelectionFlags, selectionFromFlags } from './selection.js';

/** `srm-scan scan --format` values. */
export const OUTPUT_FORMATS = ['table', 'json', 'csv', 'html', 'ocsf', 'asff'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface ScanFlags extends SelectionFlags {
  config?: string;
  regions?: string[];
  allowedRegions?: string[];
  format: OutputFormat;
  output?: string;
  failOn?: Severity;
  failOnError?: boolean;
  profile?: string;
  findingsTable?: string;
  alertTopicArn?: string;
  /** EventBridge bus (`default`, a name or an ARN) for the finding and summary events; needs `findingsTable`. */
  eventBus?: string;
  /** Also publish the digest as an AWS Chatbot custom notification (Slack/Teams channels on the topic). */
  alertChat?: boolean;
  suppressions?: string;
  minAlertSeverity: Severity;
  notifyOn: NotifyOn;
  historyTtlDays?: number;
  showPasses?: boolean;
  /** Organisation mode: explicit member accounts, or every account of the organisation (`--org`, `--ou`). */
  accounts?: string[];
  org?: boolean;
  ou?: string;
  roleName?: string;
  externalId?: string;
  maxParallelAccounts?: number;
  /** Overrides the configuration file's `passResults`. */
  passResults?: PassResults;
  /** Import the FAIL findings into AWS Security Hub and archive the resolved ones. */
  securityHub?: boolean;
  /** Where to import them; default the scan's home region (the configured region, else the first scanned one). */
  securityHubRegion?: string;
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

export interface ResolvedConfig {
  config: ScanConfig;
  /** Where each selection field came from, to name it in messages: a flag, or the configuration file's key. */
  labels: SelectionLabels;
}

/** The configuration file overlaid with command-line flags, validated once as a whole. */
export async function resolveConfig(flags: ScanFlags): Promise<ResolvedConfig> {
  const raw = flags.config ? await readJson(flags.config, 'configuration file') : {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ConfigurationError(`Configuration file ${flags.config}: the top level must be a JSON object.`);
  }
  const merged: Record<string, unknown> = { ...raw };
  const selection = selectionFromFlags(flags);
  Object.assign(merged, selection);
  if (flags.regions) merged.regions = flags.regions;
  if (flags.passResults) merged.passResults = flags.passResults;
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
  const config = parseConfig(merged, source);
  const labels = Object.fromEntries(
    (Object.keys(SELECTION_FLAGS) as (keyof CheckSelection)[]).map((field) => [
      field,
      selection[field] !== undefined ? SELECTION_FLAGS[field] : `${field} (in ${flags.config})`,
    ]),
  ) as unknown as SelectionLabels;
  return { config, labels };
}

import { readFileSync } from 'node:fs';
import type { Node } from 'constructs';
import { z } from 'zod';
import type { Check } from '../lambdas/core/checks/define-check.js';
import type { SliceCollectors } from '../lambdas/core/collectors/types.js';
import {
  describeIssues,
  parseConfig,
  type ScanConfig,
  type ScanConfigInput,
} from '../lambdas/core/config/config-file.js';
import type { SettingsInput } from '../lambdas/core/config/settings.js';
import type { SuppressionInput } from '../lambdas/core/config/suppression-schema.js';
import { requiredActions } from '../lambdas/core/engine/permissions.js';
import { type CheckSelection, selectChecks } from '../lambdas/core/engine/select.js';
import type { PassResults } from '../lambdas/core/findings/table-schema.js';
import type { SliceKey } from '../lambdas/core/inventory/index.js';
import { ConfigurationError } from '../lambdas/core/model/errors.js';
import {
  DEFAULT_MEMBER_ROLE_NAME,
  EXTERNAL_ID,
  ORGANIZATION_PARENT_ID,
  ROLE_NAME,
} from '../lambdas/core/org/identifiers.js';
import { NOTIFY_ON, type NotifyOn, SEVERITIES, type Severity } from '../lambdas/core/srm/vocabulary.js';
import {
  CHAT_CONTEXT_KEYS,
  type ChatSettings,
  type ResolvedChatSettings,
  resolveChatSettings,
} from './chat-channels.js';
import { MAX_STALE_SCAN_ALARM_HOURS, staleScanWindow } from './stale-scan-window.js';

/** Default schedule: every night at 03:00 in `scheduleTimeZone` (UTC unless set). */
export const DEFAULT_SCHEDULE = 'cron(0 3 * * ? *)';
export const DEFAULT_SCHEDULE_TIME_ZONE = 'UTC';
export const DEFAULT_HISTORY_TTL_DAYS = 90;
export const DEFAULT_LOG_RETENTION_DAYS = 90;
/** The retention periods CloudWatch Logs accepts, in days. */
export const LOG_RETENTION_DAYS: readonly number[] = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];
/** Until the lead measures a scan of a large account (issue 4: "memory sized from measurement"). */
export const DEFAULT_MEMORY_MB = 1024;
/**
 * Any collection issue alarms: each one is a slice, region or resource the run could not read
 * (AccessDenied from a role that lost a permission, an SCP, throttling), so its checks reported
 * ERROR instead of a verdict, and the digest (sent on changes) may never mention it.
 */
export const DEFAULT_MAX_COLLECTION_ISSUES = 0;

/**
 * What the deployment can be told: the scan configuration (the same fields as the CLI's
 * `--config` file) plus scheduling, alerting and sizing. Every field has a default.
 */
export interface SrmScanSettings extends ChatSettings {
  /**
   * Put one EventBridge event per NEW, REGRESSED and RESOLVED finding and one run summary on the account's default
   * bus (free without rules that match them). @default true
   */
  events?: boolean;
  /** EventBridge Scheduler expression, `cron(…)` (6 fields) or `rate(…)`. @default 'cron(0 3 * * ? *)' */
  schedule?: string;
  /** IANA time zone the cron expression is evaluated in. @default 'UTC' */
  scheduleTimeZone?: string;
  /** Addresses subscribed to the alert topic by e-mail (each must confirm). @default none */
  alertEmails?: readonly string[];
  /** Lowest severity of a NEW/REGRESSED FAIL that triggers the digest. @default 'high' */
  minAlertSeverity?: Severity;
  /** When the digest is sent. @default 'changes' */
  notifyOn?: NotifyOn;
  /** Days history items (run summaries, resolved findings) live before TTL deletes them. @default 90 */
  historyTtlDays?: number;
  /**
   * What the findings table keeps of PASS results: a state each (`store`) or only the per-check PASS counts of the
   * scan summary (`count`), for organisations that would otherwise write millions of PASS items. Overrides
   * `scan.passResults`. @default 'store'
   */
  passResults?: PassResults;
  /** Base scan configuration, e.g. the CLI's config file; the fields below override it. */
  scan?: ScanConfigInput;
  /** Regions to scan. @default every region enabled for the account */
  regions?: readonly string[];
  /** Regions data may live in (the data-residency checks); unset means residency is not evaluated. */
  allowedRegions?: readonly string[];
  /** Which checks run; the scanner role gets exactly the read actions they need. @default all */
  selection?: CheckSelection;
  /** Check settings, merged key by key over `scan.settings`. */
  settings?: SettingsInput;
  /** Suppressions; replace `scan.suppressions` when set. */
  suppressions?: readonly SuppressionInput[];
  /** CloudWatch Logs retention of the scanner's log group, in days. @default 90 */
  logRetentionDays?: number;
  /** Scanner memory in MB. @default 1024 */
  memorySize?: number;
  /**
   * Reserved concurrency; 1 prevents overlapping runs. `'none'` reserves nothing, for accounts whose
   * concurrency limit is 10 (Lambda keeps 10 unreserved). `0` is refused: it would disable the function.
   * @default 1
   */
  reservedConcurrency?: number | 'none';
  /**
   * Hours without a completed scan before the stale-scan alarm fires (1 to 168). It must cover the
   * longest gap between two runs of `schedule` plus 2 hours.
   * @default 26, or that gap plus 2 hours when the schedule's runs are further apart
   */
  staleScanAlarmHours?: number;
  /** A run with more collection issues than this raises the collection-issues alarm. @default 0 */
  maxCollectionIssues?: number;
  /**
   * Organisation mode, deployed in the security/audit account: the nightly schedule starts a Step Functions
   * Distributed Map over the organisation's accounts, scanning each through its member role. @default false
   */
  organization?: boolean;
  /** Organisation mode: the role assumed in each member account. @default 'SrmScanReader' */
  memberRoleName?: string;
  /** Organisation mode: the external id the member roles' trust policy requires. @default none */
  externalId?: string;
  /** Organisation mode: accounts (or region shards) scanned at once. @default 10 */
  maxConcurrency?: number;
  /** Organisation mode: percentage of failed account scans the run tolerates before it stops. @default 25 */
  toleratedFailurePercentage?: number;
  /** Organisation mode: scan only this OU (and the OUs below it). @default the whole organisation */
  organizationalUnit?: string;
  /**
   * Organisation mode, very large organisations: read the items (`[{ "accountId": "…", "regions"?: […] }]`)
   * from this S3 object (`s3://bucket/key`) instead of listing the organisation. @default list the organisation
   */
  itemList?: string;
  /** Organisation mode: split each account's scan into this many region groups run in parallel (needs `regions`). @default 1 */
  regionShards?: number;
  /**
   * After each scan, import the FAIL findings into AWS Security Hub in the stack's region and archive the resolved
   * ones; the role gets securityhub:BatchImportFindings (the account's own product) and securityhub:GetFindings.
   * Single-account deployments only. @default false
   */
  securityHub?: boolean;
}

/** Organisation mode, resolved. */
export interface ResolvedOrganizationSettings {
  memberRoleName: string;
  externalId?: string;
  maxConcurrency: number;
  toleratedFailurePercentage: number;
  organizationalUnit?: string;
  itemList?: { bucket: string; key: string };
  regionShards: number;
}

export const DEFAULT_MAX_CONCURRENCY = 10;
export const DEFAULT_TOLERATED_FAILURE_PERCENTAGE = 25;

const organizationSchema = z
  .object({
    memberRoleName: z
      .string()
      .regex(ROLE_NAME, 'must be an IAM role name (letters, digits and +=,.@_-, at most 64)')
      .default(DEFAULT_MEMBER_ROLE_NAME),
    externalId: z
      .string()
      .regex(EXTERNAL_ID, 'must be an STS external id (2 to 1,224 of letters, digits and +=,.@:/-)')
      .optional(),
    maxConcurrency: z.number().int().min(1).max(1000).default(DEFAULT_MAX_CONCURRENCY),
    toleratedFailurePercentage: z.number().min(0).max(100).default(DEFAULT_TOLERATED_FAILURE_PERCENTAGE),
    organizationalUnit: z
      .string()
      .regex(ORGANIZATION_PARENT_ID, 'must be an OU id (ou-…) or a root id (r-…)')
      .optional(),
    itemList: z
      .string()
      .regex(/^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/.+$/, 'must be an S3 URI, s3://bucket/key.json')
      .transform((uri) => {
        const [bucket, ...key] = uri.slice('s3://'.length).split('/');
        return { bucket: bucket ?? '', key: key.join('/') };
      })
      .optional(),
    regionShards: z.number().int().min(1).max(32).default(1),
  })
  .strict();

/** Something `cdk synth` should tell the person deploying; the stack turns it into a CDK warning. */
export interface SettingsWarning {
  /** Stable id (`srm-scan:…`), so a deployment can acknowledge it. */
  id: string;
  message: string;
}

/** The check catalogue and collectors the role's permissions are computed from. */
export interface ScanCatalogue {
  checks: readonly Check[];
  collectors: SliceCollectors<SliceKey>;
}

/** Settings with defaults applied and every value validated. */
export interface ResolvedSettings {
  schedule: string;
  scheduleTimeZone: string;
  alertEmails: readonly string[];
  minAlertSeverity: Severity;
  notifyOn: NotifyOn;
  historyTtlDays: number;
  logRetentionDays: number;
  memorySize: number;
  reservedConcurrency: number | 'none';
  /** The stale-scan alarm's window; undefined when the schedule's runs are too far apart for one. */
  staleScanAlarmHours: number | undefined;
  maxCollectionIssues: number;
  /** Push the findings to Security Hub after each scan. */
  securityHub: boolean;
  /** What synth should warn about (no alert address, no or a guessed stale-scan window). */
  warnings: readonly SettingsWarning[];
  /** The scan configuration as given (no defaults expanded): what the function's environment carries. */
  configInput: ScanConfigInput;
  /** The same, parsed, exactly as the function parses it at cold start. */
  config: ScanConfig;
  /** Ids of the checks the deployment runs. */
  checkIds: readonly string[];
  /** `requiredActions(selected checks, collectors)`: the same list as `srm-scan iam-policy`. */
  scanActions: readonly string[];
  /** Present in organisation mode. */
  organization?: ResolvedOrganizationSettings;
  /** Events on the default bus. */
  events: boolean;
  /** Slack / Microsoft Teams channels on the alert topic (none when the context gives none). */
  chat: ResolvedChatSettings;
}

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const scheduleExpression = z
  .string()
  .trim()
  .refine(
    (value) =>
      /^rate\(\s*\d+\s+(minute|minutes|hour|hours|day|days)\s*\)$/.test(value) ||
      /^cron\(\s*\S+(\s+\S+){5}\s*\)$/.test(value),
    'must be an EventBridge Scheduler expression: cron(minutes hours day-of-month month day-of-week year), e.g. cron(0 3 * * ? *), or rate(1 day)',
  );

const deploymentSchema = z
  .object({
    schedule: scheduleExpression.default(DEFAULT_SCHEDULE),
    scheduleTimeZone: z
      .string()
      .trim()
      .refine(isTimeZone, 'must be an IANA time zone such as UTC or Europe/Paris')
      .default(DEFAULT_SCHEDULE_TIME_ZONE),
    alertEmails: z.array(z.email('must be an e-mail address')).default([]),
    minAlertSeverity: z.enum(SEVERITIES).default('high'),
    notifyOn: z.enum(NOTIFY_ON).default('changes'),
    historyTtlDays: z.number().int().positive().max(3650).default(DEFAULT_HISTORY_TTL_DAYS),
    logRetentionDays: z
      .number()
      .refine((days) => LOG_RETENTION_DAYS.includes(days), `must be one of ${LOG_RETENTION_DAYS.join(', ')}`)
      .default(DEFAULT_LOG_RETENTION_DAYS),
    memorySize: z.number().int().min(128).max(10_240).default(DEFAULT_MEMORY_MB),
    reservedConcurrency: z.union([z.number().int().min(1), z.literal('none')]).default(1),
    staleScanAlarmHours: z
      .number()
      .int('must be a whole number of hours')
      .min(1, 'must be at least 1')
      .max(
        MAX_STALE_SCAN_ALARM_HOURS,
        `must be at most ${MAX_STALE_SCAN_ALARM_HOURS}: a CloudWatch alarm looks back at most 7 days`,
      )
      .optional(),
    maxCollectionIssues: z
      .number()
      .int('must be a whole number')
      .min(0, 'must be 0 or more')
      .default(DEFAULT_MAX_COLLECTION_ISSUES),
    securityHub: z.boolean().default(false),
  })
  .strict();

const definedEntries = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

/** Merges the scan configuration sources: `scan` first, then the individual settings. */
export function scanConfigInput(settings: SrmScanSettings): ScanConfigInput {
  const base = settings.scan ?? {};
  const selection = definedEntries(settings.selection ?? {});
  const mergedSettings = {
    ...(base.settings ?? {}),
    ...(settings.settings ?? {}),
    ...(settings.allowedRegions && { allowedRegions: [...settings.allowedRegions] }),
  };
  const input: Record<string, unknown> = {
    ...base,
    ...(settings.regions && { regions: [...settings.regions] }),
    ...Object.fromEntries(
      Object.entries(selection).map(([key, value]) => [key, Array.isArray(value) ? [...value] : value]),
    ),
    ...(settings.suppressions && { suppressions: [...settings.suppressions] }),
    ...(settings.passResults && { passResults: settings.passResults }),
  };
  if (Object.keys(mergedSettings).length > 0) input.settings = mergedSettings;
  else delete input.settings;
  return input as ScanConfigInput;
}

/**
 * Applies defaults and validates everything at synth time, so a bad value fails `cdk synth`
 * with a message naming the field instead of failing the first nightly run.
 *
 * @throws ConfigurationError
 */
export function resolveSettings(settings: SrmScanSettings, catalogue: ScanCatalogue): ResolvedSettings {
  // Only the deployment keys: `settings` may be a whole stack props object (env, description, …).
  const deployment = deploymentSchema.safeParse(
    definedEntries({
      schedule: settings.schedule,
      scheduleTimeZone: settings.scheduleTimeZone,
      alertEmails: settings.alertEmails,
      minAlertSeverity: settings.minAlertSeverity,
      notifyOn: settings.notifyOn,
      historyTtlDays: settings.historyTtlDays,
      logRetentionDays: settings.logRetentionDays,
      memorySize: settings.memorySize,
      reservedConcurrency: settings.reservedConcurrency,
      staleScanAlarmHours: settings.staleScanAlarmHours,
      maxCollectionIssues: settings.maxCollectionIssues,
      securityHub: settings.securityHub,
    }),
  );
  if (!deployment.success) {
    throw new ConfigurationError(`Invalid SrmScanStack settings: ${describeIssues(deployment.error)}`);
  }
  const { staleScanAlarmHours: requestedStaleScanHours, ...deploymentSettings } = deployment.data;
  const staleScan = staleScanWindow(
    deploymentSettings.schedule,
    deploymentSettings.scheduleTimeZone,
    requestedStaleScanHours,
  );
  const configInput = scanConfigInput(settings);
  const config = parseConfig(configInput, 'the SrmScanStack scan configuration');
  let selected: Check[];
  try {
    selected = selectChecks(catalogue.checks, config);
  } catch (error) {
    throw new ConfigurationError(`Invalid SrmScanStack scan configuration: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const organization = settings.organization ? resolveOrganization(settings, config.regions) : undefined;
  if (organization && deploymentSettings.securityHub) {
    throw new ConfigurationError(
      'Invalid SrmScanStack settings: securityHub is not supported with organization: Security Hub imports a custom finding only from the account it belongs to, and member roles are read-only. Deploy the stack with securityHub=true in each account instead, and aggregate in the Security Hub administrator account.',
    );
  }
  const chat = resolveChatSettings(settings);
  const warnings: SettingsWarning[] = [];
  if (deploymentSettings.alertEmails.length === 0 && !chat.slack && !chat.teams) {
    warnings.push({
      id: 'srm-scan:no-alert-emails',
      message:
        'No alertEmails: the alert topic has no subscriber, so nobody will be told about new findings or a failed, stale or incomplete scan. Deploy with -c alertEmails=security@example.com (comma-separate several), or subscribe to the AlertTopicArn output yourself.',
    });
  }
  if (staleScan.warning) warnings.push({ id: 'srm-scan:stale-scan-window', message: staleScan.warning });
  return {
    ...deploymentSettings,
    ...(organization && { organization }),
    events: settings.events ?? true,
    chat,
    staleScanAlarmHours: staleScan.hours,
    warnings,
    configInput,
    config,
    checkIds: selected.map((check) => check.id),
    scanActions: requiredActions(selected, catalogue.collectors),
  };
}

function resolveOrganization(
  settings: SrmScanSettings,
  regions: readonly string[] | undefined,
): ResolvedOrganizationSettings {
  const parsed = organizationSchema.safeParse(
    definedEntries({
      memberRoleName: settings.memberRoleName,
      externalId: settings.externalId,
      maxConcurrency: settings.maxConcurrency,
      toleratedFailurePercentage: settings.toleratedFailurePercentage,
      organizationalUnit: settings.organizationalUnit,
      itemList: settings.itemList,
      regionShards: settings.regionShards,
    }),
  );
  if (!parsed.success)
    throw new ConfigurationError(`Invalid SrmScanStack organisation settings: ${describeIssues(parsed.error)}`);
  const resolved = parsed.data;
  if (resolved.regionShards > 1 && !resolved.itemList && !regions?.length) {
    throw new ConfigurationError(
      'Invalid SrmScanStack organisation settings: regionShards needs regions (the list to split into shards), e.g. -c regions=us-east-1,eu-west-1,…',
    );
  }
  if (resolved.itemList && resolved.organizationalUnit) {
    throw new ConfigurationError(
      'Invalid SrmScanStack organisation settings: itemList and organizationalUnit exclude each other (the item list names the accounts).',
    );
  }
  return definedEntries(resolved) as ResolvedOrganizationSettings;
}

/** Context keys `bin/app.ts` reads (`-c key=value` or `cdk.json` → `context`). */
export const CONTEXT_KEYS = [
  'stackName',
  'schedule',
  'scheduleTimeZone',
  'alertEmails',
  'minAlertSeverity',
  'notifyOn',
  'historyTtlDays',
  'passResults',
  'configFile',
  'regions',
  'allowedRegions',
  'checks',
  'excludeChecks',
  'services',
  'srmClasses',
  'obligations',
  'frameworks',
  'minSeverity',
  'settings',
  'suppressions',
  'logRetentionDays',
  'memorySize',
  'reservedConcurrency',
  'staleScanAlarmHours',
  'maxCollectionIssues',
  'organization',
  'memberRoleName',
  'externalId',
  'maxConcurrency',
  'toleratedFailurePercentage',
  'organizationalUnit',
  'itemList',
  'regionShards',
  'securityHub',
  'events',
  ...CHAT_CONTEXT_KEYS,
] as const;

type ContextReader = Pick<Node, 'tryGetContext'>;

/** `a,b` (command line) or `["a","b"]` (cdk.json) → list; empty string → undefined. */
function contextList(node: ContextReader, key: string): string[] | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') {
    const items = value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
    return items.length > 0 ? items : undefined;
  }
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.length ? value : undefined;
  throw new ConfigurationError(`Context ${key}: expected a comma-separated string or a list of strings.`);
}

function contextString(node: ContextReader, key: string): string | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') return value.trim();
  throw new ConfigurationError(`Context ${key}: expected a string.`);
}

function contextNumber(node: ContextReader, key: string): number | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : Number.NaN;
  if (!Number.isFinite(number))
    throw new ConfigurationError(`Context ${key}: expected a number, got ${String(value)}.`);
  return number;
}

/** A JSON value given inline on the command line (`-c settings='{"accessKeyMaxAgeDays":60}'`) or as JSON in cdk.json. */
function contextJson(node: ContextReader, key: string): unknown {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch (error) {
    throw new ConfigurationError(`Context ${key}: not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}

function contextBoolean(node: ContextReader, key: string): boolean | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new ConfigurationError(`Context ${key}: expected true or false, got ${String(value)}.`);
}

function readConfigFile(path: string): ScanConfigInput {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigurationError(`Context configFile: cannot read ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    return JSON.parse(text) as ScanConfigInput;
  } catch (error) {
    throw new ConfigurationError(`Context configFile: ${path} is not valid JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/**
 * Reads the deployment settings from CDK context. Values are checked for shape here and
 * validated for meaning by `resolveSettings` (which names the bad field).
 *
 * @throws ConfigurationError
 */
export function settingsFromContext(node: ContextReader): SrmScanSettings {
  const configFile = contextString(node, 'configFile');
  const selection: CheckSelection = definedEntries({
    checks: contextList(node, 'checks'),
    excludeChecks: contextList(node, 'excludeChecks'),
    services: contextList(node, 'services'),
    srmClasses: contextList(node, 'srmClasses') as CheckSelection['srmClasses'],
    obligations: contextList(node, 'obligations') as CheckSelection['obligations'],
    frameworks: contextList(node, 'frameworks') as CheckSelection['frameworks'],
    minSeverity: contextString(node, 'minSeverity') as Severity | undefined,
  });
  const settings: SrmScanSettings = {
    schedule: contextString(node, 'schedule'),
    scheduleTimeZone: contextString(node, 'scheduleTimeZone'),
    alertEmails: contextList(node, 'alertEmails'),
    minAlertSeverity: contextString(node, 'minAlertSeverity') as Severity | undefined,
    notifyOn: contextString(node, 'notifyOn') as NotifyOn | undefined,
    historyTtlDays: contextNumber(node, 'historyTtlDays'),
    passResults: contextString(node, 'passResults') as PassResults | undefined,
    scan: configFile ? readConfigFile(configFile) : undefined,
    regions: contextList(node, 'regions'),
    allowedRegions: contextList(node, 'allowedRegions'),
    selection: Object.keys(selection).length > 0 ? selection : undefined,
    settings: contextJson(node, 'settings') as SettingsInput | undefined,
    suppressions: contextJson(node, 'suppressions') as SuppressionInput[] | undefined,
    logRetentionDays: contextNumber(node, 'logRetentionDays'),
    memorySize: contextNumber(node, 'memorySize'),
    reservedConcurrency:
      node.tryGetContext('reservedConcurrency') === 'none' ? 'none' : contextNumber(node, 'reservedConcurrency'),
    staleScanAlarmHours: contextNumber(node, 'staleScanAlarmHours'),
    maxCollectionIssues: contextNumber(node, 'maxCollectionIssues'),
    organization: contextBoolean(node, 'organization'),
    memberRoleName: contextString(node, 'memberRoleName'),
    externalId: contextString(node, 'externalId'),
    maxConcurrency: contextNumber(node, 'maxConcurrency'),
    toleratedFailurePercentage: contextNumber(node, 'toleratedFailurePercentage'),
    organizationalUnit: contextString(node, 'organizationalUnit'),
    itemList: contextString(node, 'itemList'),
    regionShards: contextNumber(node, 'regionShards'),
    securityHub: contextBoolean(node, 'securityHub'),
    events: contextBoolean(node, 'events'),
    ...Object.fromEntries(CHAT_CONTEXT_KEYS.map((key) => [key, contextString(node, key)])),
  };
  return definedEntries(settings);
}

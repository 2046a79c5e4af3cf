import { randomUUID } from 'node:crypto';
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { parseArn } from '../aws/arn.js';
import type { AwsClients } from '../aws/clients.js';
import { describeConnectionError } from '../aws/clients.js';
import type { Check } from '../checks/define-check.js';
import type { CollectionIssue, SliceCollectors } from '../collectors/types.js';
import type { Settings } from '../config/settings.js';
import type { Suppression } from '../config/suppression-schema.js';
import { buildCoverageMap, listedResources } from '../coverage/service-coverage.js';
import { findingId } from '../findings/finding-id.js';
import { assembleReport, type Finding, type ScanReport } from '../findings/model.js';
import { applySuppressions } from '../findings/suppressions.js';
import type { Inventory, SliceKey } from '../inventory/index.js';
import { CollectionError, ConfigurationError } from '../model/errors.js';
import { ActionCatalog } from '../policy/actions.js';
import { fingerprintSalt, redactSecrets } from '../secrets/index.js';
import { type CollectedInventory, type CollectProgress, collectInventory, sliceClosure } from './collect.js';
import { type EvaluatedResult, evaluateCheck } from './evaluate.js';

export interface ScanOptions {
  /** The checks to run, already selected. */
  checks: readonly Check[];
  collectors: SliceCollectors<SliceKey>;
  settings: Settings;
  clients: AwsClients;
  /**
   * Regions to scan; default every region enabled for the account. Either way the account's regions are read
   * (ec2:DescribeRegions): a region unknown to the partition or not enabled for the account is a usage error.
   */
  regions?: readonly string[];
  /** Stamped on the FAILs they cover right after evaluation; reviewed into `scan.suppressionProblems`. */
  suppressions?: readonly Suppression[];
  /**
   * Every check of the catalogue (default: the selected ones), to tell a mistyped suppression and, in the
   * coverage map, an obligation srm-scan has checks for that this selection left out.
   */
  catalogue?: readonly Check[];
  /** A suppression covering every resource may not expire further ahead than this (days). */
  broadSuppressionMaxDays?: number;
  onProgress?: (progress: CollectProgress) => void;
  /** Called once the account and regions are known, before collection. */
  onStart?: (scope: { accountId: string; regions: readonly string[]; slices: number }) => void;
  now?: () => Date;
  /** Epoch milliseconds by which collection stops (see `CollectOptions.deadline`); default none. */
  deadline?: number;
}

/** Where a partition's global APIs (IAM, STS, S3 listing, DescribeRegions) are called. */
const HOME_REGION: Record<string, string> = { aws: 'us-east-1', 'aws-cn': 'cn-north-1', 'aws-us-gov': 'us-gov-west-1' };

/** Actions the engine itself calls, whatever checks are selected. */
export const ENGINE_ACTIONS = ['sts:GetCallerIdentity', 'ec2:DescribeRegions'] as const;

/** Slices the coverage map reads besides the checks' own (when `discoverServicesWithTaggingApi` is on). */
export const COVERAGE_SLICES: readonly SliceKey[] = ['tagging.resourceTypes'];

async function resolveIdentity(clients: AwsClients, region: string): Promise<{ accountId: string; partition: string }> {
  try {
    const identity = await clients.get(STSClient, region).send(new GetCallerIdentityCommand({}));
    const accountId = identity.Account;
    const partition = identity.Arn ? parseArn(identity.Arn)?.partition : undefined;
    if (!accountId || !partition) throw new Error('GetCallerIdentity returned no account.');
    return { accountId, partition };
  } catch (error) {
    throw new CollectionError(
      `Could not identify the AWS account (sts:GetCallerIdentity in ${region}): ${describeConnectionError(error)}`,
      { cause: error },
    );
  }
}

/** Regions AWS lets this account use: enabled by default, or opted in. */
const ENABLED_OPT_IN_STATUSES = new Set(['opt-in-not-required', 'opted-in']);

/**
 * The regions to scan: the requested ones, each checked against the partition's regions and the account's enabled
 * regions, or else every enabled region. `DescribeRegions` with `AllRegions` lists the partition's regions with
 * their opt-in status in one call.
 */
async function resolveRegions(
  clients: AwsClients,
  context: { accountId: string; partition: string; homeRegion: string },
  requested: readonly string[] | undefined,
): Promise<string[]> {
  let all: { name: string; enabled: boolean }[];
  try {
    const response = await clients
      .get(EC2Client, context.homeRegion)
      .send(new DescribeRegionsCommand({ AllRegions: true }));
    all = (response.Regions ?? []).flatMap((r) =>
      r.RegionName ? [{ name: r.RegionName, enabled: ENABLED_OPT_IN_STATUSES.has(r.OptInStatus ?? '') }] : [],
    );
    if (all.length === 0) throw new Error('DescribeRegions returned no region.');
  } catch (error) {
    throw new CollectionError(
      `Could not list the account's regions (ec2:DescribeRegions in ${context.homeRegion}): ${describeConnectionError(error)}`,
      { cause: error },
    );
  }
  const enabled = all.filter((r) => r.enabled).map((r) => r.name);
  if (!requested?.length) return enabled.sort();
  const known = new Set(all.map((r) => r.name));
  const unknown = requested.filter((r) => !known.has(r));
  if (unknown.length > 0) {
    throw new ConfigurationError(
      `regions: ${unknown.join(', ')} ${unknown.length === 1 ? 'is not a region' : 'are not regions'} of the ${context.partition} partition. Regions enabled for account ${context.accountId}: ${enabled.sort().join(', ')}.`,
    );
  }
  const disabled = requested.filter((r) => !enabled.includes(r));
  if (disabled.length > 0) {
    throw new ConfigurationError(
      `regions: ${disabled.join(', ')} ${disabled.length === 1 ? 'is' : 'are'} not enabled for account ${context.accountId} (opt-in region${disabled.length === 1 ? '' : 's'}): enable ${disabled.length === 1 ? 'it' : 'them'} in the account settings or leave ${disabled.length === 1 ? 'it' : 'them'} out.`,
    );
  }
  return [...requested];
}

function assembleInventory(
  slices: Partial<Record<SliceKey, unknown>>,
  context: { accountId: string; partition: string; regions: readonly string[]; scannedAt: Date },
): Inventory {
  const inventory: Record<string, unknown> = { ...context };
  for (const [key, value] of Object.entries(slices)) {
    const [service, name] = key.split('.') as [string, string];
    inventory[service] ??= {};
    const group = inventory[service] as Record<string, unknown>;
    group[name] = value;
  }
  // Slices that were not collected are simply absent; the engine never lets a check read them.
  return inventory as unknown as Inventory;
}

/**
 * Scans one account: identifies it, resolves and validates the regions, collects the union of the slices the
 * checks require (each once), evaluates every check, stamps suppressions on the failures they cover and returns the
 * report with its totals and coverage. Throws `CollectionError` only when the scan cannot start at all (no identity,
 * no region list), `ConfigurationError` when a requested region does not exist or is not enabled.
 */
export async function runScan(options: ScanOptions): Promise<ScanReport> {
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  options.clients.rateLimiter?.configure(options.settings.apiRateLimits);
  const bootstrapRegion = options.clients.defaultRegion ?? options.regions?.[0] ?? 'us-east-1';
  const { accountId, partition } = await resolveIdentity(options.clients, bootstrapRegion);
  const homeRegion = HOME_REGION[partition] ?? bootstrapRegion;
  const regions = await resolveRegions(options.clients, { accountId, partition, homeRegion }, options.regions);
  const slices = new Set<SliceKey>([
    ...options.checks.flatMap((c) => c.requires),
    ...(options.settings.discoverServicesWithTaggingApi ? COVERAGE_SLICES : []),
  ]);
  options.onStart?.({ accountId, regions, slices: slices.size });

  const context = { accountId, partition, regions, scannedAt: startedAt };
  const actionsLoading = ActionCatalog.load();
  // Awaited by every evaluation; a failure surfaces there, not as an unhandled rejection before the first one.
  actionsLoading.catch(() => undefined);
  const evaluate = async (check: Check, state: CollectedInventory): Promise<EvaluatedResult[]> => {
    const tools = { actions: await actionsLoading };
    return evaluateCheck(
      check,
      assembleInventory(state.slices, context),
      options.settings,
      tools,
      state.issues,
      options.collectors,
    );
  };
  // A check is evaluated as soon as every slice it reads is settled, while slower slices (paced per-resource
  // reads) are still being collected; one at a time, yielding between checks so answers keep flowing.
  const waiting = new Map(
    options.checks.map((check) => [check, new Set(sliceClosure(check.requires, options.collectors))]),
  );
  const early = new Map<Check, Promise<EvaluatedResult[]>>();
  let queue: Promise<unknown> = Promise.resolve();
  const evaluateReadyChecks = (slice: SliceKey, state: CollectedInventory): void => {
    for (const [check, slices] of waiting) {
      slices.delete(slice);
      if (slices.size > 0) continue;
      waiting.delete(check);
      const evaluation = queue.then(async () => {
        await new Promise((resolve) => setImmediate(resolve));
        return evaluate(check, state);
      });
      queue = evaluation.catch(() => undefined);
      early.set(check, evaluation);
    }
  };
  const collected = await collectInventory({
    slices,
    collectors: options.collectors,
    accountId,
    partition,
    regions,
    homeRegion,
    clients: options.clients,
    onSliceSettled: evaluateReadyChecks,
    ...(options.onProgress && { onProgress: options.onProgress }),
    ...(options.deadline !== undefined && { deadline: options.deadline }),
  });
  const observedAt = startedAt.toISOString();
  const salt = fingerprintSalt(accountId, options.settings.secretFingerprintSalt);
  // Checks that read no slice are evaluated now, on the whole inventory.
  const results = await Promise.all(options.checks.map((check) => early.get(check) ?? evaluate(check, collected)));

  const evaluated: Finding[] = options.checks.flatMap((check, index) =>
    (results[index] ?? []).map(
      (result): Finding => ({
        id: findingId(check.id, result.resource.arn),
        checkId: check.id,
        title: check.title,
        status: result.status,
        severity: check.severity,
        srmClass: result.srmClass ?? check.srmClass,
        obligation: check.obligation,
        service: check.service,
        resourceType: check.resourceType,
        resourceId: result.resource.id,
        resourceArn: result.resource.arn,
        region: result.resource.region,
        accountId: result.resource.accountId ?? accountId,
        // Checks never quote a secret; redacting guards every output against a check that forgets.
        message: redactSecrets(result.message, salt),
        compliance: check.compliance,
        remediation: check.remediation,
        observedAt,
      }),
    ),
  );
  const checkIds = options.checks.map((check) => check.id);
  // Decided once, here: every consumer (reports, --fail-on, lifecycle, digest) reads `finding.suppression`.
  const { findings, problems } = applySuppressions(evaluated, {
    suppressions: options.suppressions ?? [],
    now: startedAt,
    ranCheckIds: checkIds,
    catalogueCheckIds: (options.catalogue ?? options.checks).map((check) => check.id),
    ...(options.broadSuppressionMaxDays !== undefined && { broadSuppressionMaxDays: options.broadSuppressionMaxDays }),
  });

  // An AWS error message can quote what the request carried: redact before it reaches any output.
  const issues: CollectionIssue[] = collected.issues.map((i) => ({ ...i, message: redactSecrets(i.message, salt) }));
  const taggingIssues = issues.filter((i) => i.slice === 'tagging.resourceTypes');
  const tagged = collected.slices['tagging.resourceTypes'];
  const coverage = buildCoverageMap({
    checks: options.checks,
    catalogue: options.catalogue ?? options.checks,
    findings,
    listed: listedResources(collected.slices),
    ...((tagged || taggingIssues.length > 0) && { tagged: tagged ?? [] }),
    taggingIssues: taggingIssues.map((i) => ({ region: i.region, detail: i.errorCode })),
    regions,
  });
  return assembleReport({
    id: randomUUID(),
    accountId,
    startedAt: observedAt,
    finishedAt: now().toISOString(),
    regions,
    apiCalls: { total: options.clients.counter.total, byOperation: options.clients.counter.byOperation() },
    checkIds,
    findings,
    collectionIssues: issues,
    suppressionProblems: problems,
    coverage,
  });
}

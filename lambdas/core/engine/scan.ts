import { randomUUID } from 'node:crypto';
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsClients } from '../aws/clients.js';
import type { Check } from '../checks/define-check.js';
import type { CollectionIssue, SliceCollectors } from '../collectors/types.js';
import type { Settings } from '../config/settings.js';
import { findingId } from '../findings/finding-id.js';
import type { CheckRunSummary, Finding, ScanReport } from '../findings/model.js';
import type { Inventory, SliceKey } from '../inventory/index.js';
import { CollectionError } from '../model/errors.js';
import { ActionCatalog } from '../policy/actions.js';
import { fingerprintSalt, redactSecrets } from '../secrets/index.js';
import { type CollectProgress, collectInventory } from './collect.js';
import { evaluateCheck } from './evaluate.js';

export interface ScanOptions {
  /** The checks to run, already selected. */
  checks: readonly Check[];
  collectors: SliceCollectors<SliceKey>;
  settings: Settings;
  clients: AwsClients;
  /** Regions to scan; default every region enabled for the account (ec2:DescribeRegions). */
  regions?: readonly string[];
  onProgress?: (progress: CollectProgress) => void;
  /** Called once the account and regions are known, before collection. */
  onStart?: (scope: { accountId: string; regions: readonly string[]; slices: number }) => void;
  now?: () => Date;
}

/** Where a partition's global APIs (IAM, STS, S3 listing, DescribeRegions) are called. */
const HOME_REGION: Record<string, string> = { aws: 'us-east-1', 'aws-cn': 'cn-north-1', 'aws-us-gov': 'us-gov-west-1' };

/** Actions the engine itself calls, whatever checks are selected. */
export const ENGINE_ACTIONS = ['sts:GetCallerIdentity', 'ec2:DescribeRegions'] as const;

async function resolveIdentity(clients: AwsClients, region: string): Promise<{ accountId: string; partition: string }> {
  try {
    const identity = await clients.get(STSClient, region).send(new GetCallerIdentityCommand({}));
    const accountId = identity.Account;
    const partition = identity.Arn?.split(':')[1];
    if (!accountId || !partition) throw new Error('GetCallerIdentity returned no account.');
    return { accountId, partition };
  } catch (error) {
    throw new CollectionError(
      `Could not identify the AWS account (sts:GetCallerIdentity): ${error instanceof Error ? error.message : String(error)}. Check your credentials or --profile.`,
      { cause: error },
    );
  }
}

async function resolveRegions(clients: AwsClients, region: string): Promise<string[]> {
  try {
    const response = await clients.get(EC2Client, region).send(new DescribeRegionsCommand({ AllRegions: false }));
    const regions = (response.Regions ?? []).map((r) => r.RegionName).filter((r): r is string => Boolean(r));
    if (regions.length === 0) throw new Error('DescribeRegions returned no region.');
    return regions.sort();
  } catch (error) {
    throw new CollectionError(
      `Could not list the account's enabled regions (ec2:DescribeRegions): ${error instanceof Error ? error.message : String(error)}. Pass --regions to choose them.`,
      { cause: error },
    );
  }
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

function summarise(check: Check, findings: readonly Finding[]): CheckRunSummary {
  const own = findings.filter((f) => f.checkId === check.id);
  return {
    checkId: check.id,
    evaluated: own.length,
    passed: own.filter((f) => f.status === 'PASS').length,
    failed: own.filter((f) => f.status === 'FAIL').length,
    errored: own.filter((f) => f.status === 'ERROR').length,
  };
}

/**
 * Scans one account: identifies it, resolves regions, collects the union of the slices the
 * checks require (each once), evaluates every check and returns the report. Throws
 * `CollectionError` only when the scan cannot start at all (no identity, no regions).
 */
export async function runScan(options: ScanOptions): Promise<ScanReport> {
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const bootstrapRegion =
    process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? options.regions?.[0] ?? 'us-east-1';
  const { accountId, partition } = await resolveIdentity(options.clients, bootstrapRegion);
  const homeRegion = HOME_REGION[partition] ?? bootstrapRegion;
  const regions = options.regions?.length ? [...options.regions] : await resolveRegions(options.clients, homeRegion);
  const slices = new Set(options.checks.flatMap((c) => c.requires));
  options.onStart?.({ accountId, regions, slices: slices.size });

  const [collected, actions] = await Promise.all([
    collectInventory({
      slices,
      collectors: options.collectors,
      accountId,
      partition,
      regions,
      homeRegion,
      clients: options.clients,
      ...(options.onProgress && { onProgress: options.onProgress }),
    }),
    ActionCatalog.load(),
  ]);
  const inventory = assembleInventory(collected.slices, { accountId, partition, regions, scannedAt: startedAt });
  const observedAt = startedAt.toISOString();
  const salt = fingerprintSalt(accountId, options.settings.secretFingerprintSalt);

  const findings: Finding[] = options.checks.flatMap((check) =>
    evaluateCheck(check, inventory, options.settings, { actions }, collected.issues, options.collectors).map(
      (result): Finding => ({
        id: findingId(check.id, result.resource.arn),
        checkId: check.id,
        title: check.title,
        status: result.status,
        severity: check.severity,
        srmClass: check.srmClass,
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

  // An AWS error message can quote the request's input.
  const issues: CollectionIssue[] = collected.issues.map((i) => ({ ...i, message: redactSecrets(i.message, salt) }));
  return {
    scan: {
      id: randomUUID(),
      accountId,
      startedAt: observedAt,
      finishedAt: now().toISOString(),
      regions,
      apiCalls: { total: options.clients.counter.total, byOperation: options.clients.counter.byOperation() },
      collectionIssues: issues,
      checks: options.checks.map((check) => summarise(check, findings)),
    },
    findings,
  };
}

import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { marshall } from '@aws-sdk/util-dynamodb';
import { z } from 'zod';
import { digestMessage } from '../core/alerts/publisher.js';
import { describeIssues } from '../core/config/config-file.js';
import { FINDINGS_TABLE_SCHEMA } from '../core/findings/table-schema.js';
import { ConfigurationError } from '../core/model/errors.js';
import { redactSecrets } from '../core/secrets/index.js';
import {
  NOTIFY_ON,
  type NotifyOn,
  SEVERITIES,
  type Severity,
  SRM_CLASSES,
  type SrmClass,
} from '../core/srm/vocabulary.js';
import type { AccountScanResult } from '../scanner/summary.js';
import { formatOrganizationChatNotification } from './chat.js';

/** Environment of the aggregation step, shared with the CDK construct that sets it. */
export const AGGREGATOR_ENV = {
  findingsTable: 'SRM_SCAN_FINDINGS_TABLE',
  alertTopicArn: 'SRM_SCAN_ALERT_TOPIC_ARN',
  minAlertSeverity: 'SRM_SCAN_MIN_ALERT_SEVERITY',
  notifyOn: 'SRM_SCAN_NOTIFY_ON',
  historyTtlDays: 'SRM_SCAN_HISTORY_TTL_DAYS',
  /** `true`: the digest also goes out as an AWS Chatbot custom notification (chat channels on the topic). */
  alertChat: 'SRM_SCAN_ALERT_CHAT',
} as const;

export interface AggregatorEnvironment {
  findingsTable: string;
  alertTopicArn: string;
  minAlertSeverity: Severity;
  notifyOn: NotifyOn;
  historyTtlDays: number;
  /** Publish the digest in the chat notification format too. */
  alertChat?: boolean;
}

const aggregatorEnvironmentSchema = z.object({
  [AGGREGATOR_ENV.findingsTable]: z.string().min(1),
  [AGGREGATOR_ENV.alertTopicArn]: z.string().regex(/^arn:aws[\w-]*:sns:[a-z0-9-]+:\d{12}:[\w-]+$/),
  [AGGREGATOR_ENV.minAlertSeverity]: z.enum(SEVERITIES).default('high'),
  [AGGREGATOR_ENV.notifyOn]: z.enum(NOTIFY_ON).default('changes'),
  [AGGREGATOR_ENV.historyTtlDays]: z.coerce.number().int().positive().default(90),
  [AGGREGATOR_ENV.alertChat]: z.enum(['true', 'false'], 'must be true or false').optional(),
});

/** @throws ConfigurationError naming the variable */
export function parseAggregatorEnvironment(env: Readonly<Record<string, string | undefined>>): AggregatorEnvironment {
  const parsed = aggregatorEnvironmentSchema.safeParse(env);
  if (!parsed.success) throw new ConfigurationError(`Invalid environment: ${describeIssues(parsed.error)}`);
  const v = parsed.data;
  return {
    findingsTable: v[AGGREGATOR_ENV.findingsTable],
    alertTopicArn: v[AGGREGATOR_ENV.alertTopicArn],
    minAlertSeverity: v[AGGREGATOR_ENV.minAlertSeverity],
    notifyOn: v[AGGREGATOR_ENV.notifyOn],
    historyTtlDays: v[AGGREGATOR_ENV.historyTtlDays],
    ...(v[AGGREGATOR_ENV.alertChat] === 'true' && { alertChat: true }),
  };
}

/**
 * What the state machine passes: the Distributed Map's `ResultWriterDetails` (bucket and key of the map run's
 * manifest), or the error that stopped the run (listing failed, tolerated failures exceeded).
 */
export const aggregateEventSchema = z.object({
  executionName: z.string().min(1),
  startedAt: z.string().min(1),
  resultWriterDetails: z.object({ Bucket: z.string().min(1), Key: z.string().min(1) }).optional(),
  runError: z.object({ Error: z.string().optional(), Cause: z.string().optional() }).optional(),
});
export type AggregateEvent = z.output<typeof aggregateEventSchema>;

/** One child execution of the map run as `ResultWriter` exports it (fields srm-scan reads). */
interface ExportedExecution {
  Input?: string;
  Output?: string;
  Status?: string;
  Error?: string;
  Cause?: string;
}

/** The map run's manifest (`manifest.json` under the ResultWriter prefix). */
interface ResultManifest {
  ResultFiles?: Partial<Record<'SUCCEEDED' | 'FAILED' | 'PENDING', { Key: string }[]>>;
}

/** One account's outcome, its region shards merged. */
export interface AccountOutcome {
  accountId: string;
  status: 'SCANNED' | 'PARTIAL' | 'FAILED';
  shards: number;
  /** Present unless every shard failed. */
  result?: Omit<AccountScanResult, 'kind' | 'scanId' | 'startedAt'> & { scanIds: string[] };
  errors: { error: string; cause?: string; regions?: readonly string[] }[];
}

const zeroBy = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

function addInto<K extends string>(target: Record<K, number>, source: Partial<Record<K, number>>): void {
  for (const [key, value] of Object.entries(source) as [K, number][]) target[key] = (target[key] ?? 0) + value;
}

/**
 * Merges the map run's exported executions by account (an account scanned in region shards has one result per
 * shard). An account with a failed shard, or a shard the time budget cut short, is PARTIAL: its totals cover only
 * what was scanned. Pure.
 */
export function mergeAccountResults(
  succeeded: readonly AccountScanResult[],
  failed: readonly { accountId: string; regions?: readonly string[]; error: string; cause?: string }[],
): AccountOutcome[] {
  const byAccount = new Map<string, AccountOutcome>();
  const outcome = (accountId: string): AccountOutcome => {
    let entry = byAccount.get(accountId);
    if (!entry) {
      entry = { accountId, status: 'SCANNED', shards: 0, errors: [] };
      byAccount.set(accountId, entry);
    }
    return entry;
  };
  for (const r of succeeded) {
    const entry = outcome(r.accountId);
    entry.shards += 1;
    if (!r.complete) entry.status = 'PARTIAL';
    const merged = entry.result ?? {
      scanIds: [],
      accountId: r.accountId,
      regions: [],
      complete: true,
      notCollected: 0,
      durationSeconds: 0,
      checks: 0,
      totals: { PASS: 0, FAIL: 0, SUPPRESSED: 0, ERROR: 0 },
      failedBySrmClass: zeroBy(SRM_CLASSES),
      failedBySeverity: zeroBy(SEVERITIES),
      coverage: { evaluated: 0, notEvaluated: 0, share: 1 },
      lifecycle: { new: 0, regressed: 0, resolved: 0, open: 0 },
      collectionIssues: 0,
      alertable: { count: 0, sample: [] },
      apiCalls: 0,
    };
    merged.scanIds.push(r.scanId);
    merged.regions = [...new Set([...merged.regions, ...r.regions])].sort();
    merged.complete &&= r.complete;
    merged.notCollected += r.notCollected;
    merged.durationSeconds = Math.max(merged.durationSeconds, r.durationSeconds);
    merged.checks = Math.max(merged.checks, r.checks);
    addInto(merged.totals, r.totals);
    addInto(merged.failedBySrmClass, r.failedBySrmClass);
    addInto(merged.failedBySeverity, r.failedBySeverity);
    const evaluated = merged.coverage.evaluated + r.coverage.evaluated;
    const notEvaluated = merged.coverage.notEvaluated + r.coverage.notEvaluated;
    merged.coverage = {
      evaluated,
      notEvaluated,
      share: evaluated + notEvaluated === 0 ? 1 : evaluated / (evaluated + notEvaluated),
    };
    if (r.lifecycle && merged.lifecycle) addInto(merged.lifecycle, r.lifecycle);
    merged.collectionIssues += r.collectionIssues;
    merged.alertable = {
      count: merged.alertable.count + r.alertable.count,
      sample: [...merged.alertable.sample, ...r.alertable.sample],
    };
    merged.apiCalls += r.apiCalls;
    entry.result = merged;
  }
  for (const f of failed) {
    const entry = outcome(f.accountId);
    entry.shards += 1;
    entry.errors.push({ error: f.error, ...(f.cause && { cause: f.cause }), ...(f.regions && { regions: f.regions }) });
  }
  for (const entry of byAccount.values()) {
    if (entry.errors.length > 0) entry.status = entry.result ? 'PARTIAL' : 'FAILED';
  }
  return [...byAccount.values()].sort((a, b) => a.accountId.localeCompare(b.accountId));
}

/** The organisation's totals: what the summary item stores and the digest's header shows. */
export interface OrganizationSummary {
  executionName: string;
  startedAt: string;
  accounts: { total: number; scanned: number; partial: number; failed: number };
  totals: { PASS: number; FAIL: number; SUPPRESSED: number; ERROR: number };
  failedBySrmClass: Record<SrmClass, number>;
  lifecycle: { new: number; regressed: number; resolved: number; open: number };
  alertable: number;
  /** Why the run stopped early, when it did (the state machine's error). */
  runError?: string;
}

export function summariseOrganization(
  outcomes: readonly AccountOutcome[],
  context: { executionName: string; startedAt: string; runError?: string },
): OrganizationSummary {
  const totals = { PASS: 0, FAIL: 0, SUPPRESSED: 0, ERROR: 0 };
  const failedBySrmClass = zeroBy(SRM_CLASSES);
  const lifecycle = { new: 0, regressed: 0, resolved: 0, open: 0 };
  let alertable = 0;
  for (const o of outcomes) {
    if (!o.result) continue;
    addInto(totals, o.result.totals);
    addInto(failedBySrmClass, o.result.failedBySrmClass);
    if (o.result.lifecycle) addInto(lifecycle, o.result.lifecycle);
    alertable += o.result.alertable.count;
  }
  const count = (status: AccountOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  return {
    executionName: context.executionName,
    startedAt: context.startedAt,
    accounts: { total: outcomes.length, scanned: count('SCANNED'), partial: count('PARTIAL'), failed: count('FAILED') },
    totals,
    failedBySrmClass,
    lifecycle,
    alertable,
    ...(context.runError && { runError: context.runError }),
  };
}

const SUBJECT_LIMIT = 100;
/** SNS's limit is 256 KiB; the body stops well before it and says how many accounts it left out. */
const BODY_LIMIT = 200 * 1024;

/**
 * The organisation digest: one message, accounts in order (failed and partial first), each with its failures by
 * SRM class and its new or regressed findings at or above the alert severity under their SRM class. Pure.
 */
export function formatOrganizationDigest(
  summary: OrganizationSummary,
  outcomes: readonly AccountOutcome[],
  minSeverity: Severity,
): { subject: string; body: string } {
  const a = summary.accounts;
  const subject =
    `srm-scan organisation: ${summary.alertable} new finding${summary.alertable === 1 ? '' : 's'} (${minSeverity}+) in ${a.total} account${a.total === 1 ? '' : 's'}${a.failed ? `, ${a.failed} failed` : ''}${a.partial ? `, ${a.partial} partial` : ''}`.slice(
      0,
      SUBJECT_LIMIT,
    );
  const head = [
    `srm-scan organisation digest, run ${summary.executionName} started ${summary.startedAt}`,
    ...(summary.runError ? [`THE RUN STOPPED EARLY: ${summary.runError}`] : []),
    `Accounts: ${a.total} - ${a.scanned} scanned, ${a.partial} partial, ${a.failed} failed`,
    `Findings: ${summary.totals.PASS} PASS, ${summary.totals.FAIL} FAIL, ${summary.totals.SUPPRESSED} SUPPRESSED, ${summary.totals.ERROR} ERROR`,
    `Lifecycle: ${summary.lifecycle.new} new, ${summary.lifecycle.regressed} regressed, ${summary.lifecycle.resolved} resolved, ${summary.lifecycle.open} open`,
    `FAIL by SRM class: ${SRM_CLASSES.map((c) => `${c} ${summary.failedBySrmClass[c]}`).join(', ')}`,
    '',
  ];
  const rank = { FAILED: 0, PARTIAL: 1, SCANNED: 2 } as const;
  const ordered = [...outcomes].sort(
    (x, y) => rank[x.status] - rank[y.status] || x.accountId.localeCompare(y.accountId),
  );
  const sections = ordered.map((o) => {
    const lines = [`ACCOUNT ${o.accountId} - ${o.status}${o.shards > 1 ? ` (${o.shards} region shards)` : ''}`];
    for (const e of o.errors) {
      lines.push(
        `  Error${e.regions ? ` (regions ${e.regions.join(', ')})` : ''}: ${redactSecrets(`${e.error}${e.cause ? `: ${e.cause}` : ''}`).slice(0, 500)}`,
      );
    }
    const r = o.result;
    if (r) {
      if (!r.complete)
        lines.push(
          `  Time budget ran out: ${r.notCollected} scope(s) not collected, reported as ERROR; nothing there was resolved.`,
        );
      lines.push(
        `  ${r.totals.FAIL} FAIL, ${r.totals.ERROR} ERROR, coverage ${(Math.floor(r.coverage.share * 1000) / 10).toFixed(1)}%, ${r.lifecycle?.new ?? 0} new, ${r.lifecycle?.resolved ?? 0} resolved`,
      );
      for (const srmClass of SRM_CLASSES) {
        const listed = r.alertable.sample.filter((f) => f.srmClass === srmClass);
        if (r.failedBySrmClass[srmClass] === 0 && listed.length === 0) continue;
        lines.push(`  ${srmClass}: ${r.failedBySrmClass[srmClass]} FAIL`);
        for (const f of listed)
          lines.push(
            `    ${f.kind.toUpperCase()} [${f.severity}] ${f.checkId} ${f.resourceId} (${f.region}): ${f.title}`,
          );
      }
      const unlisted = r.alertable.count - r.alertable.sample.length;
      if (unlisted > 0)
        lines.push(`  ... and ${unlisted} more new finding(s): query the findings table for account ${o.accountId}.`);
    }
    return [...lines, ''].join('\n');
  });
  let body = head.join('\n');
  let shown = 0;
  for (const section of sections) {
    if (Buffer.byteLength(body + section, 'utf8') > BODY_LIMIT) break;
    body += `\n${section}`;
    shown += 1;
  }
  if (shown < sections.length)
    body += `\n... ${sections.length - shown} more account(s) left out to fit the message; see the organisation summary item.\n`;
  return { subject: subject.replace(/[^\x20-\x7e]/g, '?'), body };
}

/** Whether the digest goes out: always, never, or on new findings, failed or partial accounts, or an early stop. */
export function shouldNotify(notifyOn: NotifyOn, summary: OrganizationSummary): boolean {
  if (notifyOn === 'always') return true;
  if (notifyOn === 'never') return false;
  return (
    summary.alertable > 0 ||
    summary.accounts.failed > 0 ||
    summary.accounts.partial > 0 ||
    summary.runError !== undefined
  );
}

export interface AggregatorDependencies {
  environment: () => AggregatorEnvironment;
  s3: () => S3Client;
  sns: () => SNSClient;
  dynamodb: () => DynamoDBClient;
  logger: Pick<Logger, 'info' | 'warn'>;
  now?: () => Date;
}

async function readJson<T>(s3: S3Client, bucket: string, key: string): Promise<T> {
  const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  const text = (await object.Body?.transformToString('utf8')) ?? '';
  return JSON.parse(text) as T;
}

const parseJson = (text: string | undefined): unknown => {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
};

/** Reads the map run's exported results: each succeeded account result and each failed item with its error. */
export async function readMapResults(
  s3: S3Client,
  details: { Bucket: string; Key: string },
): Promise<{
  succeeded: AccountScanResult[];
  failed: { accountId: string; regions?: readonly string[]; error: string; cause?: string }[];
}> {
  const manifest = await readJson<ResultManifest>(s3, details.Bucket, details.Key);
  const succeeded: AccountScanResult[] = [];
  const failed: { accountId: string; regions?: readonly string[]; error: string; cause?: string }[] = [];
  for (const file of manifest.ResultFiles?.SUCCEEDED ?? []) {
    for (const execution of await readJson<ExportedExecution[]>(s3, details.Bucket, file.Key)) {
      const output = parseJson(execution.Output) as AccountScanResult | undefined;
      if (output?.kind === 'srm-scan.account-result') succeeded.push(output);
    }
  }
  for (const file of [...(manifest.ResultFiles?.FAILED ?? []), ...(manifest.ResultFiles?.PENDING ?? [])]) {
    for (const execution of await readJson<ExportedExecution[]>(s3, details.Bucket, file.Key)) {
      const input = parseJson(execution.Input) as { accountId?: string; regions?: string[] } | undefined;
      failed.push({
        accountId: input?.accountId ?? 'unknown',
        ...(input?.regions && { regions: input.regions }),
        error: execution.Error ?? execution.Status ?? 'Failed',
        ...(execution.Cause && { cause: execution.Cause }),
      });
    }
  }
  return { succeeded, failed };
}

/** Creates the aggregation step: read the map run's results, publish one digest, write one summary item. */
export function createAggregateHandler(
  dependencies: AggregatorDependencies,
): (event: unknown) => Promise<OrganizationSummary & { published: boolean }> {
  return async (event) => {
    const env = dependencies.environment();
    const parsed = aggregateEventSchema.safeParse(event);
    if (!parsed.success) throw new ConfigurationError(`Invalid event: ${describeIssues(parsed.error)}`);
    const input = parsed.data;
    const results = input.resultWriterDetails
      ? await readMapResults(dependencies.s3(), input.resultWriterDetails)
      : { succeeded: [], failed: [] };
    const outcomes = mergeAccountResults(results.succeeded, results.failed);
    const runError = input.runError
      ? redactSecrets(
          `${input.runError.Error ?? 'Error'}${input.runError.Cause ? `: ${input.runError.Cause}` : ''}`,
        ).slice(0, 1000)
      : undefined;
    const summary = summariseOrganization(outcomes, {
      executionName: input.executionName,
      startedAt: input.startedAt,
      ...(runError && { runError }),
    });
    let published = false;
    if (shouldNotify(env.notifyOn, summary)) {
      const digest = formatOrganizationDigest(summary, outcomes, env.minAlertSeverity);
      const chat = env.alertChat
        ? formatOrganizationChatNotification(summary, outcomes, env.minAlertSeverity, digest.subject)
        : undefined;
      await dependencies.sns().send(
        new PublishCommand({
          TopicArn: env.alertTopicArn,
          Subject: digest.subject,
          Message: digestMessage(digest, chat),
          ...(chat && { MessageStructure: 'json' }),
          MessageAttributes: {
            severity: { DataType: 'String', StringValue: summary.alertable > 0 ? env.minAlertSeverity : 'none' },
            accountId: { DataType: 'String', StringValue: 'organization' },
          },
        }),
      );
      published = true;
    }
    const now = dependencies.now?.() ?? new Date();
    const { partitionKey, sortKey, ttlAttribute } = FINDINGS_TABLE_SCHEMA;
    await dependencies.dynamodb().send(
      new PutItemCommand({
        TableName: env.findingsTable,
        Item: marshall(
          {
            [partitionKey]: ORGANIZATION_SCAN_PARTITION,
            [sortKey]: `${input.startedAt}#${input.executionName}`,
            type: 'ORGANIZATION_SCAN',
            ...summary,
            accountOutcomes: outcomes.map((o) => ({
              accountId: o.accountId,
              status: o.status,
              shards: o.shards,
              ...(o.result && {
                scanIds: o.result.scanIds,
                fail: o.result.totals.FAIL,
                durationSeconds: o.result.durationSeconds,
              }),
              ...(o.errors.length > 0 && { error: o.errors[0]?.error }),
            })),
            published,
            writtenAt: now.toISOString(),
            [ttlAttribute]: Math.floor(now.getTime() / 1000) + env.historyTtlDays * 86_400,
          },
          { removeUndefinedValues: true },
        ),
      }),
    );
    dependencies.logger.info('Organisation scan aggregated', { summary, published });
    if (results.failed.length > 0)
      dependencies.logger.warn('Accounts failed', {
        failed: results.failed.map((f) => ({ accountId: f.accountId, error: f.error })),
      });
    return { ...summary, published };
  };
}

/** Partition key of the organisation summary items (sort key `<startedAt>#<execution name>`). */
export const ORGANIZATION_SCAN_PARTITION = 'ORGANIZATION#SCAN';

export const handler = createAggregateHandler({
  environment: () => parseAggregatorEnvironment(process.env),
  s3: () => new S3Client({ customUserAgent: 'srm-scan-lambda' }),
  sns: () => new SNSClient({ customUserAgent: 'srm-scan-lambda' }),
  dynamodb: () => new DynamoDBClient({ customUserAgent: 'srm-scan-lambda' }),
  logger: new Logger({ serviceName: 'srm-scan-org' }),
});

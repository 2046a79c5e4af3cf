import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { marshall } from '@aws-sdk/util-dynamodb';
import { z } from 'zod';
import { buildOrganizationDigest, type OrganizationDigestSummary } from '../core/alerts/organization-digest.js';
import { digestPublishInput } from '../core/alerts/publisher.js';
import { describeIssues } from '../core/config/config-file.js';
import { FINDINGS_TABLE_SCHEMA } from '../core/findings/table-schema.js';
import type { AccountScanResult } from '../core/job/run-summary.js';
import { ConfigurationError } from '../core/model/errors.js';
import { redactSecrets } from '../core/secrets/index.js';
import { NOTIFY_ON, type NotifyOn, SEVERITIES, type Severity } from '../core/srm/vocabulary.js';

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
): (event: unknown) => Promise<OrganizationDigestSummary & { published: boolean }> {
  return async (event) => {
    const env = dependencies.environment();
    const parsed = aggregateEventSchema.safeParse(event);
    if (!parsed.success) throw new ConfigurationError(`Invalid event: ${describeIssues(parsed.error)}`);
    const input = parsed.data;
    const results = input.resultWriterDetails
      ? await readMapResults(dependencies.s3(), input.resultWriterDetails)
      : { succeeded: [], failed: [] };
    const runError = input.runError
      ? redactSecrets(
          `${input.runError.Error ?? 'Error'}${input.runError.Cause ? `: ${input.runError.Cause}` : ''}`,
        ).slice(0, 1000)
      : undefined;
    const {
      outcomes,
      summary,
      send: published,
      digest,
      chat,
    } = buildOrganizationDigest({
      ...results,
      run: { executionName: input.executionName, startedAt: input.startedAt, ...(runError && { runError }) },
      minSeverity: env.minAlertSeverity,
      notifyOn: env.notifyOn,
      ...(env.alertChat && { chat: true }),
    });
    if (published) {
      await dependencies.sns().send(new PublishCommand(digestPublishInput(env.alertTopicArn, digest, chat)));
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

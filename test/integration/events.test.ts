import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { SNSClient } from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MotoServer, startMoto } from '../../demo/moto.js';
import { ApiCallCounter } from '../../lambdas/core/aws/api-calls.js';
import { AwsClients } from '../../lambdas/core/aws/clients.js';
import { parseConfig } from '../../lambdas/core/config/config-file.js';
import {
  type FindingEventDetail,
  findingEventDetailSchema,
  summaryEventDetailSchema,
} from '../../lambdas/core/events/schema.js';
import { runScanJob, type ScanJobOptions, type ScanJobResult } from '../../lambdas/core/job/run-scan-job.js';
import { runCli } from '../helpers/cli.js';
import { createTable, createTopicWithQueue, receiveDigests, type SnsEnvelope } from '../helpers/moto-alerts.js';
import { bucket, FAKE_CHECKS, type FakeWorld, fakeCollectors, fakeWorld, volume } from '../job/fake-catalogue.js';

const REGION = 'us-east-1';
const TABLE = 'srm-scan-findings';

/** The README's example rule: a critical finding that became NEW or REGRESSED. */
const CRITICAL_NEW_PATTERN = {
  source: ['srm-scan'],
  'detail-type': ['srm-scan Finding New', 'srm-scan Finding Regressed'],
  detail: { severity: ['critical'] },
};

interface Delivered {
  source: string;
  'detail-type': string;
  resources: string[];
  detail: unknown;
}

async function drain(sqs: SQSClient, queueUrl: string): Promise<Delivered[]> {
  const events: Delivered[] = [];
  for (;;) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    );
    if (Messages.length === 0) return events;
    for (const message of Messages) {
      events.push(JSON.parse(message.Body ?? '{}') as Delivered);
      await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
    }
  }
}

describe('Integration: EventBridge events and the chat digest on moto', () => {
  let moto: MotoServer;
  let clients: AwsClients;
  let eventsQueue: string;
  let criticalQueue: string;
  const critical: Delivered[][] = [];
  const runs: { result: ScanJobResult; events: Delivered[]; digests: SnsEnvelope[] }[] = [];

  beforeAll(async () => {
    moto = await startMoto();
    clients = new AwsClients(new ApiCallCounter(), { endpoint: moto.endpoint });
    const sqs = clients.get(SQSClient, REGION);
    await createTable(clients.get(DynamoDBClient, REGION), TABLE);
    const { topicArn, queueUrl: digestQueue } = await createTopicWithQueue(clients.get(SNSClient, REGION), sqs);

    // A rule on the default bus, as a team would write it: every srm-scan event to a queue.
    const { QueueUrl: queueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'srm-scan-events' }));
    if (!queueUrl) throw new Error('moto did not create the queue');
    eventsQueue = queueUrl;
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
    );
    const eventBridge = clients.get(EventBridgeClient, REGION);
    await eventBridge.send(
      new PutRuleCommand({ Name: 'srm-scan-all', EventPattern: JSON.stringify({ source: ['srm-scan'] }) }),
    );
    await eventBridge.send(
      new PutTargetsCommand({ Rule: 'srm-scan-all', Targets: [{ Id: 'queue', Arn: Attributes?.QueueArn }] }),
    );

    // The README's example: critical findings that became NEW or REGRESSED, to a pager's queue.
    const { QueueUrl: pager } = await sqs.send(new CreateQueueCommand({ QueueName: 'srm-scan-critical' }));
    if (!pager) throw new Error('moto did not create the queue');
    criticalQueue = pager;
    const pagerArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: pager, AttributeNames: ['QueueArn'] })))
      .Attributes?.QueueArn;
    await eventBridge.send(
      new PutRuleCommand({ Name: 'srm-scan-critical', EventPattern: JSON.stringify(CRITICAL_NEW_PATTERN) }),
    );
    await eventBridge.send(
      new PutTargetsCommand({ Rule: 'srm-scan-critical', Targets: [{ Id: 'pager', Arn: pagerArn }] }),
    );

    const world: FakeWorld = fakeWorld('123456789012');
    world.buckets.push(bucket(world, 'shared-uploads'), bucket(world, 'finance-reports', { owner: 'finance' }));
    world.volumes.push(volume(world, 'vol-legacy-db', 'eu-west-1', false));
    const run = async (day: number) => {
      const options: ScanJobOptions = {
        config: parseConfig({ regions: ['us-east-1', 'eu-west-1'] }, 'integration test'),
        clients,
        store: { tableName: TABLE, region: REGION },
        alerts: { topicArn, minSeverity: 'high', notifyOn: 'changes', chat: true },
        events: {},
        checks: FAKE_CHECKS,
        collectors: fakeCollectors(world),
        now: () => new Date(Date.UTC(2026, 10, day, 3)),
      };
      const result = await runScanJob(options);
      runs.push({ result, events: await drain(sqs, queueUrl), digests: await receiveDigests(sqs, digestQueue) });
      critical.push(await drain(sqs, criticalQueue));
    };

    // Run 1: baseline. Run 2: the bucket is fixed.
    await run(20);
    world.buckets[0] = bucket(world, 'shared-uploads', { owner: 'web' });
    await run(21);
  }, 120_000);

  afterAll(async () => {
    clients?.destroy();
    await moto?.stop();
  });

  const nth = (n: number) => {
    const found = runs[n];
    if (!found) throw new Error(`run ${n + 1} did not happen`);
    return found;
  };
  const findings = (events: Delivered[]) =>
    events
      .filter((e) => e['detail-type'] !== 'srm-scan Scan Summary')
      .map((e) => findingEventDetailSchema.parse(e.detail) as FindingEventDetail)
      .map((d) => `${d.transition} ${d.resourceId}`)
      .sort();

  it('delivers a NEW event per failing finding and the run summary through a rule on the default bus', () => {
    // Prepare
    const { events, result } = nth(0);

    // Act
    const delivered = findings(events);

    // Assess
    expect(delivered).toEqual(['NEW shared-uploads', 'NEW vol-legacy-db']);
    expect(events.every((e) => e.source === 'srm-scan')).toBe(true);
    const summary = events.find((e) => e['detail-type'] === 'srm-scan Scan Summary');
    expect(summaryEventDetailSchema.parse(summary?.detail).transitions).toEqual({ new: 2, regressed: 0, resolved: 0 });
    expect(result.events).toMatchObject({ bus: 'default', put: 3, findingEvents: 2 });
  });

  it('routes only critical NEW findings through the README example rule', () => {
    // Prepare
    const [first, second] = critical;

    // Act
    const paged = (first ?? []).map((e) => `${e['detail-type']} ${(e.detail as FindingEventDetail).resourceId}`);

    // Assess
    expect(paged).toEqual(['srm-scan Finding New vol-legacy-db']);
    expect(second).toEqual([]);
  });

  it('delivers a RESOLVED event for the fixed bucket on the next run, with the ARN in resources', () => {
    // Prepare
    const { events } = nth(1);

    // Act
    const delivered = findings(events);

    // Assess
    expect(delivered).toEqual(['RESOLVED shared-uploads']);
    const resolved = events.find((e) => e['detail-type'] === 'srm-scan Finding Resolved');
    expect(resolved?.resources).toEqual(['arn:aws:s3:::shared-uploads']);
  });

  it("puts the CLI scan's events with --event-bus default, one NEW per failing finding plus the summary", async () => {
    // Prepare
    await createTable(clients.get(DynamoDBClient, REGION), 'srm-scan-cli');

    // Act
    const { code, stderr } = await runCli(
      [
        'scan',
        '--regions',
        REGION,
        '--checks',
        'iam-*',
        '--findings-table',
        'srm-scan-cli',
        '--event-bus',
        'default',
        '--format',
        'json',
      ],
      { AWS_ENDPOINT_URL: moto.endpoint },
    );

    // Assess
    expect(code, stderr).toBe(0);
    const delivered = await drain(clients.get(SQSClient, REGION), eventsQueue);
    const newOnes = delivered.filter((e) => e['detail-type'] === 'srm-scan Finding New');
    const summary = delivered.find((e) => e['detail-type'] === 'srm-scan Scan Summary');
    expect(newOnes.length).toBeGreaterThan(0);
    expect(summaryEventDetailSchema.parse(summary?.detail).transitions.new).toBe(newOnes.length);
    expect(stderr).toContain(
      `Events: ${newOnes.length + 1} put on bus default (${newOnes.length} finding event(s) and 1 summary`,
    );
  });

  it('publishes one structured SNS message: the queue (default key) gets the plain-text digest', () => {
    // Prepare
    const { digests } = nth(0);

    // Act
    const [digest] = digests;

    // Assess
    expect(digests).toHaveLength(1);
    expect(digest?.Message).toMatch(/^srm-scan digest for AWS account 123456789012/);
    expect(digest?.Message).not.toContain('"source":"custom"');
  });
});

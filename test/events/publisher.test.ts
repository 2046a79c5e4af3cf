import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiCallCounter } from '../../lambdas/core/aws/api-calls.js';
import { AwsClients } from '../../lambdas/core/aws/clients.js';
import type { ScanEvent } from '../../lambdas/core/events/build.js';
import {
  batchEntries,
  busRegion,
  entrySize,
  PUT_EVENTS_MAX_BYTES,
  putScanEvents,
} from '../../lambdas/core/events/publisher.js';
import { EventPublishError } from '../../lambdas/core/model/errors.js';
import { awsError } from '../helpers/aws-errors.js';

const events = mockClient(EventBridgeClient);
const noSleep = async () => {};

const scanEvent = (n: number, size = 0): ScanEvent =>
  ({
    source: 'srm-scan',
    detailType: 'srm-scan Finding New',
    detail: { findingId: `f-${n}`, pad: 'p'.repeat(size) },
    resources: [`arn:aws:s3:::bucket-${n}`],
    time: new Date('2026-11-20T03:00:00.000Z'),
  }) as unknown as ScanEvent;

const ids = (entries: readonly PutEventsRequestEntry[]) =>
  entries.map((e) => (JSON.parse(e.Detail ?? '{}') as { findingId: string }).findingId);

const accepted = (entries: readonly PutEventsRequestEntry[] = []) => ({
  FailedEntryCount: 0,
  Entries: entries.map((_, i) => ({ EventId: `e-${i}` })),
});

describe('Function: putScanEvents', () => {
  const clients = new AwsClients(new ApiCallCounter(), { endpoint: undefined });
  beforeEach(() => {
    events.reset();
    events.on(PutEventsCommand).callsFake((input: { Entries: PutEventsRequestEntry[] }) => accepted(input.Entries));
  });
  afterAll(() => {
    events.restore();
  });

  it('sends 25 events as PutEvents calls of at most 10 entries on the default bus, in order', async () => {
    // Prepare
    const all = Array.from({ length: 25 }, (_, n) => scanEvent(n));

    // Act
    const result = await putScanEvents(clients, { region: 'eu-west-1' }, all, { concurrency: 1 });

    // Assess
    const calls = events.commandCalls(PutEventsCommand).map((c) => c.args[0].input.Entries ?? []);
    expect(calls.map((entries) => entries.length)).toEqual([10, 10, 5]);
    expect(calls.flatMap(ids)).toEqual(all.map((_, n) => `f-${n}`));
    expect(calls[0]?.[0]).toMatchObject({
      EventBusName: 'default',
      Source: 'srm-scan',
      DetailType: 'srm-scan Finding New',
      Resources: ['arn:aws:s3:::bucket-0'],
    });
    expect(result).toEqual({ put: 25, requests: 3, retried: 0 });
  });

  it('splits a batch before it reaches the 256 KB request limit', () => {
    // Prepare
    const entries = Array.from({ length: 4 }, (_, n) => ({
      Source: 'srm-scan',
      DetailType: 'srm-scan Finding New',
      Detail: 'x'.repeat(100_000 + n),
    }));

    // Act
    const batches = batchEntries(entries);

    // Assess
    expect(batches.map((b) => b.length)).toEqual([2, 2]);
    for (const batch of batches) {
      expect(batch.reduce((sum, e) => sum + entrySize(e), 0)).toBeLessThanOrEqual(PUT_EVENTS_MAX_BYTES);
    }
  });

  it('sends again only the entries PutEvents reports failed (FailedEntryCount) with a retryable code', async () => {
    // Prepare
    let call = 0;
    events.on(PutEventsCommand).callsFake((input: { Entries: PutEventsRequestEntry[] }) => {
      call += 1;
      if (call > 1) return accepted(input.Entries);
      return {
        FailedEntryCount: 2,
        Entries: input.Entries.map((_, i) =>
          i === 1 || i === 3
            ? { ErrorCode: i === 1 ? 'ThrottlingException' : 'InternalFailure', ErrorMessage: 'try again' }
            : { EventId: `e-${i}` },
        ),
      };
    });
    const all = Array.from({ length: 5 }, (_, n) => scanEvent(n));

    // Act
    const result = await putScanEvents(clients, { region: 'eu-west-1' }, all, { sleep: noSleep });

    // Assess
    const calls = events.commandCalls(PutEventsCommand).map((c) => ids(c.args[0].input.Entries ?? []));
    expect(calls).toEqual([
      ['f-0', 'f-1', 'f-2', 'f-3', 'f-4'],
      ['f-1', 'f-3'],
    ]);
    expect(result).toEqual({ put: 5, requests: 2, retried: 2 });
  });

  it('raises EventPublishError naming the events still failing after the last attempt, never dropping them silently', async () => {
    // Prepare
    events.on(PutEventsCommand).callsFake((input: { Entries: PutEventsRequestEntry[] }) => ({
      FailedEntryCount: 1,
      Entries: input.Entries.map((_, i) =>
        i === 0 ? { ErrorCode: 'InternalFailure', ErrorMessage: 'broken' } : { EventId: `e-${i}` },
      ),
    }));

    // Act
    const put = putScanEvents(clients, { region: 'eu-west-1' }, [scanEvent(0), scanEvent(1)], {
      sleep: noSleep,
      maxAttempts: 3,
    });

    // Assess
    await expect(put).rejects.toThrow(EventPublishError);
    await expect(put).rejects.toThrow(
      /did not accept 1 of 2 event\(s\) after up to 3 attempt\(s\): srm-scan Finding New f-0 \(InternalFailure: broken\)/,
    );
    expect(events.commandCalls(PutEventsCommand)).toHaveLength(3);
  });

  it('fails at once on a non-retryable entry error such as MalformedDetail', async () => {
    // Prepare
    events.on(PutEventsCommand).resolves({
      FailedEntryCount: 1,
      Entries: [{ ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' }],
    });

    // Act
    const put = putScanEvents(clients, { region: 'eu-west-1' }, [scanEvent(0)], { sleep: noSleep });

    // Assess
    await expect(put).rejects.toThrow(/MalformedDetail/);
    expect(events.commandCalls(PutEventsCommand)).toHaveLength(1);
  });

  it('backs off and retries a whole call throttled with the JSON protocol ThrottlingException', async () => {
    // Prepare
    const delays: number[] = [];
    events
      .on(PutEventsCommand)
      .rejectsOnce(awsError('json', 'ThrottlingException', { message: 'Rate exceeded' }))
      .callsFake((input: { Entries: PutEventsRequestEntry[] }) => accepted(input.Entries));

    // Act
    const result = await putScanEvents(clients, { region: 'eu-west-1' }, [scanEvent(0), scanEvent(1)], {
      sleep: async (ms) => {
        delays.push(ms);
      },
      random: () => 0.5,
      baseDelayMs: 200,
    });

    // Assess
    expect(result).toEqual({ put: 2, requests: 2, retried: 2 });
    expect(delays).toEqual([100]);
  });

  it('raises EventPublishError with the cause on an error that is not throttling (AccessDenied)', async () => {
    // Prepare
    events.on(PutEventsCommand).rejects(awsError('json', 'AccessDeniedException', { status: 400 }));

    // Act
    const put = putScanEvents(clients, { region: 'eu-west-1' }, [scanEvent(0)], { sleep: noSleep });

    // Assess
    await expect(put).rejects.toThrow(/Could not put 1 event\(s\) on EventBridge bus default: AccessDeniedException/);
  });

  it('redacts a credential the error message quotes, in the EventPublishError message', async () => {
    // Prepare
    events
      .on(PutEventsCommand)
      .rejects(awsError('json', 'AccessDeniedException', { message: 'denied for AKIAIOSFODNN7EXAMPLE' }));

    // Act
    const put = putScanEvents(clients, { region: 'eu-west-1' }, [scanEvent(0)], { sleep: noSleep });

    // Assess
    await expect(put).rejects.toThrow(/AccessDeniedException: denied for \[AWS access key ID, fingerprint [0-9a-f]+\]/);
    await expect(put).rejects.not.toThrow(/AKIAIOSFODNN7EXAMPLE/);
  });

  it('puts on a named bus, and in the region of a bus given by ARN', async () => {
    // Prepare
    const arn = 'arn:aws:events:us-west-2:123456789012:event-bus/security';

    // Act
    await putScanEvents(clients, { busName: arn, region: 'eu-west-1' }, [scanEvent(0)]);

    // Assess
    expect(events.commandCalls(PutEventsCommand)[0]?.args[0].input.Entries?.[0]?.EventBusName).toBe(arn);
    expect(busRegion({ busName: arn, region: 'eu-west-1' })).toBe('us-west-2');
    expect(busRegion({ busName: 'security', region: 'eu-west-1' })).toBe('eu-west-1');
  });
});

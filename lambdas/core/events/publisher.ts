import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { parseArn } from '../aws/arn.js';
import { sleep as defaultSleep, fullJitterDelay } from '../aws/backoff.js';
import { batchBySize } from '../aws/batches.js';
import { type AwsClients, describeAwsErrorText } from '../aws/clients.js';
import { isThrottlingError } from '../aws/rate-limits.js';
import { EventPublishError } from '../model/errors.js';
import type { ScanEvent } from './build.js';

/** PutEvents: at most 10 entries per call. */
const PUT_EVENTS_MAX_ENTRIES = 10;
/** PutEvents: at most 256 KB per request, entries summed as `entrySize` computes them. */
export const PUT_EVENTS_MAX_BYTES = 256 * 1024;
/** Entry error codes worth sending again; any other code (MalformedDetail, AccessDenied…) fails at once. */
const RETRYABLE_ENTRY_CODES = new Set([
  'ThrottlingException',
  'InternalFailure',
  'InternalException',
  'ServiceUnavailable',
]);

export interface EventBus {
  /** `default`, a bus name or a bus ARN. Default `default`. */
  busName?: string;
  /** Region of the bus; default the ARN's, else the caller's. */
  region: string;
}

export interface PutScanEventsOptions {
  /** Attempts per entry (first send included). Default 5. */
  maxAttempts?: number;
  /** First back-off delay in ms, doubled each attempt, full jitter. Default 200. */
  baseDelayMs?: number;
  /** Calls in flight at once. Default 4. */
  concurrency?: number;
  /** Injected in tests. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface PutScanEventsResult {
  /** Entries EventBridge accepted (all of them, or the call throws). */
  put: number;
  /** PutEvents calls made, retries included. */
  requests: number;
  /** Entries sent again after a retryable failure. */
  retried: number;
}

/**
 * An entry's size as EventBridge counts it against the 256 KB request limit: 14 bytes for `Time`, plus the UTF-8
 * bytes of `Source`, `DetailType`, `Detail` and each of `Resources`.
 */
export function entrySize(entry: PutEventsRequestEntry): number {
  const bytes = (text: string | undefined) => (text ? Buffer.byteLength(text, 'utf8') : 0);
  return (
    (entry.Time ? 14 : 0) +
    bytes(entry.Source) +
    bytes(entry.DetailType) +
    bytes(entry.Detail) +
    (entry.Resources ?? []).reduce((sum, resource) => sum + bytes(resource), 0)
  );
}

/** Groups entries into PutEvents requests: at most 10 entries and 256 KB each, order kept. */
export function batchEntries<T extends PutEventsRequestEntry>(entries: readonly T[]): T[][] {
  // Each entry is measured once, for the limit on one event and for the batches.
  const sized = entries.map((entry) => ({ entry, size: entrySize(entry) }));
  for (const { size } of sized) {
    if (size > PUT_EVENTS_MAX_BYTES) {
      throw new EventPublishError(
        `An event of ${size} bytes is over EventBridge's ${PUT_EVENTS_MAX_BYTES}-byte limit.`,
      );
    }
  }
  return batchBySize(sized, {
    maxItems: PUT_EVENTS_MAX_ENTRIES,
    maxBytes: PUT_EVENTS_MAX_BYTES,
    sizeOf: ({ size }) => size,
  }).map((batch) => batch.map(({ entry }) => entry));
}

/** The region of a bus given by ARN (`arn:aws:events:<region>:<account>:event-bus/<name>`), else `bus.region`. */
export function busRegion(bus: EventBus): string {
  return bus.busName?.startsWith('arn:') ? (parseArn(bus.busName)?.region ?? bus.region) : bus.region;
}

function toEntries(events: readonly ScanEvent[], busName = 'default'): PutEventsRequestEntry[] {
  return events.map((event) => ({
    EventBusName: busName,
    Source: event.source,
    DetailType: event.detailType,
    Detail: JSON.stringify(event.detail),
    Resources: event.resources,
    Time: event.time,
  }));
}

interface Failure {
  entry: PutEventsRequestEntry;
  code: string;
  message: string;
}

const label = (entry: PutEventsRequestEntry): string => {
  try {
    const detail = JSON.parse(entry.Detail ?? '{}') as { findingId?: string; scanId?: string };
    return `${entry.DetailType} ${detail.findingId ?? detail.scanId ?? ''}`.trim();
  } catch {
    return entry.DetailType ?? 'event';
  }
};

/**
 * Puts a run's events on the bus: batches of at most 10 entries and 256 KB, a few calls in flight. PutEvents is not
 * atomic: entries it reports failed (`FailedEntryCount`, an `ErrorCode` per entry) are sent again when the code is
 * retryable (throttling, internal failure), with full-jitter exponential back-off; a whole call that is throttled
 * is retried the same way. Nothing is dropped silently: whatever is still failing at the end, or fails with a
 * non-retryable code, raises `EventPublishError` naming the events.
 *
 * @example
 * await putScanEvents(clients, { region: 'eu-west-1' }, scanEvents({ report, lifecycle, transitions }));
 */
export async function putScanEvents(
  clients: AwsClients,
  bus: EventBus,
  events: readonly ScanEvent[],
  options: PutScanEventsOptions = {},
): Promise<PutScanEventsResult> {
  const maxAttempts = options.maxAttempts ?? 5;
  const baseDelayMs = options.baseDelayMs ?? 200;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const busName = bus.busName ?? 'default';
  const client = clients.get(EventBridgeClient, busRegion(bus));
  const result: PutScanEventsResult = { put: 0, requests: 0, retried: 0 };
  const failures: Failure[] = [];

  const sendBatch = async (batch: PutEventsRequestEntry[]): Promise<void> => {
    let pending = batch;
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      let retry: PutEventsRequestEntry[] = [];
      let lastFailures: Failure[] = [];
      try {
        result.requests += 1;
        const output = await client.send(new PutEventsCommand({ Entries: pending }));
        const answers = output.Entries ?? [];
        pending.forEach((entry, index) => {
          const answer = answers[index];
          if (answer?.EventId && !answer.ErrorCode) {
            result.put += 1;
            return;
          }
          const failure = {
            entry,
            code: answer?.ErrorCode ?? 'NoEventId',
            message: answer?.ErrorMessage ?? 'EventBridge returned no event id for this entry',
          };
          if (RETRYABLE_ENTRY_CODES.has(failure.code) || failure.code === 'NoEventId') {
            retry.push(entry);
            lastFailures.push(failure);
          } else failures.push(failure);
        });
      } catch (error) {
        if (!isThrottlingError(error)) {
          throw new EventPublishError(
            `Could not put ${pending.length} event(s) on EventBridge bus ${busName}: ${describeAwsErrorText(error)}`,
            { cause: error },
          );
        }
        retry = pending;
        lastFailures = pending.map((entry) => ({
          entry,
          code: 'ThrottlingException',
          message: describeAwsErrorText(error),
        }));
      }
      if (retry.length === 0) return;
      if (attempt >= maxAttempts) {
        failures.push(...lastFailures);
        return;
      }
      result.retried += retry.length;
      await sleep(Math.floor(fullJitterDelay(baseDelayMs, attempt, random)));
      pending = retry;
    }
  };

  const batches = batchEntries(toEntries(events, busName));
  let next = 0;
  let stopped = false;
  const worker = async () => {
    while (!stopped && next < batches.length) {
      const batch = batches[next];
      next += 1;
      try {
        if (batch) await sendBatch(batch);
      } catch (error) {
        // The other workers send no further batch once one call failed for good.
        stopped = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, batches.length) }, worker));

  if (failures.length > 0) {
    const shown = failures
      .slice(0, 5)
      .map((f) => `${label(f.entry)} (${f.code}: ${f.message})`)
      .join('; ');
    throw new EventPublishError(
      `EventBridge bus ${busName} did not accept ${failures.length} of ${events.length} event(s) after up to ${maxAttempts} attempt(s): ${shown}${failures.length > 5 ? `; and ${failures.length - 5} more` : ''}`,
    );
  }
  return result;
}

import { createHash } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type ThrottleDomainRule,
  type ThrottleRuleOverrides,
  throttleDomain,
  throttleRule,
} from '../../lambdas/core/aws/rate-limits.js';
import { FIDELITY_SHIMS, type Upstream, type UpstreamAnswer } from './aws-fidelity.js';
import { type ClassifiedRequest, classifyRequest, countItems } from './classify.js';
import { type ErrorKind, wireError } from './errors.js';

/** Operations are named like srm-scan's API call counter: `s3:GetBucketPolicy`, `rds:DescribeDBSnapshots`. */
export interface AccessDeniedRule {
  operation: string;
  /** Only for calls signed with credentials of this account (the default credentials are `defaultAccountId`'s). */
  accountId?: string;
  /** Only for an `sts:AssumeRole` of this role. */
  roleArn?: string;
}

export interface ProxyFaults {
  accessDenied?: readonly AccessDeniedRule[];
  /** Answer these operations with a 5xx (InternalError / InternalFailure); `times` limits how often (default always). */
  serverErrors?: readonly { operation: string; times?: number }[];
  /** Delay these operations' answers. */
  slow?: readonly { operation: string; delayMs: number }[];
  /**
   * Answer this share (0–100) of all calls with the service's throttling error, chosen by a seeded hash (same
   * sequence of calls → same choices). An operation is never throttled more than `maxConsecutiveThrottles` times in a
   * row, nor is one call (one SDK invocation id, across its retries), so a client that retries throttling always gets
   * through.
   */
  throttlePercent?: number;
  maxConsecutiveThrottles?: number;
  seed?: number;
}

export interface AwsProxyOptions {
  /** Where to forward the calls (moto's endpoint, or a fake server). */
  upstream: string;
  /**
   * AWS's token buckets per throttle domain (the same table as the scanner's: `lambdas/core/aws/rate-limits.ts`),
   * per account; overrides per service, or `false` for no bucket throttling.
   */
  buckets?: ThrottleRuleOverrides | false;
  latency?: { perCallMs?: number; perItemMs?: number };
  faults?: ProxyFaults;
  /**
   * Answer as AWS does where the emulator is known to differ (`aws-fidelity.ts`): the scanner then takes its AWS path
   * and makes the calls it would make on AWS. Default false.
   */
  awsFidelity?: boolean;
  /** Keep every answer in this recording (after the fidelity shims), for a later replay. */
  record?: Recording;
  /**
   * Answer from this recording instead of the upstream: the same scan again, without the emulator's own time, so
   * its wall time is the scanner's under the injected latency and token buckets alone.
   */
  replay?: Recording;
  /** Account of credentials the proxy has not seen issued by AssumeRole. Default moto's, 123456789012. */
  defaultAccountId?: string;
}

export interface OperationStats {
  calls: number;
  throttled: number;
  denied: number;
  serverErrors: number;
}

export interface ProxyStats {
  byOperation: Record<string, OperationStats>;
  totals: OperationStats & { forwarded: number };
  /** Throttles by cause: an empty token bucket, or the `throttlePercent` fault. */
  throttledBy: { bucket: number; fault: number };
  /** Calls (SDK invocations) whose last answer was a throttle: a client gave up. Should be 0. */
  unrecovered: string[];
  /** Throttled calls that were later answered. */
  recovered: number;
  /**
   * Wall time during which at least one call was at the upstream (the emulator): how long the emulator itself kept
   * the scan waiting. The rest of a scan's wall time is the scanner, the injected latency and throttle back-off.
   */
  upstreamBusyMs: number;
}

export interface AwsProxy {
  endpoint: string;
  stats(): ProxyStats;
  resetStats(): void;
  setFaults(faults: ProxyFaults): void;
  stop(): Promise<void>;
}

interface Bucket {
  rule: ThrottleDomainRule;
  tokens: number;
  at: number;
}

/**
 * The answers a proxy gave, by request, in order: replaying a scan gives each request its recorded answers in the
 * same order (a polled call such as GenerateCredentialReport sees its sequence again), the last one repeated.
 */
export class Recording {
  readonly #answers = new Map<string, UpstreamAnswer[]>();
  readonly #replayed = new Map<string, number>();
  /** Requests a replay found no answer for (answered with HTTP 502). */
  misses = 0;

  add(key: string, answer: UpstreamAnswer): void {
    const list = this.#answers.get(key) ?? [];
    list.push(answer);
    this.#answers.set(key, list);
  }

  next(key: string): UpstreamAnswer {
    const list = this.#answers.get(key);
    if (!list || list.length === 0) {
      this.misses += 1;
      return { status: 502, headers: { 'content-type': 'text/plain' }, body: Buffer.from(`not recorded: ${key}`) };
    }
    const index = this.#replayed.get(key) ?? 0;
    this.#replayed.set(key, index + 1);
    return list[Math.min(index, list.length - 1)] as UpstreamAnswer;
  }
}

/** What identifies a request across two runs of the same scan: no signature, date or invocation id. */
function recordingKey(
  call: ClassifiedRequest,
  accountId: string,
  request: { method: string; path: string; body: string },
  headers: IncomingMessage['headers'],
): string {
  return [
    accountId,
    call.region,
    call.service,
    request.method,
    request.path,
    headers['x-amz-target'] ?? '',
    request.body,
  ].join('\n');
}

/** A uniform number in [0, 1) from the seed and a key: deterministic for the same sequence of calls. */
function seeded(seed: number, key: string): number {
  return createHash('sha256').update(`${seed}:${key}`).digest().readUInt32BE(0) / 2 ** 32;
}

const emptyStats = (): OperationStats => ({ calls: 0, throttled: 0, denied: 0, serverErrors: 0 });

/**
 * A loopback proxy in front of moto that behaves like AWS's front end under load: token buckets per throttle domain,
 * each service's throttling error in its own wire format, latency per call and per returned item, and faults on
 * demand (AccessDenied, 5xx, slow answers, a deterministic share of throttles). moto itself never throttles. Calls
 * are identified by their SigV4 credential scope and `X-Amz-Target`, `Action=` or REST path (`classify.ts`); errors
 * are written in each protocol's wire format (`errors.ts`).
 *
 * @example
 * const proxy = await startAwsProxy({ upstream: moto.endpoint, faults: { throttlePercent: 30, seed: 1 } });
 * const clients = new AwsClients(new ApiCallCounter(), { endpoint: proxy.endpoint });
 */
export async function startAwsProxy(options: AwsProxyOptions): Promise<AwsProxy> {
  const upstream = new URL(options.upstream);
  const defaultAccountId = options.defaultAccountId ?? '123456789012';
  let faults: ProxyFaults = options.faults ?? {};
  const buckets = new Map<string, Bucket>();
  const accountOfKey = new Map<string, string>();
  let byOperation = new Map<string, OperationStats>();
  let throttledBy = { bucket: 0, fault: 0 };
  let forwarded = 0;
  /** Calls at the upstream now, when the current busy stretch began, and the busy time so far. */
  let inFlight = 0;
  let busySince = 0;
  let busyMs = 0;
  /** Per operation: answers so far (for the seeded choice) and throttles in a row. */
  let sequence = new Map<string, { n: number; consecutive: number }>();
  /** Per SDK invocation: throttled attempts in a row, and whether its last answer was a throttle. */
  let invocations = new Map<string, { operation: string; consecutive: number; throttledOnce: boolean }>();
  const serverErrorsSent = new Map<string, number>();

  const statsOf = (operation: string): OperationStats => {
    let stats = byOperation.get(operation);
    if (!stats) {
      stats = emptyStats();
      byOperation.set(operation, stats);
    }
    return stats;
  };

  const bucketAllows = (call: ClassifiedRequest, accountId: string): boolean => {
    if (options.buckets === false) return true;
    const overrides = options.buckets ?? {};
    const key = `${accountId}/${throttleDomain(call.service, call.region, call.operation, overrides)}`;
    const now = performance.now();
    let bucket = buckets.get(key);
    if (!bucket) {
      const rule = throttleRule(call.service, overrides, call.operation);
      bucket = { rule, tokens: rule.burst, at: now };
      buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(bucket.rule.burst, bucket.tokens + ((now - bucket.at) / 1000) * bucket.rule.ratePerSecond);
    bucket.at = now;
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  };

  const faultThrottles = (operation: string, call: ClassifiedRequest): boolean => {
    const percent = faults.throttlePercent ?? 0;
    if (percent <= 0) return false;
    const k = faults.maxConsecutiveThrottles ?? 3;
    const state = sequence.get(operation) ?? { n: 0, consecutive: 0 };
    sequence.set(operation, state);
    state.n += 1;
    const invocation = call.invocationId ? invocations.get(call.invocationId) : undefined;
    const chosen = seeded(faults.seed ?? 0, `${operation}#${state.n}`) * 100 < percent;
    const throttle = chosen && state.consecutive < k && (invocation?.consecutive ?? 0) < k;
    state.consecutive = throttle ? state.consecutive + 1 : 0;
    return throttle;
  };

  const denied = (operation: string, accountId: string, body: string): boolean =>
    (faults.accessDenied ?? []).some(
      (rule) =>
        rule.operation === operation &&
        (!rule.accountId || rule.accountId === accountId) &&
        (!rule.roleArn || new URLSearchParams(body).get('RoleArn') === rule.roleArn),
    );

  const serverError = (operation: string): boolean => {
    const rule = (faults.serverErrors ?? []).find((r) => r.operation === operation);
    if (!rule) return false;
    const sent = serverErrorsSent.get(operation) ?? 0;
    if (rule.times !== undefined && sent >= rule.times) return false;
    serverErrorsSent.set(operation, sent + 1);
    return true;
  };

  const track = (call: ClassifiedRequest, operation: string, throttled: boolean): void => {
    if (!call.invocationId) return;
    const state = invocations.get(call.invocationId) ?? { operation, consecutive: 0, throttledOnce: false };
    invocations.set(call.invocationId, state);
    state.consecutive = throttled ? state.consecutive + 1 : 0;
    state.throttledOnce ||= throttled;
  };

  const answerError = (res: ServerResponse, kind: ErrorKind, call: ClassifiedRequest): void => {
    const error = wireError(kind, call);
    res.writeHead(error.status, { ...error.headers, 'content-length': Buffer.byteLength(error.body) });
    res.end(error.body);
  };

  const sleep = (ms: number) => (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve());

  /** Sends one request to the upstream, counting the time the upstream is busy. */
  const forward = async (
    method: string,
    path: string,
    requestHeaders: IncomingMessage['headers'],
    payload: Buffer | string,
  ): Promise<UpstreamAnswer> => {
    const headers = { ...requestHeaders, host: upstream.host };
    if (inFlight === 0) busySince = performance.now();
    inFlight += 1;
    try {
      return await new Promise<UpstreamAnswer>((resolve, reject) => {
        const sent = httpRequest(
          { host: upstream.hostname, port: upstream.port, method, path, headers },
          (upstreamRes) => {
            const parts: Buffer[] = [];
            upstreamRes.on('data', (part: Buffer) => parts.push(part));
            upstreamRes.on('end', () =>
              resolve({
                status: upstreamRes.statusCode ?? 502,
                headers: upstreamRes.headers,
                body: Buffer.concat(parts),
              }),
            );
            upstreamRes.on('error', reject);
          },
        );
        sent.on('error', reject);
        sent.end(payload);
      });
    } finally {
      inFlight -= 1;
      if (inFlight === 0) busyMs += performance.now() - busySince;
      forwarded += 1;
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const body = raw.toString('utf8');
    const call = classifyRequest({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body });
    const operation = `${call.service}:${call.operation}`;
    const accountId = (call.accessKeyId && accountOfKey.get(call.accessKeyId)) ?? defaultAccountId;
    const stats = statsOf(operation);
    stats.calls += 1;
    await sleep(options.latency?.perCallMs ?? 0);

    if (denied(operation, accountId, body)) {
      stats.denied += 1;
      track(call, operation, false);
      return answerError(res, 'accessDenied', call);
    }
    const byBucket = !bucketAllows(call, accountId);
    if (byBucket || faultThrottles(operation, call)) {
      stats.throttled += 1;
      if (byBucket) throttledBy.bucket += 1;
      else throttledBy.fault += 1;
      track(call, operation, true);
      return answerError(res, 'throttle', call);
    }
    if (serverError(operation)) {
      stats.serverErrors += 1;
      track(call, operation, false);
      return answerError(res, 'serverError', call);
    }
    track(call, operation, false);
    await sleep(faults.slow?.find((s) => s.operation === operation)?.delayMs ?? 0);

    const request = { method: req.method ?? 'GET', path: req.url ?? '/', body };
    const toUpstream: Upstream = (r) =>
      forward(
        r.method,
        r.path,
        { ...req.headers, 'content-length': String(Buffer.byteLength(r.body ?? '')) },
        r.body ?? '',
      );
    const key = recordingKey(call, accountId, request, req.headers);
    const shim = options.awsFidelity ? FIDELITY_SHIMS.find((s) => s.applies(call, request)) : undefined;
    const answer = options.replay
      ? options.replay.next(key)
      : shim
        ? await shim.answer(request, toUpstream)
        : await forward(request.method, request.path, req.headers, raw);
    options.record?.add(key, answer);
    const text = answer.body.toString('utf8');
    if (operation === 'sts:AssumeRole' && answer.status === 200) {
      // Remember whose credentials these are, for AccessDenied rules scoped to an account.
      const key = /<AccessKeyId>([^<]+)<\/AccessKeyId>/.exec(text)?.[1];
      const account = /<Arn>arn:[^:]+:sts::(\d{12}):assumed-role/.exec(text)?.[1];
      if (key && account) accountOfKey.set(key, account);
    }
    const perItem = options.latency?.perItemMs ?? 0;
    if (perItem > 0) await sleep(perItem * countItems(text));
    const { 'transfer-encoding': _chunked, connection: _connection, ...rest } = answer.headers;
    // A replayed answer is dated now, as AWS dates its answers: the SDK reads `Date` to correct clock skew, and an
    // answer recorded more than five minutes earlier makes it retry every error answer (three attempts each).
    const dated = options.replay ? { ...rest, date: new Date().toUTCString() } : rest;
    res.writeHead(answer.status, { ...dated, 'content-length': answer.body.length });
    res.end(answer.body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`proxy error: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    stats() {
      const totals = { ...emptyStats(), forwarded };
      for (const s of byOperation.values()) {
        totals.calls += s.calls;
        totals.throttled += s.throttled;
        totals.denied += s.denied;
        totals.serverErrors += s.serverErrors;
      }
      const states = [...invocations.values()];
      return {
        byOperation: Object.fromEntries([...byOperation.entries()].sort(([a], [b]) => a.localeCompare(b))),
        totals,
        throttledBy: { ...throttledBy },
        unrecovered: states.filter((s) => s.consecutive > 0).map((s) => s.operation),
        recovered: states.filter((s) => s.throttledOnce && s.consecutive === 0).length,
        upstreamBusyMs: busyMs + (inFlight > 0 ? performance.now() - busySince : 0),
      };
    },
    resetStats() {
      byOperation = new Map();
      throttledBy = { bucket: 0, fault: 0 };
      forwarded = 0;
      busyMs = 0;
      sequence = new Map();
      invocations = new Map();
      serverErrorsSent.clear();
    },
    setFaults(next) {
      faults = next;
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

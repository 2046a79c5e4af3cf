/**
 * A minimal loopback proxy that delays every AWS call the way AWS's own latency would, in front of the emulator.
 * Stand-in until the throttling proxy of `test/proxy/aws-proxy.ts` lands: `startBenchProxy` in `large-account.ts`
 * is the only place that picks one, so swapping it is a one-line change. It neither throttles nor inspects requests.
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LatencyModel {
  /** Added to every call: a round trip to an AWS endpoint in the same region, plus AWS's own processing. */
  perCallMs: number;
  /** Added per KiB of response body: large pages take longer to build and to transfer. */
  perKibMs: number;
}

/**
 * Rough latency of AWS control-plane APIs called from a Lambda function in the same region: tens of milliseconds per
 * call, growing with the page (a DescribeInstances page of 1,000 instances takes one to two seconds).
 */
export const AWS_LATENCY: LatencyModel = { perCallMs: 40, perKibMs: 0.5 };

export interface RunningProxy {
  endpoint: string;
  stats(): { calls: number; throttled: number; delayedMs: number };
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Forwards every request to `target` (loopback only) and answers after the modelled latency. */
export async function startLatencyProxy(options: { target: string; latency: LatencyModel }): Promise<RunningProxy> {
  const target = new URL(options.target);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)) {
    throw new Error(`The latency proxy only forwards to loopback, not to ${target.hostname}.`);
  }
  let calls = 0;
  let delayedMs = 0;
  const server: Server = createServer((incoming, outgoing) => {
    calls += 1;
    const started = performance.now();
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', async () => {
          const body = Buffer.concat(chunks);
          const wanted = options.latency.perCallMs + (body.length / 1024) * options.latency.perKibMs;
          const wait = Math.max(0, wanted - (performance.now() - started));
          delayedMs += wait;
          await sleep(wait);
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          outgoing.end(body);
        });
      },
    );
    upstream.on('error', (error) => {
      outgoing.writeHead(502, { 'content-type': 'text/plain' });
      outgoing.end(`latency proxy: ${error.message}`);
    });
    incoming.pipe(upstream);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stats: () => ({ calls, throttled: 0, delayedMs }),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

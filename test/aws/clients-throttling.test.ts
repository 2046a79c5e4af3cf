import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiCallCounter } from '../../lambdas/core/aws/api-calls.js';
import { AwsClients } from '../../lambdas/core/aws/clients.js';

const LIST_BUCKETS = '<ListAllMyBucketsResult><Buckets></Buckets></ListAllMyBucketsResult>';
const SLOW_DOWN = '<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>';

let server: Server | undefined;

/** A fake S3 that answers after `delayMs`, throttling the first `throttles` requests; tracks open sockets. */
async function fakeS3(options: { delayMs?: number; throttles?: number }) {
  const seen = { requests: 0, openSockets: 0, mostOpenSockets: 0 };
  let throttles = options.throttles ?? 0;
  server = createServer((_request, response) => {
    seen.requests += 1;
    setTimeout(() => {
      if (throttles > 0) {
        throttles -= 1;
        response.writeHead(503, { 'content-type': 'application/xml' });
        response.end(SLOW_DOWN);
        return;
      }
      response.writeHead(200, { 'content-type': 'application/xml' });
      response.end(LIST_BUCKETS);
    }, options.delayMs ?? 0);
  });
  server.on('connection', (socket) => {
    seen.openSockets += 1;
    seen.mostOpenSockets = Math.max(seen.mostOpenSockets, seen.openSockets);
    socket.on('close', () => {
      seen.openSockets -= 1;
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

afterEach(async () => {
  const running = server;
  server = undefined;
  if (!running) return;
  running.closeAllConnections();
  await new Promise((resolve) => running.close(resolve));
});

describe('AwsClients: throttling and sockets', () => {
  it('bounds the sockets of all its clients together by maxSockets', async () => {
    // Prepare
    const { endpoint, seen } = await fakeS3({ delayMs: 20 });
    const clients = new AwsClients(new ApiCallCounter(), { endpoint, maxSockets: 3, rateLimits: false });
    const regions = ['us-east-1', 'eu-west-1', 'ap-southeast-1'];

    // Act
    await Promise.all(
      regions.flatMap((region) =>
        Array.from({ length: 6 }, () => clients.get(S3Client, region).send(new ListBucketsCommand({}))),
      ),
    );
    clients.destroy();

    // Assess
    expect(seen.requests).toBe(18);
    expect(seen.mostOpenSockets).toBeLessThanOrEqual(3);
  });

  it('retries throttled calls, and the rate limiter sees every throttle of the domain', async () => {
    // Prepare
    const { endpoint, seen } = await fakeS3({ throttles: 4 });
    const clients = new AwsClients(new ApiCallCounter(), { endpoint, throttleRetry: { baseDelayMs: 1 } });

    // Act
    const answer = await clients.get(S3Client, 'eu-west-1').send(new ListBucketsCommand({}));
    const stats = clients.rateLimiter?.stats();
    clients.destroy();

    // Assess
    expect(answer.Buckets).toEqual([]);
    expect(answer.$metadata.attempts).toBe(5);
    expect(seen.requests).toBe(5);
    // S3 is paced per API and region (lambdas/core/aws/rate-limits.ts).
    const domain = stats?.['s3:eu-west-1:ListBuckets'];
    expect(domain).toMatchObject({ calls: 5, throttles: 4 });
    expect(domain?.ratePerSecond).toBeLessThan(domain?.configuredRatePerSecond ?? 0);
  });

  it('turns the rate limiter off when asked (seeding an emulator)', () => {
    // Act
    const clients = new AwsClients(new ApiCallCounter(), { rateLimits: false });

    // Assess
    expect(clients.rateLimiter).toBeUndefined();
  });
});

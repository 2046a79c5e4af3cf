import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningProxy, startLatencyProxy } from '../bench/latency-proxy.js';

describe('Function: startLatencyProxy', () => {
  let target: Server;
  let proxy: RunningProxy;

  beforeAll(async () => {
    target = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      request.on('end', () => {
        response.writeHead(201, { 'x-echo-method': request.method ?? '' });
        response.end(`${request.url} ${body}`);
      });
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    const { port } = target.address() as AddressInfo;
    proxy = await startLatencyProxy({ target: `http://127.0.0.1:${port}`, latency: { perCallMs: 1, perKibMs: 0 } });
  });

  afterAll(async () => {
    await proxy?.stop();
    await new Promise<void>((resolve) => target.close(() => resolve()));
  });

  it('forwards method, path, body, status and headers unchanged and counts the call', async () => {
    // Act
    const response = await fetch(`${proxy.endpoint}/path?Action=DescribeVpcs`, { method: 'POST', body: 'a=1' });

    // Assess
    expect(response.status).toBe(201);
    expect(response.headers.get('x-echo-method')).toBe('POST');
    expect(await response.text()).toBe('/path?Action=DescribeVpcs a=1');
    expect(proxy.stats()).toMatchObject({ calls: 1, throttled: 0 });
  });

  it('refuses a target outside loopback', async () => {
    // Act
    const started = startLatencyProxy({ target: 'http://example.com', latency: { perCallMs: 0, perKibMs: 0 } });

    // Assess
    await expect(started).rejects.toThrow(/only forwards to loopback/);
  });
});

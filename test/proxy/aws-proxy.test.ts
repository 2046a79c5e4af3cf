import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudFrontClient, ListDistributionsCommand } from '@aws-sdk/client-cloudfront';
import { DescribeVolumesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { EKSClient, ListClustersCommand } from '@aws-sdk/client-eks';
import { IAMClient, ListUsersCommand } from '@aws-sdk/client-iam';
import { KMSClient, ListKeysCommand } from '@aws-sdk/client-kms';
import { GetPolicyCommand, LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { DescribeDBSnapshotsCommand, RDSClient } from '@aws-sdk/client-rds';
import { GetBucketPolicyCommand, S3Client } from '@aws-sdk/client-s3';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { isThrottlingError as sdkIsThrottling } from '@smithy/core/retry';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiCallCounter } from '../../lambdas/core/aws/api-calls.js';
import { AwsClients, isAwsError } from '../../lambdas/core/aws/clients.js';
import { isThrottlingError } from '../../lambdas/core/aws/rate-limits.js';
import { type AwsProxy, Recording, startAwsProxy } from './aws-proxy.js';

/** Minimal valid answers, by operation, from a fake upstream (moto is not needed to test the proxy's own answers). */
function upstreamBody(url: string, body: string): { type: string; body: string } {
  const action = new URLSearchParams(body).get('Action');
  if (action === 'ListUsers') {
    return {
      type: 'text/xml',
      body: '<ListUsersResponse><ListUsersResult><Users/><IsTruncated>false</IsTruncated></ListUsersResult></ListUsersResponse>',
    };
  }
  if (action === 'AssumeRole') {
    const roleArn = new URLSearchParams(body).get('RoleArn') ?? '';
    const account = /::(\d{12}):/.exec(roleArn)?.[1] ?? '000000000000';
    return {
      type: 'text/xml',
      body: `<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIA${account}</AccessKeyId><SecretAccessKey>secret</SecretAccessKey><SessionToken>token</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser><AssumedRoleId>AROA:s</AssumedRoleId><Arn>arn:aws:sts::${account}:assumed-role/Reader/s</Arn></AssumedRoleUser></AssumeRoleResult></AssumeRoleResponse>`,
    };
  }
  if (action === 'DescribeVolumes') {
    return { type: 'text/xml', body: '<DescribeVolumesResponse><volumeSet/></DescribeVolumesResponse>' };
  }
  if (url.startsWith('/2015-03-31/functions')) return { type: 'application/json', body: '{"Functions":[]}' };
  return { type: 'application/json', body: '{}' };
}

let upstream: Server;
let upstreamEndpoint: string;
let proxy: AwsProxy | undefined;

beforeAll(async () => {
  upstream = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const answer = upstreamBody(req.url ?? '/', Buffer.concat(chunks).toString());
      res.writeHead(200, { 'content-type': answer.type });
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamEndpoint = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await proxy?.stop();
  proxy = undefined;
});

afterAll(async () => {
  await new Promise((resolve) => upstream.close(resolve));
});

/** SDK clients without retries, so the proxy's first answer is what the test sees. */
const raw = <C>(ctor: new (config: Record<string, unknown>) => C, endpoint: string, extra = {}): C =>
  new ctor({ endpoint, region: 'eu-west-1', maxAttempts: 1, ...extra });

async function rejection(promise: Promise<unknown>): Promise<Record<string, unknown> & Error> {
  try {
    await promise;
  } catch (error) {
    return error as Record<string, unknown> & Error;
  }
  throw new Error('the call succeeded');
}

const status = (error: Record<string, unknown>) => (error.$metadata as { httpStatusCode?: number }).httpStatusCode;

describe('startAwsProxy: throttling errors in each protocol', () => {
  const cases: [string, (endpoint: string) => Promise<unknown>, string, number][] = [
    ['EC2 (ec2 query)', (e) => raw(EC2Client, e).send(new DescribeVolumesCommand({})), 'RequestLimitExceeded', 503],
    ['IAM (query)', (e) => raw(IAMClient, e).send(new ListUsersCommand({})), 'Throttling', 400],
    ['RDS (query)', (e) => raw(RDSClient, e).send(new DescribeDBSnapshotsCommand({})), 'Throttling', 400],
    [
      'S3 (rest-xml)',
      (e) => raw(S3Client, e, { forcePathStyle: true }).send(new GetBucketPolicyCommand({ Bucket: 'b' })),
      'SlowDown',
      503,
    ],
    ['KMS (json)', (e) => raw(KMSClient, e).send(new ListKeysCommand({})), 'ThrottlingException', 400],
    [
      'Lambda (rest-json)',
      (e) => raw(LambdaClient, e).send(new ListFunctionsCommand({})),
      'TooManyRequestsException',
      429,
    ],
    ['EKS (rest-json)', (e) => raw(EKSClient, e).send(new ListClustersCommand({})), 'ThrottlingException', 429],
    [
      'CloudFront (rest-xml)',
      (e) => raw(CloudFrontClient, e).send(new ListDistributionsCommand({})),
      'Throttling',
      400,
    ],
  ];

  it.each(cases)(
    'answers %s with its throttling error, which the SDK classifies as throttling',
    async (_, call, code, http) => {
      // Prepare
      proxy = await startAwsProxy({
        upstream: upstreamEndpoint,
        faults: { throttlePercent: 100, maxConsecutiveThrottles: 100 },
      });

      // Act
      const error = await rejection(call(proxy.endpoint));

      // Assess
      expect(isAwsError(error, code), `${error.name} ${String(error.Code)}`).toBe(true);
      expect(status(error)).toBe(http);
      expect(isThrottlingError(error)).toBe(true);
      expect(sdkIsThrottling(error as Parameters<typeof sdkIsThrottling>[0])).toBe(true);
    },
  );
});

describe('startAwsProxy: AccessDenied', () => {
  it.each([
    ['s3:GetBucketPolicy', 'AccessDenied', 403],
    ['rds:DescribeDBSnapshots', 'AccessDenied', 403],
    ['lambda:GetPolicy', 'AccessDeniedException', 403],
    ['ec2:DescribeVolumes', 'UnauthorizedOperation', 403],
    ['kms:ListKeys', 'AccessDeniedException', 400],
  ] as const)('denies %s with %s', async (operation, code, http) => {
    // Prepare
    proxy = await startAwsProxy({ upstream: upstreamEndpoint, faults: { accessDenied: [{ operation }] } });
    const e = proxy.endpoint;
    const calls: Record<string, () => Promise<unknown>> = {
      's3:GetBucketPolicy': () =>
        raw(S3Client, e, { forcePathStyle: true }).send(new GetBucketPolicyCommand({ Bucket: 'b' })),
      'rds:DescribeDBSnapshots': () => raw(RDSClient, e).send(new DescribeDBSnapshotsCommand({})),
      'lambda:GetPolicy': () => raw(LambdaClient, e).send(new GetPolicyCommand({ FunctionName: 'f' })),
      'ec2:DescribeVolumes': () => raw(EC2Client, e).send(new DescribeVolumesCommand({})),
      'kms:ListKeys': () => raw(KMSClient, e).send(new ListKeysCommand({})),
    };

    // Act
    const error = await rejection(calls[operation]?.() ?? Promise.resolve());

    // Assess
    expect(isAwsError(error, code), `${error.name} ${String(error.Code)}`).toBe(true);
    expect(status(error)).toBe(http);
    expect(proxy.stats().byOperation[operation]?.denied).toBe(1);
  });

  it('denies an operation only to the chosen account, learnt from the credentials AssumeRole issued', async () => {
    // Prepare
    proxy = await startAwsProxy({
      upstream: upstreamEndpoint,
      faults: { accessDenied: [{ operation: 'iam:ListUsers', accountId: '222222222222' }] },
    });
    const sts = raw(STSClient, proxy.endpoint);
    const assumed = await sts.send(
      new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::222222222222:role/Reader', RoleSessionName: 's' }),
    );
    const member = raw(IAMClient, proxy.endpoint, {
      credentials: {
        accessKeyId: assumed.Credentials?.AccessKeyId ?? '',
        secretAccessKey: 'secret',
        sessionToken: 'token',
      },
    });

    // Act
    const memberError = await rejection(member.send(new ListUsersCommand({})));
    const own = await raw(IAMClient, proxy.endpoint).send(new ListUsersCommand({}));

    // Assess
    expect(isAwsError(memberError, 'AccessDenied')).toBe(true);
    expect(own.Users).toEqual([]);
  });

  it('denies AssumeRole of the chosen role only', async () => {
    // Prepare
    const denied = 'arn:aws:iam::333333333333:role/SrmScanReader';
    proxy = await startAwsProxy({
      upstream: upstreamEndpoint,
      faults: { accessDenied: [{ operation: 'sts:AssumeRole', roleArn: denied }] },
    });
    const sts = raw(STSClient, proxy.endpoint);

    // Act
    const error = await rejection(sts.send(new AssumeRoleCommand({ RoleArn: denied, RoleSessionName: 's' })));
    const other = await sts.send(
      new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::444444444444:role/SrmScanReader', RoleSessionName: 's' }),
    );

    // Assess
    expect(isAwsError(error, 'AccessDenied')).toBe(true);
    expect(other.AssumedRoleUser?.Arn).toContain('444444444444');
  });
});

describe('startAwsProxy: buckets, faults and stats', () => {
  it("empties EC2's per-API bucket after its burst, leaving another API's bucket full", async () => {
    // Prepare
    proxy = await startAwsProxy({
      upstream: upstreamEndpoint,
      buckets: { ec2: { burst: 5, ratePerSecond: 0.001 } },
    });
    const ec2 = raw(EC2Client, proxy.endpoint);

    // Act
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => ec2.send(new DescribeVolumesCommand({}))));
    const iam = await raw(IAMClient, proxy.endpoint).send(new ListUsersCommand({}));

    // Assess
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    expect(results.filter((r) => r.status === 'rejected' && isAwsError(r.reason, 'RequestLimitExceeded'))).toHaveLength(
      3,
    );
    expect(iam.Users).toEqual([]);
    expect(proxy.stats().throttledBy).toEqual({ bucket: 3, fault: 0 });
  });

  it('never throttles one operation more than k times in a row, so a retrying client always recovers', async () => {
    // Prepare
    proxy = await startAwsProxy({
      upstream: upstreamEndpoint,
      buckets: false,
      faults: { throttlePercent: 100, maxConsecutiveThrottles: 2 },
    });
    const ec2 = raw(EC2Client, proxy.endpoint);

    // Act
    const answers = [];
    for (let i = 0; i < 6; i += 1)
      answers.push(
        await ec2.send(new DescribeVolumesCommand({})).then(
          () => 'ok',
          () => 'throttled',
        ),
      );

    // Assess
    expect(answers).toEqual(['throttled', 'throttled', 'ok', 'throttled', 'throttled', 'ok']);
  });

  it('throttles a seeded share of calls; the scanner clients retry every one of them', async () => {
    // Prepare
    proxy = await startAwsProxy({
      upstream: upstreamEndpoint,
      buckets: false,
      faults: { throttlePercent: 30, seed: 7 },
    });
    // Without the rate limiter (tested on its own), whose back-off would only slow this test down.
    const clients = new AwsClients(new ApiCallCounter(), {
      endpoint: proxy.endpoint,
      throttleRetry: { baseDelayMs: 1 },
      rateLimits: false,
    });

    // Act
    const results = await Promise.allSettled(
      Array.from({ length: 150 }, () => clients.get(IAMClient, 'us-east-1').send(new ListUsersCommand({}))),
    );
    clients.destroy();
    const stats = proxy.stats();

    // Assess
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(stats.byOperation['iam:ListUsers']?.throttled).toBeGreaterThan(20);
    expect(stats.unrecovered).toEqual([]);
    expect(stats.recovered).toBeGreaterThan(0);
    expect(stats.totals.calls).toBe(150 + (stats.byOperation['iam:ListUsers']?.throttled ?? 0));
  });

  it('delays a chosen operation past a client timeout, and no other', async () => {
    // Prepare
    proxy = await startAwsProxy({
      upstream: upstreamEndpoint,
      faults: { slow: [{ operation: 'iam:ListUsers', delayMs: 1_000 }] },
    });
    const impatient = { requestHandler: new NodeHttpHandler({ requestTimeout: 200, throwOnRequestTimeout: true }) };

    // Act
    const slow = await rejection(raw(IAMClient, proxy.endpoint, impatient).send(new ListUsersCommand({})));
    const other = await raw(EC2Client, proxy.endpoint, impatient).send(new DescribeVolumesCommand({}));

    // Assess
    expect(slow.name).toBe('TimeoutError');
    expect(other.Volumes).toEqual([]);
  });

  it('answers a chosen operation with a 5xx a chosen number of times', async () => {
    // Prepare
    proxy = await startAwsProxy({
      upstream: upstreamEndpoint,
      faults: { serverErrors: [{ operation: 'iam:ListUsers', times: 1 }] },
    });
    const iam = raw(IAMClient, proxy.endpoint);

    // Act
    const first = await rejection(iam.send(new ListUsersCommand({})));
    const second = await iam.send(new ListUsersCommand({}));

    // Assess
    expect(status(first)).toBe(500);
    expect(isAwsError(first, 'InternalFailure')).toBe(true);
    expect(second.Users).toEqual([]);
  });

  it("measures the time calls spent at the upstream, which the benchmark reports as the emulator's own", async () => {
    // Prepare
    proxy = await startAwsProxy({ upstream: upstreamEndpoint, buckets: false });
    const iam = raw(IAMClient, proxy.endpoint);
    const before = proxy.stats().upstreamBusyMs;

    // Act
    await Promise.all([iam.send(new ListUsersCommand({})), iam.send(new ListUsersCommand({}))]);
    const after = proxy.stats().upstreamBusyMs;

    // Assess
    expect(before).toBe(0);
    expect(after).toBeGreaterThan(0);
  });
});

describe('startAwsProxy: replay', () => {
  it('dates a replayed answer now, so an answer recorded minutes ago is not retried as clock skew', async () => {
    // Prepare: an upstream whose answers are dated ten minutes ago, as a recording replayed ten minutes later is.
    const stale = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const body = '{"Type":"User","Message":"The resource you requested does not exist."}';
        res.writeHead(404, {
          'content-type': 'application/json',
          'x-amzn-errortype': 'ResourceNotFoundException',
          date: new Date(Date.now() - 10 * 60_000).toUTCString(),
        });
        res.end(body);
      });
    });
    await new Promise<void>((resolve) => stale.listen(0, '127.0.0.1', resolve));
    const recording = new Recording();
    const recorder = await startAwsProxy({
      upstream: `http://127.0.0.1:${(stale.address() as AddressInfo).port}`,
      buckets: false,
      record: recording,
    });
    await rejection(raw(LambdaClient, recorder.endpoint).send(new GetPolicyCommand({ FunctionName: 'f' })));
    await recorder.stop();
    await new Promise((resolve) => stale.close(resolve));
    proxy = await startAwsProxy({ upstream: upstreamEndpoint, buckets: false, replay: recording });

    // Act
    const error = await rejection(
      new LambdaClient({ endpoint: proxy.endpoint, region: 'eu-west-1' }).send(
        new GetPolicyCommand({ FunctionName: 'f' }),
      ),
    );

    // Assess
    expect(error.name).toBe('ResourceNotFoundException');
    expect(error.$metadata).toMatchObject({ attempts: 1 });
    expect(proxy.stats().totals.calls).toBe(1);
  });
});

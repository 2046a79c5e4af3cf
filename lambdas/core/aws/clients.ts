import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { MetadataBearer, MiddlewareStack } from '@smithy/types';
import type { ApiCallCounter } from './api-calls.js';

export interface AwsClientOptions {
  /** Named profile from the shared config files; otherwise the default credential chain. */
  profile?: string;
  /**
   * Endpoint override for every service (an emulator such as moto). Defaults to
   * `AWS_ENDPOINT_URL`; `AWS_ENDPOINT_URL_<SERVICE>` still wins for that service.
   */
  endpoint?: string;
  maxAttempts?: number;
  /** Sockets per client: one client exists per service and region, and Lambda allows 1,024 descriptors. */
  maxSockets?: number;
  userAgent?: string;
}

/**
 * What the factory needs of an SDK v3 client. Each client has its own input/output unions;
 * the call-counting middleware does not depend on them, hence `any` for the input type.
 */
// biome-ignore lint/suspicious/noExplicitAny: see above: the middleware is agnostic of each client's command input union.
type SdkClient = { middlewareStack: MiddlewareStack<any, MetadataBearer>; destroy(): void };

type ClientConstructor<C> = new (config: Record<string, unknown>) => C;

/** Service id as used in IAM actions, from the client class name (`S3ControlClient` → `s3`). */
const IAM_PREFIX: Record<string, string> = {
  S3ControlClient: 's3',
  CloudTrailClient: 'cloudtrail',
  DynamoDBClient: 'dynamodb',
  SNSClient: 'sns',
  SQSClient: 'sqs',
  STSClient: 'sts',
  IAMClient: 'iam',
  EC2Client: 'ec2',
  RDSClient: 'rds',
  KMSClient: 'kms',
  SSMClient: 'ssm',
  S3Client: 's3',
  LambdaClient: 'lambda',
  BackupClient: 'backup',
};

const serviceEnvSuffix = (clientName: string): string =>
  clientName
    .replace(/Client$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase();

/**
 * Builds and caches one SDK client per service and region, all sharing retry policy,
 * user agent, endpoint override and the API call counter.
 */
export class AwsClients {
  readonly #options: AwsClientOptions;
  readonly #counter: ApiCallCounter;
  readonly #cache = new Map<string, SdkClient>();

  constructor(counter: ApiCallCounter, options: AwsClientOptions = {}) {
    this.#counter = counter;
    this.#options = { ...options, endpoint: options.endpoint ?? process.env.AWS_ENDPOINT_URL };
  }

  get counter(): ApiCallCounter {
    return this.#counter;
  }

  /** True when requests go to an endpoint override rather than AWS. */
  get emulated(): boolean {
    return Boolean(this.#options.endpoint);
  }

  get<C extends SdkClient>(ctor: ClientConstructor<C>, region: string): C {
    const key = `${ctor.name}/${region}`;
    const cached = this.#cache.get(key);
    if (cached) return cached as C;
    const client = new ctor(this.#config(ctor.name, region));
    const prefix = IAM_PREFIX[ctor.name] ?? ctor.name.replace(/Client$/, '').toLowerCase();
    const counter = this.#counter;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const operation = `${prefix}:${(context.commandName ?? 'Unknown').replace(/Command$/, '')}`;
        try {
          const result = await next(args);
          counter.record(operation, result.output.$metadata.attempts);
          return result;
        } catch (error) {
          counter.record(operation, (error as { $metadata?: { attempts?: number } }).$metadata?.attempts);
          throw error;
        }
      },
      { step: 'initialize', name: 'srmScanApiCallCounter' },
    );
    this.#cache.set(key, client);
    return client;
  }

  destroy(): void {
    for (const client of this.#cache.values()) client.destroy();
    this.#cache.clear();
  }

  #config(clientName: string, region: string): Record<string, unknown> {
    const endpoint = process.env[`AWS_ENDPOINT_URL_${serviceEnvSuffix(clientName)}`] ?? this.#options.endpoint;
    const config: Record<string, unknown> = {
      region,
      maxAttempts: this.#options.maxAttempts ?? 6,
      // Adaptive mode adds client-side rate limiting once AWS starts throttling, so a scan
      // backs off instead of starving the customer's own automation of the shared token bucket.
      retryMode: 'adaptive',
      customUserAgent: this.#options.userAgent ?? 'srm-scan',
      requestHandler: new NodeHttpHandler({
        connectionTimeout: 5_000,
        requestTimeout: 60_000,
        httpsAgent: { maxSockets: this.#options.maxSockets ?? 16, keepAlive: true },
        httpAgent: { maxSockets: this.#options.maxSockets ?? 16, keepAlive: true },
      }),
    };
    if (this.#options.profile) config.profile = this.#options.profile;
    if (endpoint) {
      config.endpoint = endpoint;
      if (clientName === 'S3Client') config.forcePathStyle = true;
      if (clientName === 'S3ControlClient') {
        // S3 Control prefixes the account id to the endpoint host, which breaks an IP or
        // localhost endpoint; an emulator routes by path, so pin the URL as given.
        config.endpointProvider = () => ({ url: new URL(endpoint) });
      }
    }
    return config;
  }
}

/** The name and message of an AWS SDK error, on one line, for collection issues. */
export function describeAwsError(error: unknown): { errorCode: string; message: string } {
  if (!(error instanceof Error)) return { errorCode: 'Error', message: String(error) };
  const status =
    (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode ??
    (error as { $response?: { statusCode?: number } }).$response?.statusCode;
  // An answer the SDK cannot parse as an AWS response (an HTML error page) means the endpoint,
  // typically an emulator or a proxy, does not implement the operation.
  if (error.name === 'SyntaxError' || error.message.includes('Deserialization error')) {
    return {
      errorCode: 'UnexpectedResponse',
      message: `the endpoint answered${status ? ` HTTP ${status}` : ''} with something other than an AWS API response (is the operation implemented there?)`,
    };
  }
  const code = (error as { Code?: string }).Code ?? error.name;
  return { errorCode: code || 'Error', message: (error.message || code).replace(/\s*\n\s*/g, ' ').slice(0, 500) };
}

import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { AccessAnalyzerClient } from '@aws-sdk/client-accessanalyzer';
import { ACMClient } from '@aws-sdk/client-acm';
import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client } from '@aws-sdk/client-apigatewayv2';
import { BackupClient } from '@aws-sdk/client-backup';
import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ECRClient } from '@aws-sdk/client-ecr';
import { ECSClient } from '@aws-sdk/client-ecs';
import { EFSClient } from '@aws-sdk/client-efs';
import { EKSClient } from '@aws-sdk/client-eks';
import { ElasticLoadBalancingClient } from '@aws-sdk/client-elastic-load-balancing';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { ElastiCacheClient } from '@aws-sdk/client-elasticache';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { GuardDutyClient } from '@aws-sdk/client-guardduty';
import { IAMClient } from '@aws-sdk/client-iam';
import { KMSClient } from '@aws-sdk/client-kms';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { OpenSearchClient } from '@aws-sdk/client-opensearch';
import { RDSClient } from '@aws-sdk/client-rds';
import { ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import { S3Client } from '@aws-sdk/client-s3';
import { S3ControlClient } from '@aws-sdk/client-s3-control';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';
import { WAFV2Client } from '@aws-sdk/client-wafv2';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  FinalizeRequestMiddleware,
  MetadataBearer,
  MiddlewareStack,
} from '@smithy/types';
import { redactSecrets } from '../secrets/index.js';
import type { ApiCallCounter } from './api-calls.js';
import { ApiRateLimiter, type RateLimiterOptions } from './rate-limiter.js';
import { isThrottlingError } from './rate-limits.js';
import { ThrottleTolerantRetryStrategy } from './retry-strategy.js';

export interface AwsClientOptions {
  /** Named profile from the shared config files; otherwise the default credential chain. */
  profile?: string;
  /**
   * Fixed credentials (the demo's emulator) or a provider (a member account's assumed role); otherwise the profile
   * or the default credential chain.
   */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Region of the calls that need one before the account's regions are known. Default `AWS_REGION`, `AWS_DEFAULT_REGION`. */
  region?: string;
  /**
   * Endpoint override for every service (an emulator such as moto). Defaults to
   * `AWS_ENDPOINT_URL`; `AWS_ENDPOINT_URL_<SERVICE>` still wins for that service.
   */
  endpoint?: string;
  /** Attempts for transient errors (5xx, timeouts). Default 6. */
  maxAttempts?: number;
  /**
   * Retries of throttled calls, outside the SDK's retry quota (see `retry-strategy.ts`). Default 10 attempts, delays
   * of full-jitter exponential back-off from 250 ms.
   */
  throttleRetry?: { maxAttempts?: number; baseDelayMs?: number };
  /**
   * Sockets open at once across every client of this instance (one account): all clients share one HTTP(S) agent
   * with this `maxTotalSockets`, so the total stays bounded however many services and regions are scanned (Lambda
   * allows 1,024 descriptors). Default: the limiter's total concurrency (64).
   */
  maxSockets?: number;
  /**
   * Client-side rate limiting per AWS throttle domain (`rate-limits.ts`); `false` turns it off (seeding an emulator).
   * The scan applies the `apiRateLimits` setting to it through `rateLimiter.configure`.
   */
  rateLimits?: RateLimiterOptions | false;
  userAgent?: string;
}

/**
 * What the factory needs of an SDK v3 client. Each client has its own input/output unions;
 * the call-counting middleware does not depend on them, hence `any` for the input type.
 */
// biome-ignore lint/suspicious/noExplicitAny: see above: the middleware is agnostic of each client's command input union.
type SdkClient = { middlewareStack: MiddlewareStack<any, MetadataBearer>; destroy(): void };

type ClientConstructor<C> = new (config: Record<string, unknown>) => C;

interface ServiceNames {
  /** Prefix of the service's IAM actions, used to name counted operations. */
  iam: string;
  /** Suffix of the service-specific endpoint variable `AWS_ENDPOINT_URL_<SUFFIX>`. */
  env: string;
}

/**
 * The services srm-scan talks to, keyed by client class (not by class name, which bundlers
 * may minify). Other clients fall back to names derived from the class name.
 */
const SERVICES = new Map<unknown, ServiceNames>([
  [AccessAnalyzerClient, { iam: 'access-analyzer', env: 'ACCESSANALYZER' }],
  [ACMClient, { iam: 'acm', env: 'ACM' }],
  [APIGatewayClient, { iam: 'apigateway', env: 'API_GATEWAY' }],
  [ApiGatewayV2Client, { iam: 'apigateway', env: 'APIGATEWAYV2' }],
  [BackupClient, { iam: 'backup', env: 'BACKUP' }],
  [CloudFrontClient, { iam: 'cloudfront', env: 'CLOUDFRONT' }],
  [CloudWatchClient, { iam: 'cloudwatch', env: 'CLOUDWATCH' }],
  [CloudWatchLogsClient, { iam: 'logs', env: 'CLOUDWATCH_LOGS' }],
  [ConfigServiceClient, { iam: 'config', env: 'CONFIG_SERVICE' }],
  [ECRClient, { iam: 'ecr', env: 'ECR' }],
  [ECSClient, { iam: 'ecs', env: 'ECS' }],
  [EFSClient, { iam: 'elasticfilesystem', env: 'EFS' }],
  [EKSClient, { iam: 'eks', env: 'EKS' }],
  [ElastiCacheClient, { iam: 'elasticache', env: 'ELASTICACHE' }],
  [ElasticLoadBalancingClient, { iam: 'elasticloadbalancing', env: 'ELASTIC_LOAD_BALANCING' }],
  [ElasticLoadBalancingV2Client, { iam: 'elasticloadbalancing', env: 'ELASTIC_LOAD_BALANCING_V2' }],
  [GuardDutyClient, { iam: 'guardduty', env: 'GUARDDUTY' }],
  [OpenSearchClient, { iam: 'es', env: 'OPENSEARCH' }],
  [ResourceGroupsTaggingAPIClient, { iam: 'tag', env: 'RESOURCE_GROUPS_TAGGING_API' }],
  [SecretsManagerClient, { iam: 'secretsmanager', env: 'SECRETS_MANAGER' }],
  [SecurityHubClient, { iam: 'securityhub', env: 'SECURITYHUB' }],
  [SQSClient, { iam: 'sqs', env: 'SQS' }],
  [WAFV2Client, { iam: 'wafv2', env: 'WAFV2' }],
  [CloudTrailClient, { iam: 'cloudtrail', env: 'CLOUDTRAIL' }],
  [DynamoDBClient, { iam: 'dynamodb', env: 'DYNAMODB' }],
  [EC2Client, { iam: 'ec2', env: 'EC2' }],
  [IAMClient, { iam: 'iam', env: 'IAM' }],
  [KMSClient, { iam: 'kms', env: 'KMS' }],
  [LambdaClient, { iam: 'lambda', env: 'LAMBDA' }],
  [RDSClient, { iam: 'rds', env: 'RDS' }],
  [S3Client, { iam: 's3', env: 'S3' }],
  [S3ControlClient, { iam: 's3', env: 'S3_CONTROL' }],
  [SNSClient, { iam: 'sns', env: 'SNS' }],
  [EventBridgeClient, { iam: 'events', env: 'EVENTBRIDGE' }],
  [SSMClient, { iam: 'ssm', env: 'SSM' }],
  [STSClient, { iam: 'sts', env: 'STS' }],
]);

function serviceNames(ctor: { name: string }): ServiceNames {
  const known = SERVICES.get(ctor);
  if (known) return known;
  const base = ctor.name.replace(/Client$/, '');
  return { iam: base.toLowerCase(), env: base.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase() };
}

/**
 * Builds and caches one SDK client per service and region, all sharing retry policy,
 * user agent, endpoint override and the API call counter.
 */
export class AwsClients {
  readonly #options: AwsClientOptions;
  readonly #counter: ApiCallCounter;
  readonly #cache = new Map<unknown, Map<string, SdkClient>>();
  readonly #adopted: { destroy(): void }[] = [];
  readonly #limiter: ApiRateLimiter | undefined;
  readonly #httpAgent: HttpAgent;
  readonly #httpsAgent: HttpsAgent;

  constructor(counter: ApiCallCounter, options: AwsClientOptions = {}) {
    this.#counter = counter;
    const region = options.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
    const endpoint = options.endpoint ?? process.env.AWS_ENDPOINT_URL;
    // A member account's clients are built from the same options: each account gets its own limiter (AWS's buckets
    // are per account), never a shared instance.
    const { rateLimits, ...rest } = options;
    this.#options = { ...rest, ...(region && { region }), ...(endpoint && { endpoint }) };
    this.#limiter = rateLimits === false ? undefined : new ApiRateLimiter(rateLimits);
    const sockets = options.maxSockets ?? this.#limiter?.maxConcurrency ?? 64;
    const agentOptions = { keepAlive: true, maxSockets: sockets, maxTotalSockets: sockets, maxFreeSockets: 16 };
    this.#httpAgent = new HttpAgent(agentOptions);
    this.#httpsAgent = new HttpsAgent(agentOptions);
  }

  /** The client-side rate limiter in front of every call; undefined when turned off. */
  get rateLimiter(): ApiRateLimiter | undefined {
    return this.#limiter;
  }

  /** The region for calls made before the account's regions are known, when one is configured. */
  get defaultRegion(): string | undefined {
    return this.#options.region;
  }

  get counter(): ApiCallCounter {
    return this.#counter;
  }

  /** True when requests go to an endpoint override rather than AWS. */
  get emulated(): boolean {
    return Boolean(this.#options.endpoint);
  }

  get<C extends SdkClient>(ctor: ClientConstructor<C>, region: string): C {
    const byRegion = this.#cache.get(ctor) ?? new Map<string, SdkClient>();
    this.#cache.set(ctor, byRegion);
    const cached = byRegion.get(region);
    if (cached) return cached as C;
    const names = serviceNames(ctor);
    const client = new ctor(this.#config(ctor, names, region));
    const prefix = names.iam;
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
    const limiter = this.#limiter;
    if (limiter) {
      // Inside the retry loop, so every attempt (retries too) waits for a token of its throttle domain.
      const rateLimited: FinalizeRequestMiddleware<object, MetadataBearer> = (next, context) => async (args) => {
        const operation = (context.commandName ?? 'Unknown').replace(/Command$/, '');
        const release = await limiter.acquire(prefix, region, operation);
        try {
          return await next(args);
        } catch (error) {
          if (isThrottlingError(error)) limiter.onThrottle(prefix, region, operation);
          throw error;
        } finally {
          release();
        }
      };
      client.middlewareStack.addRelativeTo(rateLimited, {
        relation: 'after',
        toMiddleware: 'retryMiddleware',
        name: 'srmScanRateLimiter',
      });
    }
    byRegion.set(region, client);
    return client;
  }

  /** Ties a client built outside the factory (a member session's STS client) to this one's lifetime. */
  adopt(resource: { destroy(): void }): void {
    this.#adopted.push(resource);
  }

  destroy(): void {
    for (const byRegion of this.#cache.values()) for (const client of byRegion.values()) client.destroy();
    this.#cache.clear();
    for (const resource of this.#adopted.splice(0)) resource.destroy();
    this.#httpAgent.destroy();
    this.#httpsAgent.destroy();
  }

  #config(ctor: unknown, names: ServiceNames, region: string): Record<string, unknown> {
    const endpoint = process.env[`AWS_ENDPOINT_URL_${names.env}`] ?? this.#options.endpoint;
    const maxAttempts = this.#options.maxAttempts ?? 6;
    const config: Record<string, unknown> = {
      region,
      maxAttempts,
      // Pacing is the rate limiter's (per throttle domain, adaptive); the strategy retries throttled calls
      // outside the SDK's per-client quota so that a throttle never becomes a collection error.
      retryStrategy: new ThrottleTolerantRetryStrategy({
        maxAttempts,
        ...(this.#options.throttleRetry?.maxAttempts && {
          throttleMaxAttempts: this.#options.throttleRetry.maxAttempts,
        }),
        ...(this.#options.throttleRetry?.baseDelayMs !== undefined && {
          throttleBaseDelayMs: this.#options.throttleRetry.baseDelayMs,
        }),
      }),
      customUserAgent: this.#options.userAgent ?? 'srm-scan',
      // Every client shares the instance's agents, whose maxTotalSockets bounds the sockets of all of them.
      requestHandler: new NodeHttpHandler({
        connectionTimeout: 5_000,
        requestTimeout: 60_000,
        // Without it the handler only logs a warning and a hung call stalls the scan; as an error it is retried.
        throwOnRequestTimeout: true,
        httpsAgent: this.#httpsAgent,
        httpAgent: this.#httpAgent,
      }),
    };
    if (this.#options.credentials) config.credentials = this.#options.credentials;
    else if (this.#options.profile) config.profile = this.#options.profile;
    if (endpoint) {
      config.endpoint = endpoint;
      if (ctor === S3Client) config.forcePathStyle = true;
      if (ctor === S3ControlClient) {
        // S3 Control prefixes the account id to the endpoint host, which breaks an IP or
        // localhost endpoint; an emulator routes by path, so pin the URL as given.
        config.endpointProvider = () => ({ url: new URL(endpoint) });
      }
    }
    return config;
  }
}

/**
 * The error code of an SDK error, as the wire sends it: `Code` for query (IAM, EC2, RDS, STS, SNS) and REST-XML (S3)
 * services, else the exception name (JSON services such as Lambda, KMS, DynamoDB).
 */
export const awsErrorCode = (error: unknown): string | undefined =>
  (error as { Code?: string } | undefined)?.Code ?? (error instanceof Error ? error.name : undefined);

const withoutExceptionSuffix = (code: string): string => code.replace(/Exception$/, '');

/**
 * Whether an SDK error is one of `codes`. The SDK names a modelled error after its exception class
 * (`NoSuchEntityException`) while the wire code is `NoSuchEntity`; both spellings of the error, and of each wanted
 * code, are accepted so a comparison cannot pass in one protocol's tests and fail against AWS.
 *
 * @example
 * if (isAwsError(error, 'NoSuchEntity')) return null; // matches name NoSuchEntityException or Code NoSuchEntity
 */
export function isAwsError(error: unknown, ...codes: readonly string[]): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, Code } = error as { name?: unknown; Code?: unknown };
  const actual = [name, Code].filter((v): v is string => typeof v === 'string').map(withoutExceptionSuffix);
  return codes.some((code) => actual.includes(withoutExceptionSuffix(code)));
}

/** Socket-level failures: the request never reached an AWS answer. */
const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

/** Codes with which AWS rejects the credentials themselves, whatever the action. */
const CREDENTIAL_ERROR_CODES = [
  'InvalidClientTokenId',
  'ExpiredToken',
  'SignatureDoesNotMatch',
  'UnrecognizedClient',
  'InvalidAccessKeyId',
  'AuthFailure',
];

/**
 * Why a call that must succeed for the scan to start failed, as a sentence fragment that says what failed: the
 * endpoint could not be reached, no credentials were found, the credentials were rejected, or AWS's own answer.
 */
export function describeConnectionError(error: unknown): string {
  // AWS's own words can quote the request: redacted like every other output.
  return redactSecrets(connectionErrorSentence(error));
}

function connectionErrorSentence(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && CONNECTION_ERROR_CODES.has(code)) {
    return `could not reach the endpoint (${error.message}). Check the network, a proxy, or an endpoint override such as AWS_ENDPOINT_URL.`;
  }
  if (error.name === 'TimeoutError') {
    return `the endpoint did not answer in time (${error.message}). Check the network or a proxy.`;
  }
  if (error.name === 'CredentialsProviderError') {
    return `no AWS credentials were found (${error.message}): looked in the environment, the shared config and credentials files, SSO, and the container and instance roles. Set credentials or pass --profile.`;
  }
  if (isAwsError(error, ...CREDENTIAL_ERROR_CODES)) {
    return `AWS rejected the credentials (${awsErrorCode(error)}: ${error.message}). Check your credentials or --profile.`;
  }
  return `${awsErrorCode(error) ?? error.name}: ${error.message}`;
}

/**
 * The name and message of an AWS SDK error, on one line, for collection issues. The message is
 * redacted before it is cut to 500 characters: a credential the request quoted, cut in half,
 * would no longer match its pattern.
 */
export function describeAwsError(error: unknown): { errorCode: string; message: string } {
  if (!(error instanceof Error)) return { errorCode: 'Error', message: redactSecrets(String(error)) };
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
  const code = awsErrorCode(error) ?? 'Error';
  return {
    errorCode: code || 'Error',
    message: redactSecrets(error.message || code)
      .replace(/\s*\n\s*/g, ' ')
      .slice(0, 500),
  };
}

/** {@link describeAwsError} as one line of text, `Code: message`, for error messages that wrap it. */
export function describeAwsErrorText(error: unknown): string {
  const { errorCode, message } = describeAwsError(error);
  return `${errorCode}: ${message}`;
}

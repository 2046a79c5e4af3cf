import type { AwsResource } from './common.js';

/** A REST API (API Gateway v1). */
export interface RestApi extends AwsResource {
  name: string;
  /** `EDGE`, `REGIONAL` or `PRIVATE`. */
  endpointTypes: readonly string[];
}

/** A stage of a REST API. */
export interface RestApiStage extends AwsResource {
  apiId: string;
  apiName: string;
  stageName: string;
  /** Execution logging level of the `*\/*` method settings: `OFF`, `ERROR` or `INFO`; undefined when unset (off). */
  loggingLevel?: string;
  /** Logging levels of individual method settings (`resource/method` → level), besides `*\/*`. */
  methodLoggingLevels: Readonly<Record<string, string>>;
  accessLogDestinationArn?: string;
  /** The AWS WAF web ACL associated with the stage. */
  webAclArn?: string;
  /** The client certificate API Gateway presents to the backend. */
  clientCertificateId?: string;
  cacheClusterEnabled: boolean;
  /** Whether the `*\/*` method settings cache responses and encrypt that cache. */
  cachingEnabled: boolean;
  cacheDataEncrypted: boolean;
}

/** An HTTP or WebSocket API (API Gateway v2). */
export interface HttpApi extends AwsResource {
  name: string;
  /** `HTTP` or `WEBSOCKET`. */
  protocolType: string;
}

/** A stage of an HTTP or WebSocket API. */
export interface HttpApiStage extends AwsResource {
  apiId: string;
  apiName: string;
  protocolType: string;
  stageName: string;
  accessLogDestinationArn?: string;
  /** Default route logging level (WebSocket APIs): `OFF`, `ERROR` or `INFO`. */
  loggingLevel?: string;
}

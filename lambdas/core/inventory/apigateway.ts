import type { AwsResource } from './common.js';

/** A REST API (API Gateway v1). */
export interface RestApi extends AwsResource {
  name: string;
  /** `EDGE`, `REGIONAL` or `PRIVATE`. */
  endpointTypes: readonly string[];
}

export interface RestMethodSetting {
  /** Execution logging: `OFF`, `ERROR` or `INFO`. */
  loggingLevel?: string;
  cachingEnabled: boolean;
  cacheDataEncrypted: boolean;
}

/** The method path of the settings that apply to every method of a stage. */
export const ALL_METHODS = '*/*';

/** A stage of a REST API. */
export interface RestApiStage extends AwsResource {
  apiId: string;
  apiName: string;
  stageName: string;
  /**
   * Method settings by method path: `*\/*` (every method, the stage default) and per-method overrides such as
   * `orders/GET`.
   */
  methodSettings: Readonly<Record<string, RestMethodSetting>>;
  accessLogDestinationArn?: string;
  /** The AWS WAF web ACL associated with the stage. */
  webAclArn?: string;
  /** The client certificate API Gateway presents to the backend. */
  clientCertificateId?: string;
  /** Whether the stage has a cache cluster; methods then cache when their settings enable caching. */
  cacheClusterEnabled: boolean;
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

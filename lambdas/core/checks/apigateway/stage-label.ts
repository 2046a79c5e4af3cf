import type { HttpApiStage, RestApiStage } from '../../inventory/index.js';

/** `stage prod of REST API harbor-orders-api (a1b2c3)` */
export const restStageLabel = (stage: RestApiStage): string =>
  `Stage ${stage.stageName} of REST API ${stage.apiName} (${stage.apiId})`;

/** `stage prod of HTTP API harbor-web (a1b2c3)`, or of a WebSocket API. */
export const httpStageLabel = (stage: HttpApiStage): string =>
  `Stage ${stage.stageName} of ${stage.protocolType === 'WEBSOCKET' ? 'WebSocket' : 'HTTP'} API ${stage.apiName} (${stage.apiId})`;

/** Execution logging levels that record something. */
export const LOGGING_ON: ReadonlySet<string> = new Set(['ERROR', 'INFO']);

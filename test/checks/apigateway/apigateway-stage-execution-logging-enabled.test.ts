import { describe, expect, it } from 'vitest';
import { apigatewayStageExecutionLoggingEnabled } from '../../../lambdas/core/checks/apigateway/index.js';
import { httpStage, restStage } from '../../fixtures/apigateway.js';
import { inventoryWith, runCheckOn } from '../../fixtures/scan.js';

const inventory = (rest: ReturnType<typeof restStage>[], http: ReturnType<typeof httpStage>[] = []) =>
  inventoryWith({ 'apigateway.restStages': rest, 'apigateway.httpStages': http });

describe('Check: apigateway-stage-execution-logging-enabled', () => {
  it('fails a REST stage without a logging level', () => {
    // Prepare
    const stage = restStage('harbor-orders-api', 'prod', { apiId: 'a1b2c3', methodSettings: {} });

    // Act
    const [result] = runCheckOn(apigatewayStageExecutionLoggingEnabled, inventory([stage]));

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: stage,
      message: 'Stage prod of REST API harbor-orders-api (a1b2c3) has execution logging off (logging level OFF).',
    });
  });

  it('fails a REST stage that turns logging off for one method', () => {
    // Prepare
    const stage = restStage('harbor-orders-api', 'prod', {
      apiId: 'a1b2c3',
      methodSettings: {
        '*/*': { loggingLevel: 'ERROR', cachingEnabled: false, cacheDataEncrypted: false },
        'orders/GET': { loggingLevel: 'OFF', cachingEnabled: false, cacheDataEncrypted: false },
      },
    });

    // Act
    const [result] = runCheckOn(apigatewayStageExecutionLoggingEnabled, inventory([stage]));

    // Assess
    expect(result).toMatchObject({
      status: 'FAIL',
      message:
        'Stage prod of REST API harbor-orders-api (a1b2c3) logs at ERROR but turns execution logging off for orders/GET.',
    });
  });

  it('passes a REST stage at INFO and evaluates WebSocket stages but not HTTP API stages', () => {
    // Prepare
    const rest = restStage('harbor-orders-api', 'prod');
    const socket = httpStage('harbor-live', 'prod', {
      apiId: 'ws0001',
      protocolType: 'WEBSOCKET',
      loggingLevel: 'OFF',
    });
    const http = httpStage('harbor-web', 'prod');

    // Act
    const results = runCheckOn(apigatewayStageExecutionLoggingEnabled, inventory([rest], [socket, http]));

    // Assess
    expect(results.map((r) => [r.resource.id, r.status, r.message])).toEqual([
      [
        rest.id,
        'PASS',
        `Stage prod of REST API harbor-orders-api (${rest.apiId}) has execution logging at level INFO.`,
      ],
      [
        'ws0001/prod',
        'FAIL',
        'Stage prod of WebSocket API harbor-live (ws0001) has execution logging off (logging level OFF).',
      ],
    ]);
  });
});

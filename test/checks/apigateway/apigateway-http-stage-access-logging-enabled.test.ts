import { describe, expect, it } from 'vitest';
import { apigatewayHttpStageAccessLoggingEnabled } from '../../../lambdas/core/checks/apigateway/index.js';
import { httpStage } from '../../fixtures/apigateway.js';
import { inventoryWith, runCheckOn } from '../../fixtures/scan.js';

describe('Check: apigateway-http-stage-access-logging-enabled', () => {
  it('fails an HTTP API stage without access logging', () => {
    // Prepare
    const stage = httpStage('harbor-web', '$default', { apiId: 'h1h2h3', accessLogDestinationArn: undefined });

    // Act
    const [result] = runCheckOn(
      apigatewayHttpStageAccessLoggingEnabled,
      inventoryWith({ 'apigateway.httpStages': [stage] }),
    );

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: stage,
      message: 'Stage $default of HTTP API harbor-web (h1h2h3) has no access logging configured.',
    });
  });

  it('passes a WebSocket stage with access logging', () => {
    // Prepare
    const stage = httpStage('harbor-live', 'prod', { apiId: 'ws0001', protocolType: 'WEBSOCKET' });

    // Act
    const [result] = runCheckOn(
      apigatewayHttpStageAccessLoggingEnabled,
      inventoryWith({ 'apigateway.httpStages': [stage] }),
    );

    // Assess
    expect(result).toMatchObject({
      status: 'PASS',
      message: expect.stringMatching(/^Stage prod of WebSocket API harbor-live \(ws0001\) writes access logs to /),
    });
  });
});

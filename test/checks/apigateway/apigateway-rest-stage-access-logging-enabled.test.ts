import { describe, expect, it } from 'vitest';
import { apigatewayRestStageAccessLoggingEnabled } from '../../../lambdas/core/checks/apigateway/index.js';
import { restStage } from '../../fixtures/apigateway.js';
import { inventoryWith, runCheckOn } from '../../fixtures/scan.js';

describe('Check: apigateway-rest-stage-access-logging-enabled', () => {
  it('fails when the stage lacks the setting', () => {
    // Prepare
    const stage = restStage('harbor-orders-api', 'prod', {
      apiId: 'a1b2c3',
      ...{ accessLogDestinationArn: undefined },
    });

    // Act
    const [result] = runCheckOn(
      apigatewayRestStageAccessLoggingEnabled,
      inventoryWith({ 'apigateway.restStages': [stage] }),
    );

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: stage,
      message: 'Stage prod of REST API harbor-orders-api (a1b2c3) has no access logging configured.',
    });
  });

  it('passes when the stage has it', () => {
    // Prepare
    const stage = restStage('harbor-orders-api', 'prod', { apiId: 'a1b2c3' });

    // Act
    const [result] = runCheckOn(
      apigatewayRestStageAccessLoggingEnabled,
      inventoryWith({ 'apigateway.restStages': [stage] }),
    );

    // Assess
    expect(result).toMatchObject({ status: 'PASS', message: expect.stringContaining('log-group:api-access') });
  });

  it('produces no result without stages', () => {
    // Act
    const results = runCheckOn(apigatewayRestStageAccessLoggingEnabled, inventoryWith({ 'apigateway.restStages': [] }));

    // Assess
    expect(results).toEqual([]);
  });
});

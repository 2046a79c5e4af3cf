import { describe, expect, it } from 'vitest';
import { apigatewayRestStageBackendCertificate } from '../../../lambdas/core/checks/apigateway/index.js';
import { restStage } from '../../fixtures/apigateway.js';
import { inventoryWith, runCheckOn } from '../../fixtures/scan.js';

describe('Check: apigateway-rest-stage-backend-certificate', () => {
  it('fails when the stage lacks the setting', () => {
    // Prepare
    const stage = restStage('harbor-orders-api', 'prod', { apiId: 'a1b2c3', ...{ clientCertificateId: undefined } });

    // Act
    const [result] = runCheckOn(
      apigatewayRestStageBackendCertificate,
      inventoryWith({ 'apigateway.restStages': [stage] }),
    );

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: stage,
      message: 'Stage prod of REST API harbor-orders-api (a1b2c3) presents no client certificate to its backends.',
    });
  });

  it('passes when the stage has it', () => {
    // Prepare
    const stage = restStage('harbor-orders-api', 'prod', { apiId: 'a1b2c3' });

    // Act
    const [result] = runCheckOn(
      apigatewayRestStageBackendCertificate,
      inventoryWith({ 'apigateway.restStages': [stage] }),
    );

    // Assess
    expect(result).toMatchObject({ status: 'PASS', message: expect.stringContaining('client certificate x1y2z3') });
  });

  it('produces no result without stages', () => {
    // Act
    const results = runCheckOn(apigatewayRestStageBackendCertificate, inventoryWith({ 'apigateway.restStages': [] }));

    // Assess
    expect(results).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { apigatewayRestStageCacheEncrypted } from '../../../lambdas/core/checks/apigateway/index.js';
import { restStage } from '../../fixtures/apigateway.js';
import { inventoryWith, runCheckOn } from '../../fixtures/scan.js';

const setting = (cachingEnabled: boolean, cacheDataEncrypted: boolean) => ({
  loggingLevel: 'INFO',
  cachingEnabled,
  cacheDataEncrypted,
});

describe('Check: apigateway-rest-stage-cache-encrypted', () => {
  it('fails when a caching method stores its cache unencrypted', () => {
    // Prepare
    const stage = restStage('harbor-orders-api', 'prod', {
      apiId: 'a1b2c3',
      cacheClusterEnabled: true,
      methodSettings: { '*/*': setting(true, true), 'orders/GET': setting(true, false) },
    });

    // Act
    const [result] = runCheckOn(apigatewayRestStageCacheEncrypted, inventoryWith({ 'apigateway.restStages': [stage] }));

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: stage,
      message: 'Stage prod of REST API harbor-orders-api (a1b2c3) caches responses unencrypted for orders/GET.',
    });
  });

  it('passes when every caching method encrypts', () => {
    // Prepare
    const stage = restStage('harbor-orders-api', 'prod', {
      cacheClusterEnabled: true,
      methodSettings: { '*/*': setting(true, true) },
    });

    // Act
    const [result] = runCheckOn(apigatewayRestStageCacheEncrypted, inventoryWith({ 'apigateway.restStages': [stage] }));

    // Assess
    expect(result?.status).toBe('PASS');
  });

  it('produces no result without a cache cluster or caching methods', () => {
    // Prepare
    const noCluster = restStage('harbor-orders-api', 'prod', { methodSettings: { '*/*': setting(true, false) } });
    const noCaching = restStage('harbor-orders-api', 'dev', {
      cacheClusterEnabled: true,
      methodSettings: { '*/*': setting(false, false) },
    });

    // Act
    const results = runCheckOn(
      apigatewayRestStageCacheEncrypted,
      inventoryWith({ 'apigateway.restStages': [noCluster, noCaching] }),
    );

    // Assess
    expect(results).toEqual([]);
  });
});

import { defineCheck, fail, pass } from '../define-check.js';
import { restStageLabel } from './stage-label.js';

export const apigatewayRestStageCacheEncrypted = defineCheck({
  id: 'apigateway-rest-stage-cache-encrypted',
  title: 'API Gateway REST API stages encrypt their response cache',
  service: 'apigateway',
  resourceType: 'AwsApiGatewayStage',
  srmClass: 'abstracted',
  obligation: 'data-protection',
  severity: 'medium',
  requires: ['apigateway.restStages'],
  compliance: [{ framework: 'aws-fsbp', control: 'APIGateway.5' }],
  risk: 'Cached responses can hold personal or business data; an unencrypted cache keeps them in clear on disk.',
  remediation: {
    text: 'Turn on cache data encryption for every method that caches responses.',
    cli: 'aws apigateway update-stage --rest-api-id <api-id> --stage-name <stage> --patch-operations op=replace,path=/*/*/caching/dataEncrypted,value=true',
    url: 'https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html',
  },
  evaluate: ({ apigateway }) =>
    apigateway.restStages.flatMap((stage) => {
      // Methods only cache when the stage has a cache cluster; without caching methods there is nothing to encrypt.
      const caching = Object.entries(stage.methodSettings).filter(([, s]) => s.cachingEnabled);
      if (!stage.cacheClusterEnabled || caching.length === 0) return [];
      const clear = caching.filter(([, s]) => !s.cacheDataEncrypted).map(([path]) => path);
      return [
        clear.length > 0
          ? fail(stage, `${restStageLabel(stage)} caches responses unencrypted for ${clear.join(', ')}.`)
          : pass(stage, `${restStageLabel(stage)} encrypts its response cache.`),
      ];
    }),
});

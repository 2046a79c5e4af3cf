import { APIGatewayClient, GetRestApisCommand, GetStagesCommand } from '@aws-sdk/client-api-gateway';
import {
  ApiGatewayV2Client,
  GetApisCommand,
  GetStagesCommand as GetHttpStagesCommand,
} from '@aws-sdk/client-apigatewayv2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { apigatewayCollectors } from '../../lambdas/core/collectors/apigateway.js';
import type { HttpApi, RestApi } from '../../lambdas/core/inventory/index.js';
import { awsError } from '../helpers/aws-errors.js';
import { runCollector } from '../helpers/collect.js';

const restMock = mockClient(APIGatewayClient);
const httpMock = mockClient(ApiGatewayV2Client);

const restApi = (id: string, name: string): RestApi => ({
  arn: `arn:aws:apigateway:eu-west-1::/restapis/${id}`,
  id,
  region: 'eu-west-1',
  accountId: '123456789012',
  name,
  endpointTypes: ['REGIONAL'],
});

const httpApi = (id: string, name: string, protocolType = 'HTTP'): HttpApi => ({
  arn: `arn:aws:apigateway:eu-west-1::/apis/${id}`,
  id,
  region: 'eu-west-1',
  accountId: '123456789012',
  name,
  protocolType,
});

beforeEach(() => {
  restMock.reset();
  httpMock.reset();
});

describe('Collector: apigateway.restApis', () => {
  it('pages through GetRestApis with the largest page', async () => {
    // Prepare
    restMock
      .on(GetRestApisCommand)
      .resolvesOnce({
        items: [{ id: 'a1', name: 'harbor-orders-api', endpointConfiguration: { types: ['EDGE'] } }],
        position: 'p2',
      })
      .resolvesOnce({ items: [{ id: 'a2', name: 'harbor-admin-api', tags: { team: 'ops' } }] });

    // Act
    const { value } = await runCollector(apigatewayCollectors['apigateway.restApis'], { region: 'eu-west-1' });

    // Assess
    expect(restMock).toHaveReceivedNthCommandWith(GetRestApisCommand, 2, { limit: 500, position: 'p2' });
    expect(value).toEqual([
      {
        arn: 'arn:aws:apigateway:eu-west-1::/restapis/a1',
        id: 'a1',
        region: 'eu-west-1',
        accountId: '123456789012',
        name: 'harbor-orders-api',
        endpointTypes: ['EDGE'],
      },
      expect.objectContaining({ id: 'a2', tags: { team: 'ops' }, endpointTypes: [] }),
    ]);
  });

  it('lets an AccessDenied on GetRestApis throw', async () => {
    // Prepare
    restMock.on(GetRestApisCommand).rejects(awsError('json', 'AccessDeniedException', { status: 403 }));

    // Act
    const collecting = runCollector(apigatewayCollectors['apigateway.restApis']);

    // Assess
    await expect(collecting).rejects.toThrow('AccessDeniedException');
  });
});

describe('Collector: apigateway.restStages', () => {
  it('normalises stages, reports a denied API and treats a deleted API as having no stages', async () => {
    // Prepare
    const orders = restApi('a1', 'harbor-orders-api');
    const denied = restApi('a2', 'harbor-admin-api');
    const gone = restApi('a3', 'harbor-old-api');
    restMock
      .on(GetStagesCommand, { restApiId: 'a1' })
      .resolves({
        item: [
          {
            stageName: 'prod',
            methodSettings: {
              '*/*': { loggingLevel: 'INFO', cachingEnabled: true, cacheDataEncrypted: true },
              'orders/GET': { loggingLevel: 'OFF' },
            },
            accessLogSettings: {
              destinationArn: 'arn:aws:logs:eu-west-1:123456789012:log-group:api',
              format: '$context.requestId',
            },
            webAclArn: 'arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/harbor-api/1',
            clientCertificateId: 'cc1',
            cacheClusterEnabled: true,
          },
          { stageName: 'dev' },
        ],
      })
      .on(GetStagesCommand, { restApiId: 'a2' })
      .rejects(awsError('json', 'AccessDeniedException', { status: 403 }))
      .on(GetStagesCommand, { restApiId: 'a3' })
      .rejects(awsError('json', 'NotFoundException', { status: 404 }));

    // Act
    const { value, issues } = await runCollector(apigatewayCollectors['apigateway.restStages'], {
      region: 'eu-west-1',
      dependencies: { 'apigateway.restApis': [orders, denied, gone] },
    });

    // Assess
    expect(value).toEqual([
      {
        arn: 'arn:aws:apigateway:eu-west-1::/restapis/a1/stages/prod',
        id: 'a1/prod',
        region: 'eu-west-1',
        accountId: '123456789012',
        apiId: 'a1',
        apiName: 'harbor-orders-api',
        stageName: 'prod',
        methodSettings: {
          '*/*': { loggingLevel: 'INFO', cachingEnabled: true, cacheDataEncrypted: true },
          'orders/GET': { loggingLevel: 'OFF', cachingEnabled: false, cacheDataEncrypted: false },
        },
        accessLogDestinationArn: 'arn:aws:logs:eu-west-1:123456789012:log-group:api',
        webAclArn: 'arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/harbor-api/1',
        clientCertificateId: 'cc1',
        cacheClusterEnabled: true,
      },
      expect.objectContaining({ id: 'a1/dev', methodSettings: {}, cacheClusterEnabled: false }),
    ]);
    expect(issues.map((i) => [i.resourceArn, i.errorCode])).toEqual([[denied.arn, 'AccessDeniedException']]);
  });
});

describe('Collector: apigateway.httpApis and apigateway.httpStages', () => {
  it('follows NextToken for APIs and stages and normalises them', async () => {
    // Prepare
    httpMock
      .on(GetApisCommand)
      .resolvesOnce({
        Items: [
          {
            ApiId: 'h1',
            Name: 'harbor-web',
            ProtocolType: 'HTTP',
            RouteSelectionExpression: '$request.method $request.path',
          },
        ],
        NextToken: 't2',
      })
      .resolvesOnce({
        Items: [
          {
            ApiId: 'w1',
            Name: 'harbor-live',
            ProtocolType: 'WEBSOCKET',
            RouteSelectionExpression: '$request.body.action',
          },
        ],
      });
    const web = httpApi('h1', 'harbor-web');
    const live = httpApi('w1', 'harbor-live', 'WEBSOCKET');
    httpMock
      .on(GetHttpStagesCommand, { ApiId: 'h1' })
      .resolvesOnce({
        Items: [
          {
            StageName: '$default',
            AccessLogSettings: { DestinationArn: 'arn:aws:logs:eu-west-1:123456789012:log-group:web' },
          },
        ],
        NextToken: 's2',
      })
      .resolvesOnce({ Items: [{ StageName: 'dev' }] })
      .on(GetHttpStagesCommand, { ApiId: 'w1' })
      .resolves({ Items: [{ StageName: 'prod', DefaultRouteSettings: { LoggingLevel: 'ERROR' } }] });

    // Act
    const apis = await runCollector(apigatewayCollectors['apigateway.httpApis'], { region: 'eu-west-1' });
    const stages = await runCollector(apigatewayCollectors['apigateway.httpStages'], {
      region: 'eu-west-1',
      dependencies: { 'apigateway.httpApis': [web, live] },
    });

    // Assess
    expect(httpMock).toHaveReceivedNthCommandWith(GetApisCommand, 2, { MaxResults: '500', NextToken: 't2' });
    expect(apis.value).toEqual([web, live]);
    expect(stages.value).toEqual([
      {
        arn: 'arn:aws:apigateway:eu-west-1::/apis/h1/stages/$default',
        id: 'h1/$default',
        region: 'eu-west-1',
        accountId: '123456789012',
        apiId: 'h1',
        apiName: 'harbor-web',
        protocolType: 'HTTP',
        stageName: '$default',
        accessLogDestinationArn: 'arn:aws:logs:eu-west-1:123456789012:log-group:web',
      },
      expect.objectContaining({ id: 'h1/dev', stageName: 'dev' }),
      expect.objectContaining({ id: 'w1/prod', protocolType: 'WEBSOCKET', loggingLevel: 'ERROR' }),
    ]);
  });
});

import { APIGatewayClient, GetStagesCommand, paginateGetRestApis, type Stage } from '@aws-sdk/client-api-gateway';
import {
  type Api,
  ApiGatewayV2Client,
  GetApisCommand,
  GetStagesCommand as GetHttpStagesCommand,
  type Stage as HttpStage,
} from '@aws-sdk/client-apigatewayv2';
import { isAwsError } from '../aws/clients.js';
import type { HttpApi, HttpApiStage, RestApi, RestApiStage } from '../inventory/index.js';
import { collectEach } from './context.js';
import type { CollectContext, SliceCollectors } from './types.js';

/** GetRestApis, GetApis and (v2) GetStages return at most 500 items per page. */
const APIGATEWAY_PAGE_SIZE = 500;

/** API Gateway ARNs have no account field: the path names the API and stage. */
const apiGatewayArn = (context: CollectContext, path: string): string =>
  `arn:${context.partition}:apigateway:${context.region}::${path}`;

function toRestStage(api: RestApi, stage: Stage, context: CollectContext): RestApiStage | undefined {
  if (!stage.stageName) return undefined;
  const methodSettings = Object.fromEntries(
    Object.entries(stage.methodSettings ?? {}).map(([path, s]) => [
      path,
      {
        ...(s.loggingLevel !== undefined && { loggingLevel: s.loggingLevel }),
        cachingEnabled: s.cachingEnabled === true,
        cacheDataEncrypted: s.cacheDataEncrypted === true,
      },
    ]),
  );
  return {
    arn: apiGatewayArn(context, `/restapis/${api.id}/stages/${stage.stageName}`),
    id: `${api.id}/${stage.stageName}`,
    region: context.region,
    accountId: context.accountId,
    ...(stage.tags && { tags: stage.tags }),
    apiId: api.id,
    apiName: api.name,
    stageName: stage.stageName,
    methodSettings,
    ...(stage.accessLogSettings?.destinationArn && { accessLogDestinationArn: stage.accessLogSettings.destinationArn }),
    ...(stage.webAclArn && { webAclArn: stage.webAclArn }),
    ...(stage.clientCertificateId && { clientCertificateId: stage.clientCertificateId }),
    cacheClusterEnabled: stage.cacheClusterEnabled === true,
  };
}

function toHttpApi(api: Api, context: CollectContext): HttpApi | undefined {
  if (!api.ApiId || !api.Name) return undefined;
  return {
    arn: apiGatewayArn(context, `/apis/${api.ApiId}`),
    id: api.ApiId,
    region: context.region,
    accountId: context.accountId,
    ...(api.Tags && { tags: api.Tags }),
    name: api.Name,
    protocolType: api.ProtocolType ?? 'HTTP',
  };
}

function toHttpStage(api: HttpApi, stage: HttpStage, context: CollectContext): HttpApiStage | undefined {
  if (!stage.StageName) return undefined;
  return {
    arn: apiGatewayArn(context, `/apis/${api.id}/stages/${stage.StageName}`),
    id: `${api.id}/${stage.StageName}`,
    region: context.region,
    accountId: context.accountId,
    ...(stage.Tags && { tags: stage.Tags }),
    apiId: api.id,
    apiName: api.name,
    protocolType: api.protocolType,
    stageName: stage.StageName,
    ...(stage.AccessLogSettings?.DestinationArn && { accessLogDestinationArn: stage.AccessLogSettings.DestinationArn }),
    ...(stage.DefaultRouteSettings?.LoggingLevel !== undefined && {
      loggingLevel: stage.DefaultRouteSettings.LoggingLevel,
    }),
  };
}

/** An API deleted since it was listed has no stages left to judge (NotFoundException). */
async function stagesUnlessDeleted<T>(call: () => Promise<T[]>): Promise<T[]> {
  try {
    return await call();
  } catch (error) {
    if (isAwsError(error, 'NotFound')) return [];
    throw error;
  }
}

/** The v2 client has no paginators: follow NextToken. */
async function pages<T>(fetch: (nextToken: string | undefined) => Promise<{ Items?: T[]; NextToken?: string }>) {
  const items: T[] = [];
  let nextToken: string | undefined;
  do {
    const page = await fetch(nextToken);
    items.push(...(page.Items ?? []));
    nextToken = page.NextToken;
  } while (nextToken);
  return items;
}

export const apigatewayCollectors: SliceCollectors<
  'apigateway.restApis' | 'apigateway.restStages' | 'apigateway.httpApis' | 'apigateway.httpStages'
> = {
  'apigateway.restApis': {
    key: 'apigateway.restApis',
    scope: 'regional',
    actions: ['apigateway:GET'],
    async collect(context) {
      const client = context.clients.get(APIGatewayClient, context.region);
      const apis: RestApi[] = [];
      for await (const page of paginateGetRestApis({ client, pageSize: APIGATEWAY_PAGE_SIZE }, {})) {
        for (const api of page.items ?? []) {
          if (!api.id || !api.name) continue;
          apis.push({
            arn: apiGatewayArn(context, `/restapis/${api.id}`),
            id: api.id,
            region: context.region,
            accountId: context.accountId,
            ...(api.tags && { tags: api.tags }),
            name: api.name,
            endpointTypes: api.endpointConfiguration?.types ?? [],
          });
        }
      }
      return apis;
    },
  },

  'apigateway.restStages': {
    key: 'apigateway.restStages',
    scope: 'regional',
    actions: ['apigateway:GET'],
    dependsOn: ['apigateway.restApis'],
    async collect(context) {
      const client = context.clients.get(APIGatewayClient, context.region);
      const apis = context.get('apigateway.restApis').filter((a) => a.region === context.region);
      // GetStages returns every stage of an API in one answer.
      const perApi = await collectEach(context, apis, (api) =>
        stagesUnlessDeleted(async () => {
          const { item } = await client.send(new GetStagesCommand({ restApiId: api.id }));
          return (item ?? []).flatMap((stage) => toRestStage(api, stage, context) ?? []);
        }),
      );
      return perApi.flat();
    },
  },

  'apigateway.httpApis': {
    key: 'apigateway.httpApis',
    scope: 'regional',
    actions: ['apigateway:GET'],
    async collect(context) {
      const client = context.clients.get(ApiGatewayV2Client, context.region);
      const apis = await pages((NextToken) =>
        client.send(new GetApisCommand({ MaxResults: String(APIGATEWAY_PAGE_SIZE), NextToken })),
      );
      return apis.flatMap((api) => toHttpApi(api, context) ?? []);
    },
  },

  'apigateway.httpStages': {
    key: 'apigateway.httpStages',
    scope: 'regional',
    actions: ['apigateway:GET'],
    dependsOn: ['apigateway.httpApis'],
    async collect(context) {
      const client = context.clients.get(ApiGatewayV2Client, context.region);
      const apis = context.get('apigateway.httpApis').filter((a) => a.region === context.region);
      const perApi = await collectEach(context, apis, async (api) => {
        const stages = await pages((NextToken) =>
          client.send(new GetHttpStagesCommand({ ApiId: api.id, MaxResults: String(APIGATEWAY_PAGE_SIZE), NextToken })),
        );
        return stages.flatMap((stage) => toHttpStage(api, stage, context) ?? []);
      });
      return perApi.flat();
    },
  },
};

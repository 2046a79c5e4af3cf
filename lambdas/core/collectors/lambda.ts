import {
  type FunctionConfiguration,
  type FunctionUrlConfig,
  GetFunctionUrlConfigCommand,
  GetPolicyCommand,
  LambdaClient,
  paginateListFunctions,
  paginateListFunctionUrlConfigs,
} from '@aws-sdk/client-lambda';
import { lambdaQualifier } from '../aws/arn.js';
import { isAwsError } from '../aws/clients.js';
import type { LambdaFunction, LambdaFunctionUrl } from '../inventory/index.js';
import { parsePolicyDocument } from '../policy/index.js';
import { collectEach } from './context.js';
import type { CollectContext, SliceCollectors } from './types.js';

/** ListFunctions and ListFunctionUrlConfigs return at most 50 items per page. */
const LAMBDA_PAGE_SIZE = 50;

function toLambdaFunction(fn: FunctionConfiguration, context: CollectContext): LambdaFunction | undefined {
  if (!fn.FunctionArn || !fn.FunctionName) return undefined;
  const envError = fn.Environment?.Error;
  return {
    arn: fn.FunctionArn,
    id: fn.FunctionName,
    region: context.region,
    accountId: context.accountId,
    name: fn.FunctionName,
    ...(fn.Runtime !== undefined && { runtime: fn.Runtime }),
    ...(fn.PackageType !== undefined && { packageType: fn.PackageType }),
    ...(fn.Role !== undefined && { roleArn: fn.Role }),
    ...(fn.LastModified !== undefined && { lastModified: fn.LastModified }),
    environment: fn.Environment?.Variables ?? {},
    ...(envError && { environmentError: [envError.ErrorCode, envError.Message].filter(Boolean).join(': ') }),
    ...(fn.KMSKeyArn !== undefined && { kmsKeyArn: fn.KMSKeyArn }),
  };
}

const functionsOf = (context: CollectContext): LambdaFunction[] =>
  context.get('lambda.functions').filter((f) => f.region === context.region);

/** An operation the endpoint has no route for: HTTP 404 without a modelled AWS error. */
const isUnroutedOperation = (error: unknown): boolean =>
  (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404 &&
  !isAwsError(error, 'ResourceNotFound');

async function listFunctionUrls(client: LambdaClient, fn: LambdaFunction, emulated: boolean) {
  try {
    const configs: FunctionUrlConfig[] = [];
    for await (const page of paginateListFunctionUrlConfigs(
      { client, pageSize: LAMBDA_PAGE_SIZE },
      { FunctionName: fn.arn },
    )) {
      configs.push(...(page.FunctionUrlConfigs ?? []));
    }
    return configs;
  } catch (error) {
    if (!emulated || !isUnroutedOperation(error)) throw error;
    // moto 5 has no route for ListFunctionUrlConfigs. Against an emulator only, fall back to the
    // unqualified function's URL (GetFunctionUrlConfig); AWS always answers the list call, which
    // also covers the URLs of aliases.
    try {
      return [await client.send(new GetFunctionUrlConfigCommand({ FunctionName: fn.arn }))];
    } catch (fallbackError) {
      if (isAwsError(fallbackError, 'ResourceNotFound')) return [];
      throw fallbackError;
    }
  }
}

export const lambdaCollectors: SliceCollectors<'lambda.functions' | 'lambda.policies' | 'lambda.functionUrls'> = {
  'lambda.functions': {
    key: 'lambda.functions',
    scope: 'regional',
    actions: ['lambda:ListFunctions'],
    async collect(context) {
      const client = context.clients.get(LambdaClient, context.region);
      const functions: LambdaFunction[] = [];
      for await (const page of paginateListFunctions({ client, pageSize: LAMBDA_PAGE_SIZE }, {})) {
        for (const fn of page.Functions ?? []) {
          const normalised = toLambdaFunction(fn, context);
          if (normalised) functions.push(normalised);
        }
      }
      return functions;
    },
  },

  'lambda.policies': {
    key: 'lambda.policies',
    scope: 'regional',
    actions: ['lambda:GetPolicy'],
    dependsOn: ['lambda.functions'],
    collect(context) {
      const client = context.clients.get(LambdaClient, context.region);
      return collectEach(context, functionsOf(context), async (fn) => {
        try {
          const { Policy } = await client.send(new GetPolicyCommand({ FunctionName: fn.arn }));
          const policy = Policy ? parsePolicyDocument(Policy) : null;
          return { arn: fn.arn, region: fn.region, policy };
        } catch (error) {
          // GetPolicy answers ResourceNotFoundException when the function has no resource-based policy.
          if (isAwsError(error, 'ResourceNotFound')) return { arn: fn.arn, region: fn.region, policy: null };
          throw error;
        }
      });
    },
  },

  'lambda.functionUrls': {
    key: 'lambda.functionUrls',
    scope: 'regional',
    actions: ['lambda:ListFunctionUrlConfigs'],
    dependsOn: ['lambda.functions'],
    async collect(context) {
      const client = context.clients.get(LambdaClient, context.region);
      const perFunction = await collectEach(context, functionsOf(context), async (fn) =>
        (await listFunctionUrls(client, fn, context.clients.emulated)).map((config): LambdaFunctionUrl => {
          const qualifier = config.FunctionArn ? lambdaQualifier(config.FunctionArn) : undefined;
          return {
            arn: fn.arn,
            region: fn.region,
            url: config.FunctionUrl ?? '',
            authType: config.AuthType ?? 'UNKNOWN',
            ...(qualifier !== undefined && { qualifier }),
          };
        }),
      );
      return perFunction.flat();
    },
  },
};

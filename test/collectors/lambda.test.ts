import {
  type FunctionConfiguration,
  GetFunctionUrlConfigCommand,
  GetPolicyCommand,
  LambdaClient,
  ListFunctionsCommand,
  ListFunctionUrlConfigsCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lambdaCollectors } from '../../lambdas/core/collectors/lambda.js';
import { lambdaFunction } from '../fixtures/lambda.js';
import { awsError } from '../helpers/aws-errors.js';
import { runCollector } from '../helpers/collect.js';

const lambdaMock = mockClient(LambdaClient);

const notFound = () =>
  new ResourceNotFoundException({ message: 'The resource you requested does not exist.', $metadata: {} });

const fnConfig = (name: string, extra: Partial<FunctionConfiguration> = {}): FunctionConfiguration => ({
  FunctionName: name,
  FunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${name}`,
  Runtime: 'nodejs22.x',
  PackageType: 'Zip',
  Role: `arn:aws:iam::123456789012:role/svc-lambda-${name}`,
  ...extra,
});

beforeEach(() => {
  lambdaMock.reset();
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('Collector: lambda.functions', () => {
  it('pages through ListFunctions with the largest page size and normalises each function', async () => {
    // Prepare
    lambdaMock
      .on(ListFunctionsCommand)
      .resolvesOnce({
        Functions: [fnConfig('orders-api', { Environment: { Variables: { STAGE: 'prod' } } })],
        NextMarker: 'page-2',
      })
      .resolvesOnce({
        Functions: [
          fnConfig('ml-scorer', { Runtime: undefined, PackageType: 'Image' }),
          fnConfig('billing-sync', {
            KMSKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd',
            Environment: { Error: { ErrorCode: 'AccessDeniedException', Message: 'Lambda was unable to decrypt' } },
          }),
        ],
      });

    // Act
    const { value } = await runCollector(lambdaCollectors['lambda.functions']);

    // Assess
    expect(lambdaMock).toHaveReceivedCommandTimes(ListFunctionsCommand, 2);
    expect(lambdaMock).toHaveReceivedNthCommandWith(ListFunctionsCommand, 1, { MaxItems: 50 });
    expect(lambdaMock).toHaveReceivedNthCommandWith(ListFunctionsCommand, 2, { MaxItems: 50, Marker: 'page-2' });
    expect(value.map((f) => f.name)).toEqual(['orders-api', 'ml-scorer', 'billing-sync']);
    expect(value[0]).toEqual({
      arn: 'arn:aws:lambda:us-east-1:123456789012:function:orders-api',
      id: 'orders-api',
      region: 'us-east-1',
      accountId: '123456789012',
      name: 'orders-api',
      runtime: 'nodejs22.x',
      packageType: 'Zip',
      roleArn: 'arn:aws:iam::123456789012:role/svc-lambda-orders-api',
      environment: { STAGE: 'prod' },
    });
    expect(value[1]?.runtime).toBeUndefined();
    expect(value[2]).toMatchObject({
      environment: {},
      environmentError: 'AccessDeniedException: Lambda was unable to decrypt',
      kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/1234abcd',
    });
  });

  it('lets an AccessDenied on the listing throw', async () => {
    // Prepare
    lambdaMock.on(ListFunctionsCommand).rejects(awsError('json', 'AccessDeniedException'));

    // Act
    const collecting = runCollector(lambdaCollectors['lambda.functions']);

    // Assess
    await expect(collecting).rejects.toThrow('AccessDeniedException');
  });
});

describe('Collector: lambda.policies', () => {
  const functions = [lambdaFunction('orders-api'), lambdaFunction('thumbnailer'), lambdaFunction('billing-sync')];
  const elsewhere = lambdaFunction('eu-api', { region: 'eu-west-1' });

  it('parses each policy, records no policy as null and reports a denied function as an issue', async () => {
    // Prepare
    lambdaMock
      .on(GetPolicyCommand, { FunctionName: functions[0]?.arn })
      .resolves({
        Policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Sid: 'public', Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunction', Resource: '*' },
          ],
        }),
      })
      .on(GetPolicyCommand, { FunctionName: functions[1]?.arn })
      .rejects(notFound())
      .on(GetPolicyCommand, { FunctionName: functions[2]?.arn })
      .rejects(awsError('json', 'AccessDeniedException', { message: 'not authorized to perform: lambda:GetPolicy' }));

    // Act
    const { value, issues } = await runCollector(lambdaCollectors['lambda.policies'], {
      dependencies: { 'lambda.functions': [...functions, elsewhere] },
    });

    // Assess
    expect(lambdaMock).toHaveReceivedCommandTimes(GetPolicyCommand, 3);
    expect(value).toEqual([
      {
        arn: functions[0]?.arn,
        region: 'us-east-1',
        policy: {
          version: '2012-10-17',
          statements: [
            {
              sid: 'public',
              effect: 'Allow',
              principal: { AWS: ['*'] },
              action: ['lambda:InvokeFunction'],
              resource: ['*'],
            },
          ],
        },
      },
      { arn: functions[1]?.arn, region: 'us-east-1', policy: null },
    ]);
    expect(issues).toEqual([
      {
        slice: 'lambda.policies',
        region: 'us-east-1',
        resourceArn: functions[2]?.arn,
        errorCode: 'AccessDeniedException',
        message: 'not authorized to perform: lambda:GetPolicy',
      },
    ]);
  });
});

describe('Collector: lambda.policies principals', () => {
  it('reads bare account and service principals as their map forms', async () => {
    // Prepare
    const fn = lambdaFunction('orders-api');
    lambdaMock.on(GetPolicyCommand).resolves({
      Policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Sid: 'partner', Effect: 'Allow', Principal: '210987654321', Action: 'lambda:InvokeFunction' },
          { Sid: 'events', Effect: 'Allow', Principal: 'events.amazonaws.com', Action: 'lambda:InvokeFunction' },
          { Sid: 'anyone', Effect: 'Allow', Principal: '*', Action: 'lambda:InvokeFunction' },
        ],
      }),
    });

    // Act
    const { value, issues } = await runCollector(lambdaCollectors['lambda.policies'], {
      dependencies: { 'lambda.functions': [fn] },
    });

    // Assess
    expect(issues).toEqual([]);
    expect(value[0]?.policy?.statements.map((s) => s.principal)).toEqual([
      { AWS: ['210987654321'] },
      { Service: ['events.amazonaws.com'] },
      { AWS: ['*'] },
    ]);
  });
});

describe('Collector: lambda.functionUrls', () => {
  const fn = lambdaFunction('webhook-receiver');
  const other = lambdaFunction('internal-api');

  it('pages through each function URL list and keeps alias qualifiers', async () => {
    // Prepare
    lambdaMock
      .on(ListFunctionUrlConfigsCommand, { FunctionName: fn.arn })
      .resolvesOnce({
        FunctionUrlConfigs: [
          {
            FunctionUrl: 'https://abc.lambda-url.us-east-1.on.aws/',
            FunctionArn: fn.arn,
            AuthType: 'NONE',
            CreationTime: '2026-01-01T00:00:00Z',
            LastModifiedTime: '2026-01-01T00:00:00Z',
          },
        ],
        NextMarker: 'next',
      })
      .resolvesOnce({
        FunctionUrlConfigs: [
          {
            FunctionUrl: 'https://def.lambda-url.us-east-1.on.aws/',
            FunctionArn: `${fn.arn}:live`,
            AuthType: 'AWS_IAM',
            CreationTime: '2026-01-01T00:00:00Z',
            LastModifiedTime: '2026-01-01T00:00:00Z',
          },
        ],
      })
      .on(ListFunctionUrlConfigsCommand, { FunctionName: other.arn })
      .resolves({ FunctionUrlConfigs: [] });

    // Act
    const { value, issues } = await runCollector(lambdaCollectors['lambda.functionUrls'], {
      dependencies: { 'lambda.functions': [fn, other] },
    });

    // Assess
    expect(issues).toEqual([]);
    expect(lambdaMock).toHaveReceivedCommandWith(ListFunctionUrlConfigsCommand, {
      FunctionName: fn.arn,
      MaxItems: 50,
      Marker: 'next',
    });
    expect(value).toEqual([
      { arn: fn.arn, region: 'us-east-1', url: 'https://abc.lambda-url.us-east-1.on.aws/', authType: 'NONE' },
      {
        arn: fn.arn,
        region: 'us-east-1',
        url: 'https://def.lambda-url.us-east-1.on.aws/',
        authType: 'AWS_IAM',
        qualifier: 'live',
      },
    ]);
  });

  it('reports a denied function as an issue and still collects the others', async () => {
    // Prepare
    lambdaMock
      .on(ListFunctionUrlConfigsCommand, { FunctionName: fn.arn })
      .rejects(awsError('json', 'AccessDeniedException'))
      .on(ListFunctionUrlConfigsCommand, { FunctionName: other.arn })
      .resolves({
        FunctionUrlConfigs: [
          {
            FunctionUrl: 'https://xyz.lambda-url.us-east-1.on.aws/',
            FunctionArn: other.arn,
            AuthType: 'AWS_IAM',
            CreationTime: '2026-01-01T00:00:00Z',
            LastModifiedTime: '2026-01-01T00:00:00Z',
          },
        ],
      });

    // Act
    const { value, issues } = await runCollector(lambdaCollectors['lambda.functionUrls'], {
      dependencies: { 'lambda.functions': [fn, other] },
    });

    // Assess
    expect(value.map((u) => u.arn)).toEqual([other.arn]);
    expect(issues.map((i) => [i.resourceArn, i.errorCode])).toEqual([[fn.arn, 'AccessDeniedException']]);
  });

  it('falls back to GetFunctionUrlConfig only against an emulator that lacks the list operation', async () => {
    // Prepare
    vi.stubEnv('AWS_ENDPOINT_URL', 'http://127.0.0.1:5000');
    const unrouted = Object.assign(new SyntaxError('Unexpected token <'), { $metadata: { httpStatusCode: 404 } });
    lambdaMock
      .on(ListFunctionUrlConfigsCommand)
      .rejects(unrouted)
      .on(GetFunctionUrlConfigCommand, { FunctionName: fn.arn })
      .resolves({
        FunctionUrl: 'https://abc.lambda-url.us-east-1.on.aws/',
        FunctionArn: fn.arn,
        AuthType: 'NONE',
        CreationTime: '2026-01-01T00:00:00Z',
        LastModifiedTime: '2026-01-01T00:00:00Z',
      })
      .on(GetFunctionUrlConfigCommand, { FunctionName: other.arn })
      .rejects(notFound());

    // Act
    const { value, issues } = await runCollector(lambdaCollectors['lambda.functionUrls'], {
      dependencies: { 'lambda.functions': [fn, other] },
    });

    // Assess
    expect(issues).toEqual([]);
    expect(value).toEqual([
      { arn: fn.arn, region: 'us-east-1', url: 'https://abc.lambda-url.us-east-1.on.aws/', authType: 'NONE' },
    ]);
  });

  it('does not fall back against AWS: an unexpected answer is an issue', async () => {
    // Prepare
    const unrouted = Object.assign(new SyntaxError('Unexpected token <'), { $metadata: { httpStatusCode: 404 } });
    lambdaMock.on(ListFunctionUrlConfigsCommand).rejects(unrouted);

    // Act
    const { value, issues } = await runCollector(lambdaCollectors['lambda.functionUrls'], {
      dependencies: { 'lambda.functions': [fn] },
    });

    // Assess
    expect(value).toEqual([]);
    expect(lambdaMock).not.toHaveReceivedCommand(GetFunctionUrlConfigCommand);
    expect(issues.map((i) => i.resourceArn)).toEqual([fn.arn]);
  });
});

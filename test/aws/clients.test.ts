import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiCallCounter } from '../../lambdas/core/aws/api-calls.js';
import { AwsClients, describeAwsError, describeConnectionError, isAwsError } from '../../lambdas/core/aws/clients.js';
import { awsError } from '../helpers/aws-errors.js';
import { leakedWindows } from '../helpers/secrets.js';

describe('Class: AwsClients', () => {
  let server: Server;
  let endpoint: string;
  const paths: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      paths.push(`${request.headers.host} ${request.url}`);
      if (request.method === 'GET') {
        response.writeHead(200, { 'content-type': 'application/xml' });
        response.end('<ListAllMyBucketsResult><Buckets></Buckets></ListAllMyBucketsResult>');
        return;
      }
      response.writeHead(404, { 'content-type': 'text/html' });
      response.end('<!doctype html><html><title>404 Not Found</title></html>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => {
    server.close();
  });

  it('builds one client per service and region', () => {
    // Prepare
    const clients = new AwsClients(new ApiCallCounter(), { endpoint });

    // Act
    const first = clients.get(S3Client, 'eu-west-1');
    const again = clients.get(S3Client, 'eu-west-1');
    const other = clients.get(S3Client, 'us-east-1');

    // Assess
    expect(again).toBe(first);
    expect(other).not.toBe(first);
    clients.destroy();
  });

  it('counts each call by IAM-style operation name and sends S3 path-style to an endpoint override', async () => {
    // Prepare
    const counter = new ApiCallCounter();
    const clients = new AwsClients(counter, { endpoint });

    // Act
    await clients.get(S3Client, 'eu-west-1').send(new ListBucketsCommand({}));
    await clients.get(S3Client, 'us-east-1').send(new ListBucketsCommand({}));

    // Assess
    expect(counter.byOperation()).toEqual({ 's3:ListBuckets': 2 });
    expect(counter.total).toBe(2);
    expect(paths.every((p) => p.startsWith('127.0.0.1:'))).toBe(true);
    clients.destroy();
  });

  it('counts failed calls too', async () => {
    // Prepare
    const counter = new ApiCallCounter();
    const clients = new AwsClients(counter, { endpoint, maxAttempts: 1 });

    // Act
    const call = clients.get(STSClient, 'us-east-1').send(new GetCallerIdentityCommand({}));

    // Assess
    await expect(call).rejects.toThrow();
    expect(counter.byOperation()).toEqual({ 'sts:GetCallerIdentity': 1 });
    clients.destroy();
  });
});

describe('Function: describeAwsError', () => {
  it('keeps the service error code and a one-line message', () => {
    // Prepare
    const error = Object.assign(new Error('User is not authorized\n  to perform s3:GetBucketPolicy'), {
      name: 'AccessDenied',
    });

    // Act
    const described = describeAwsError(error);

    // Assess
    expect(described).toEqual({
      errorCode: 'AccessDenied',
      message: 'User is not authorized to perform s3:GetBucketPolicy',
    });
  });

  it('explains an answer that is not an AWS response instead of echoing a parser error', () => {
    // Prepare
    const error = Object.assign(new SyntaxError('Unexpected token \'<\', "<!doctype "... is not valid JSON'), {
      $metadata: { httpStatusCode: 404 },
    });

    // Act
    const described = describeAwsError(error);

    // Assess
    expect(described.errorCode).toBe('UnexpectedResponse');
    expect(described.message).toContain('HTTP 404');
  });

  it('redacts a credential the message quotes before cutting the message to 500 characters', () => {
    // Prepare
    const key = 'AKIAIOSFODNN7EXAMPLE';
    // The key straddles the 500th character: cut first, its first half would no longer look like a key.
    const error = Object.assign(new Error(`${'Value is invalid. '.repeat(27)}Key ${key} is not valid.`), {
      name: 'ValidationException',
    });

    // Act
    const described = describeAwsError(error);

    // Assess
    expect(described.message.length).toBeLessThanOrEqual(500);
    expect(leakedWindows(described.message, [key])).toEqual([]);
  });
});

describe('Function: isAwsError', () => {
  it.each([
    ['query', 'NoSuchEntityException', 'NoSuchEntity'],
    ['query', 'NoSuchEntityException', 'NoSuchEntityException'],
    ['rest-xml', 'NoSuchBucketPolicy', 'NoSuchBucketPolicy'],
    ['json', 'ResourceNotFoundException', 'ResourceNotFound'],
    ['json', 'ResourceNotFoundException', 'ResourceNotFoundException'],
  ] as const)('recognises a %s %s error when asked for %s', (protocol, name, wanted) => {
    // Prepare
    const error = awsError(protocol, name, { status: 404 });

    // Act
    const matches = isAwsError(error, wanted);

    // Assess
    expect(matches).toBe(true);
  });

  it('does not mistake another error for the one asked about', () => {
    // Prepare
    const denied = awsError('query', 'AccessDenied', { status: 403 });

    // Act
    const matches = isAwsError(denied, 'NoSuchEntity');

    // Assess
    expect(matches).toBe(false);
    expect(isAwsError(undefined, 'NoSuchEntity')).toBe(false);
  });
});

describe('Function: describeConnectionError', () => {
  it.each([
    [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), { code: 'ECONNREFUSED' }),
      'could not reach the endpoint (connect ECONNREFUSED 127.0.0.1:4566)',
    ],
    [
      Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }),
      'no AWS credentials were found',
    ],
    [
      awsError('query', 'ExpiredToken', {
        message: 'The security token included in the request is expired',
        status: 403,
      }),
      'AWS rejected the credentials (ExpiredToken: The security token included in the request is expired)',
    ],
    [awsError('query', 'Throttling', { message: 'Rate exceeded' }), 'Throttling: Rate exceeded'],
  ])('says what failed for %s', (error, expected) => {
    // Act
    const sentence = describeConnectionError(error);

    // Assess
    expect(sentence).toContain(expected);
  });
});

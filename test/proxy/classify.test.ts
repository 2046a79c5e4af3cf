import { describe, expect, it } from 'vitest';
import { classifyRequest, countItems } from './classify.js';

const auth = (region: string, service: string) => ({
  authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261125/${region}/${service}/aws4_request, SignedHeaders=host, Signature=abc`,
});

describe('classifyRequest', () => {
  it('reads an EC2 query call from the credential scope and the form body', () => {
    // Prepare
    const request = {
      method: 'POST',
      url: '/',
      headers: { ...auth('eu-west-1', 'ec2'), 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: 'Action=DescribeVolumes&Version=2016-11-15&MaxResults=1000',
    };

    // Act
    const call = classifyRequest(request);

    // Assess
    expect(call).toMatchObject({
      service: 'ec2',
      region: 'eu-west-1',
      operation: 'DescribeVolumes',
      format: 'ec2',
      accessKeyId: 'AKIDEXAMPLE',
    });
  });

  it('reads a query service (RDS) as the query wire format', () => {
    // Act
    const call = classifyRequest({
      method: 'POST',
      url: '/',
      headers: { ...auth('us-east-1', 'rds'), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=DescribeDBSnapshots&Version=2014-10-31',
    });

    // Assess
    expect(call).toMatchObject({ service: 'rds', operation: 'DescribeDBSnapshots', format: 'query' });
  });

  it('reads a JSON call from X-Amz-Target', () => {
    // Act
    const call = classifyRequest({
      method: 'POST',
      url: '/',
      headers: { ...auth('ap-southeast-1', 'cloudtrail'), 'x-amz-target': 'CloudTrail_20131101.DescribeTrails' },
      body: '{}',
    });

    // Assess
    expect(call).toMatchObject({ service: 'cloudtrail', operation: 'DescribeTrails', format: 'json' });
  });

  it.each([
    ['GET', '/', 'ListBuckets'],
    ['GET', '/my-bucket?policy', 'GetBucketPolicy'],
    ['GET', '/my-bucket?publicAccessBlock', 'GetPublicAccessBlock'],
    ['PUT', '/my-bucket?versioning', 'PutBucketVersioning'],
    ['PUT', '/my-bucket', 'CreateBucket'],
    ['GET', '/my-bucket/some/key.txt', 'GetObject'],
    ['GET', '/v20180820/configuration/publicAccessBlock', 'GetPublicAccessBlock'],
  ])('names the S3 call %s %s %s', (method, url, operation) => {
    // Act
    const call = classifyRequest({ method, url, headers: auth('us-east-1', 's3'), body: '' });

    // Assess
    expect(call).toMatchObject({ service: 's3', operation, format: 's3' });
  });

  it.each([
    ['lambda', 'GET', '/2015-03-31/functions/my-fn/policy', 'GetPolicy'],
    ['lambda', 'GET', '/2021-10-31/functions/my-fn/url', 'GetFunctionUrlConfig'],
    ['elasticfilesystem', 'GET', '/2015-02-01/file-systems/fs-1234/backup-policy', 'DescribeBackupPolicy'],
    ['eks', 'GET', '/clusters/prod/node-groups/ng-1', 'DescribeNodegroup'],
    ['apigateway', 'GET', '/restapis/abc123/stages', 'GetStages'],
    ['cloudfront', 'GET', '/2020-05-31/distribution/E123/config', 'GetDistributionConfig'],
  ])('names the REST call of %s %s %s as %s', (service, method, url, operation) => {
    // Act
    const call = classifyRequest({ method, url, headers: auth('us-east-1', service), body: '' });

    // Assess
    expect(call.operation).toBe(operation);
  });

  it('names a REST call not in the table coarsely, by method and path with identifiers starred', () => {
    // Act
    const call = classifyRequest({
      method: 'GET',
      url: '/2015-03-31/functions/my-fn:1/aliases',
      headers: auth('us-east-1', 'lambda'),
      body: '',
    });

    // Assess
    expect(call).toMatchObject({ operation: 'GET /2015-03-31/functions/*/aliases', format: 'rest-json' });
  });

  it('maps signing names to IAM prefixes (monitoring → cloudwatch)', () => {
    // Act
    const call = classifyRequest({
      method: 'POST',
      url: '/',
      headers: { ...auth('us-east-1', 'monitoring'), 'x-amz-target': 'GraniteServiceVersion20100801.DescribeAlarms' },
      body: '{}',
    });

    // Assess
    expect(call).toMatchObject({ service: 'cloudwatch', operation: 'DescribeAlarms' });
  });
});

describe('countItems', () => {
  it('counts XML list members and JSON objects roughly', () => {
    // Act
    const xml = countItems('<R><volumeSet><item><id>1</id></item><item><id>2</id></item></volumeSet></R>');
    const json = countItems('{"Functions":[{"a":1},{"b":2},{"c":3}]}');

    // Assess
    expect([xml, json]).toEqual([2, 3]);
  });
});

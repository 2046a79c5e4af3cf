import { describe, expect, it } from 'vitest';
import { lambdaFunctionNotPublic } from '../../../lambdas/core/checks/lambda/index.js';
import { defaultSettings } from '../../../lambdas/core/config/settings.js';
import type { LambdaFunction, LambdaFunctionPolicy } from '../../../lambdas/core/inventory/index.js';
import { parsePolicyDocument } from '../../../lambdas/core/policy/index.js';
import { ACCOUNT_ID, functionPolicy, lambdaFunction, lambdaInventory, runCheck } from '../../fixtures/lambda.js';

/** The function policy exactly as GetPolicy returns it for one AddPermission call. */
const getPolicyResponse = (fn: LambdaFunction, statement: object): LambdaFunctionPolicy => ({
  arn: fn.arn,
  region: fn.region,
  policy: parsePolicyDocument(
    JSON.stringify({ Version: '2012-10-17', Id: 'default', Statement: [{ ...statement, Resource: fn.arn }] }),
  ),
});

/** What `aws lambda add-permission --principal s3.amazonaws.com --source-arn … [--source-account …]` stores. */
const s3Notification = (sourceAccount?: string) => ({
  Sid: 's3-product-images',
  Effect: 'Allow',
  Principal: { Service: 's3.amazonaws.com' },
  Action: 'lambda:InvokeFunction',
  Condition: {
    ...(sourceAccount && { StringEquals: { 'AWS:SourceAccount': sourceAccount } }),
    ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::harbor-product-images' },
  },
});

const invokeStatement = (sid: string, principal: unknown, condition?: object) => ({
  Sid: sid,
  Effect: 'Allow',
  Principal: principal,
  Action: 'lambda:InvokeFunction',
  Resource: 'arn:aws:lambda:us-east-1:123456789012:function:orders-api',
  ...(condition && { Condition: condition }),
});

describe('Check: lambda-function-not-public', () => {
  it('fails when a statement lets everyone invoke the function', () => {
    // Prepare
    const fn = lambdaFunction('orders-api');
    const policy = functionPolicy(fn, [invokeStatement('public-invoke', '*')]);

    // Act
    const [result] = runCheck(lambdaFunctionNotPublic, lambdaInventory({ functions: [fn], policies: [policy] }));

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(
      "Lambda function orders-api's resource-based policy allows anyone without a restricting condition: public-invoke (lambda:InvokeFunction).",
    );
  });

  it('fails when a "*" principal is only narrowed by a wildcard source ARN', () => {
    // Prepare
    const fn = lambdaFunction('orders-api');
    const policy = functionPolicy(fn, [
      invokeStatement('any-bucket', { AWS: '*' }, { ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::*' } }),
    ]);

    // Act
    const [result] = runCheck(lambdaFunctionNotPublic, lambdaInventory({ functions: [fn], policies: [policy] }));

    // Assess
    expect(result?.status).toBe('FAIL');
  });

  it('fails on a public NotAction statement, describing what it leaves out', () => {
    // Prepare
    const fn = lambdaFunction('orders-api');
    const policy = functionPolicy(fn, [
      { Sid: 'all-but-delete', Effect: 'Allow', Principal: '*', NotAction: 'lambda:DeleteFunction', Resource: '*' },
    ]);

    // Act
    const [result] = runCheck(lambdaFunctionNotPublic, lambdaInventory({ functions: [fn], policies: [policy] }));

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain('all-but-delete (every action except lambda:DeleteFunction)');
  });

  it('passes when a "*" principal is pinned to one bucket and account (S3 notification grant)', () => {
    // Prepare
    const fn = lambdaFunction('image-ingest');
    const policy = functionPolicy(fn, [
      invokeStatement('s3-uploads', '*', {
        ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::northwind-uploads' },
        StringEquals: { 'AWS:SourceAccount': '123456789012' },
      }),
    ]);

    // Act
    const [result] = runCheck(lambdaFunctionNotPublic, lambdaInventory({ functions: [fn], policies: [policy] }));

    // Assess
    expect(result?.status).toBe('PASS');
  });

  it('fails when "*" is only narrowed by aws:SourceIp ranges that together cover the internet', () => {
    // Prepare
    const fn = lambdaFunction('orders-api');
    const policy = functionPolicy(fn, [
      invokeStatement('split-internet', '*', { IpAddress: { 'aws:SourceIp': ['0.0.0.0/1', '128.0.0.0/1'] } }),
    ]);

    // Act
    const [result] = runCheck(lambdaFunctionNotPublic, lambdaInventory({ functions: [fn], policies: [policy] }));

    // Assess
    expect(result?.status).toBe('FAIL');
  });

  it('follows the internetExposurePrefix setting for an aws:SourceIp range', () => {
    // Prepare
    const fn = lambdaFunction('orders-api');
    const policy = functionPolicy(fn, [
      invokeStatement('partner-range', '*', { IpAddress: { 'aws:SourceIp': '52.94.0.0/16' } }),
    ]);
    const inventory = lambdaInventory({ functions: [fn], policies: [policy] });

    // Act
    const [byDefault] = runCheck(lambdaFunctionNotPublic, inventory);
    const [strict] = runCheck(lambdaFunctionNotPublic, inventory, {
      ...defaultSettings(),
      internetExposurePrefix: { ipv4: 16, ipv6: 32 },
    });

    // Assess
    expect([byDefault?.status, strict?.status]).toEqual(['PASS', 'FAIL']);
  });

  it('fails when S3 may invoke the function with only a bucket ARN as SourceArn: a bucket ARN names no account', () => {
    // Prepare
    const fn = lambdaFunction('image-ingest');

    // Act
    const [result] = runCheck(
      lambdaFunctionNotPublic,
      lambdaInventory({ functions: [fn], policies: [getPolicyResponse(fn, s3Notification())] }),
    );

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: fn,
      message:
        "Lambda function image-ingest's resource-based policy lets any AWS account invoke or manage it through an AWS service: s3-product-images (lambda:InvokeFunction) grants s3.amazonaws.com, which acts for any AWS account: no condition pins the source account (AWS:SourceArn arn:aws:s3:::harbor-product-images names no account).",
    });
  });

  it('fails when a service principal may invoke with no condition at all', () => {
    // Prepare
    const fn = lambdaFunction('nightly-report');
    const policy = functionPolicy(fn, [invokeStatement('events', { Service: 'events.amazonaws.com' })]);

    // Act
    const [result] = runCheck(lambdaFunctionNotPublic, lambdaInventory({ functions: [fn], policies: [policy] }));

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain(
      'events (lambda:InvokeFunction) grants events.amazonaws.com, which acts for any AWS account: no condition pins the source account',
    );
  });

  it('passes when S3 may invoke the function for one bucket of this account (SourceAccount and SourceArn)', () => {
    // Prepare
    const fn = lambdaFunction('image-ingest');

    // Act
    const [result] = runCheck(
      lambdaFunctionNotPublic,
      lambdaInventory({ functions: [fn], policies: [getPolicyResponse(fn, s3Notification(ACCOUNT_ID))] }),
    );

    // Assess
    expect(result?.status).toBe('PASS');
  });

  it('passes when a service is pinned to a resource of a fixed account, an Alexa skill to its token, or a named account may invoke', () => {
    // Prepare
    const fn = lambdaFunction('nightly-report');
    const policy = functionPolicy(fn, [
      invokeStatement(
        'events',
        { Service: 'events.amazonaws.com' },
        { ArnLike: { 'AWS:SourceArn': `arn:aws:events:us-east-1:${ACCOUNT_ID}:rule/nightly-report` } },
      ),
      invokeStatement(
        'alexa',
        { Service: 'alexa-appkit.amazon.com' },
        { StringEquals: { 'lambda:EventSourceToken': 'amzn1.ask.skill.0a1b2c3d' } },
      ),
      invokeStatement('partner', { AWS: 'arn:aws:iam::210987654321:root' }),
    ]);

    // Act
    const [result] = runCheck(lambdaFunctionNotPublic, lambdaInventory({ functions: [fn], policies: [policy] }));

    // Assess
    expect(result?.status).toBe('PASS');
  });

  it('passes when the function has no resource-based policy', () => {
    // Prepare
    const fn = lambdaFunction('thumbnailer');

    // Act
    const [result] = runCheck(
      lambdaFunctionNotPublic,
      lambdaInventory({ functions: [fn], policies: [functionPolicy(fn, null)] }),
    );

    // Assess
    expect(result).toEqual({
      status: 'PASS',
      resource: fn,
      message: 'Lambda function thumbnailer has no resource-based policy.',
    });
  });

  it('produces no result for a function whose policy could not be collected', () => {
    // Prepare
    const collected = lambdaFunction('orders-api');
    const missing = lambdaFunction('billing-sync');

    // Act
    const results = runCheck(
      lambdaFunctionNotPublic,
      lambdaInventory({ functions: [collected, missing], policies: [functionPolicy(collected, null)] }),
    );

    // Assess
    expect(results.map((r) => r.resource.arn)).toEqual([collected.arn]);
  });
});

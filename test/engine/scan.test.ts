import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiCallCounter } from '../../lambdas/core/aws/api-calls.js';
import { AwsClients } from '../../lambdas/core/aws/clients.js';
import { defineCheck, fail, pass } from '../../lambdas/core/checks/define-check.js';
import { defaultSettings } from '../../lambdas/core/config/settings.js';
import { runScan } from '../../lambdas/core/engine/scan.js';
import { findingId } from '../../lambdas/core/findings/finding-id.js';
import { CollectionError } from '../../lambdas/core/model/errors.js';
import { fingerprintSalt, secretFingerprint } from '../../lambdas/core/secrets/index.js';
import { fakeCollectors } from '../helpers/fake-collectors.js';

const sts = mockClient(STSClient);
afterEach(() => sts.reset());

const functionsCheck = defineCheck({
  id: 'test-function-env-clean',
  title: 'Functions keep no keys in their environment',
  service: 'lambda',
  resourceType: 'AwsLambdaFunction',
  srmClass: 'abstracted',
  obligation: 'data-protection',
  severity: 'critical',
  requires: ['lambda.functions'],
  compliance: [],
  risk: 'Keys in environment variables leak to anyone who can read the configuration.',
  remediation: { text: 'Move it to Secrets Manager.', url: 'https://docs.aws.amazon.com/lambda/' },
  evaluate: ({ lambda }) =>
    lambda.functions.map((f) =>
      f.environment.KEY
        ? fail(f, `Function ${f.id} holds ${f.environment.KEY}.`)
        : pass(f, `Function ${f.id} is clean.`),
    ),
});

const collectors = fakeCollectors({
  'lambda.functions': {
    key: 'lambda.functions',
    scope: 'regional',
    actions: ['lambda:ListFunctions'],
    collect: async ({ region, accountId }) => [
      {
        environment: (region === 'eu-west-1' ? { KEY: 'AKIAIOSFODNN7EXAMPLE' } : {}) as Record<string, string>,
        arn: `arn:aws:lambda:${region}:${accountId}:function:api`,
        id: 'api',
        name: 'api',
        region,
        accountId,
      },
    ],
  },
});

describe('Function: runScan', () => {
  it('builds findings with deterministic ids and a per-check summary', async () => {
    // Prepare
    sts.on(GetCallerIdentityCommand).resolves({ Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/audit' });
    const clients = new AwsClients(new ApiCallCounter());

    // Act
    const report = await runScan({
      checks: [functionsCheck],
      collectors,
      settings: defaultSettings(),
      clients,
      regions: ['us-east-1', 'eu-west-1'],
      now: () => new Date('2026-11-23T03:00:00Z'),
    });

    // Assess
    expect(report.scan).toMatchObject({ accountId: '123456789012', regions: ['us-east-1', 'eu-west-1'] });
    expect(report.scan.checks).toEqual([
      { checkId: 'test-function-env-clean', evaluated: 2, passed: 1, failed: 1, errored: 0 },
    ]);
    const failed = report.findings.find((f) => f.status === 'FAIL');
    expect(failed?.id).toBe(findingId('test-function-env-clean', 'arn:aws:lambda:eu-west-1:123456789012:function:api'));
    expect(failed).toMatchObject({
      severity: 'critical',
      srmClass: 'abstracted',
      observedAt: '2026-11-23T03:00:00.000Z',
    });
  });

  it('replaces a secret a check quoted in its message by a marker keyed with the account salt', async () => {
    // Prepare
    sts.on(GetCallerIdentityCommand).resolves({ Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/audit' });
    const clients = new AwsClients(new ApiCallCounter());

    // Act
    const report = await runScan({
      checks: [functionsCheck],
      collectors,
      settings: defaultSettings(),
      clients,
      regions: ['eu-west-1'],
    });

    // Assess
    const fingerprint = secretFingerprint('AKIAIOSFODNN7EXAMPLE', fingerprintSalt('123456789012', undefined));
    expect(report.findings[0]?.message).toBe(`Function api holds [AWS access key ID, fingerprint ${fingerprint}].`);
  });

  it('keys the markers with the secretFingerprintSalt setting when it is set', async () => {
    // Prepare
    sts.on(GetCallerIdentityCommand).resolves({ Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/audit' });
    const clients = new AwsClients(new ApiCallCounter());
    const settings = { ...defaultSettings(), secretFingerprintSalt: 'private salt only the scanner knows' };

    // Act
    const report = await runScan({ checks: [functionsCheck], collectors, settings, clients, regions: ['eu-west-1'] });

    // Assess
    const fingerprint = secretFingerprint('AKIAIOSFODNN7EXAMPLE', 'private salt only the scanner knows');
    expect(report.findings[0]?.message).toBe(`Function api holds [AWS access key ID, fingerprint ${fingerprint}].`);
  });

  it('redacts a secret that an AWS error message quotes in a collection issue', async () => {
    // Prepare
    sts.on(GetCallerIdentityCommand).resolves({ Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/audit' });
    const clients = new AwsClients(new ApiCallCounter());
    const failing = fakeCollectors({
      'lambda.functions': {
        key: 'lambda.functions',
        scope: 'regional',
        actions: ['lambda:ListFunctions'],
        collect: async () => {
          throw Object.assign(new Error("Value 'postgres://app:Zk7qW9xVb2Jm@db/app' failed to satisfy constraint"), {
            name: 'ValidationException',
          });
        },
      },
    });

    // Act
    const report = await runScan({
      checks: [functionsCheck],
      collectors: failing,
      settings: defaultSettings(),
      clients,
      regions: ['eu-west-1'],
    });

    // Assess
    const [issue] = report.scan.collectionIssues;
    expect(issue?.message).toContain('[password in a connection string, fingerprint ');
    expect(issue?.message).not.toContain('Zk7q');
    expect(report.findings[0]?.message).not.toContain('Zk7q');
  });

  it('refuses to start when the account cannot be identified', async () => {
    // Prepare
    sts
      .on(GetCallerIdentityCommand)
      .rejects(Object.assign(new Error('The security token is invalid'), { name: 'InvalidClientTokenId' }));
    const clients = new AwsClients(new ApiCallCounter());

    // Act
    const scan = runScan({
      checks: [functionsCheck],
      collectors,
      settings: defaultSettings(),
      clients,
      regions: ['eu-west-1'],
    });

    // Assess
    await expect(scan).rejects.toThrow(CollectionError);
    await expect(scan).rejects.toThrow(/sts:GetCallerIdentity/);
  });
});

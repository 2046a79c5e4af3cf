import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiCallCounter } from '../../lambdas/core/aws/api-calls.js';
import { AwsClients } from '../../lambdas/core/aws/clients.js';
import { defineCheck, fail, pass, withSrmClass } from '../../lambdas/core/checks/define-check.js';
import { defaultSettings } from '../../lambdas/core/config/settings.js';
import { runScan, type ScanOptions } from '../../lambdas/core/engine/scan.js';
import { findingId } from '../../lambdas/core/findings/finding-id.js';
import { REPORT_SCHEMA_VERSION } from '../../lambdas/core/findings/model.js';
import { CollectionError, ConfigurationError } from '../../lambdas/core/model/errors.js';
import { TOOL_VERSION } from '../../lambdas/core/model/version.js';
import { fingerprintSalt, secretFingerprint } from '../../lambdas/core/secrets/index.js';
import { awsError } from '../helpers/aws-errors.js';
import { fakeCollectors } from '../helpers/fake-collectors.js';

const sts = mockClient(STSClient);
const ec2 = mockClient(EC2Client);
afterEach(() => {
  sts.reset();
  ec2.reset();
});

/** DescribeRegions with AllRegions, as EC2 answers it: every region of the partition with its opt-in status. */
const ACCOUNT_REGIONS = {
  Regions: [
    { RegionName: 'eu-west-1', Endpoint: 'ec2.eu-west-1.amazonaws.com', OptInStatus: 'opt-in-not-required' },
    { RegionName: 'us-east-1', Endpoint: 'ec2.us-east-1.amazonaws.com', OptInStatus: 'opt-in-not-required' },
    { RegionName: 'eu-south-2', Endpoint: 'ec2.eu-south-2.amazonaws.com', OptInStatus: 'opted-in' },
    { RegionName: 'me-south-1', Endpoint: 'ec2.me-south-1.amazonaws.com', OptInStatus: 'not-opted-in' },
  ],
};
beforeEach(() => {
  sts.on(GetCallerIdentityCommand).resolves({ Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/audit' });
  ec2.on(DescribeRegionsCommand, { AllRegions: true }).resolves(ACCOUNT_REGIONS);
});

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

/** Settings without the tagging API's service discovery, which the coverage tests turn on. */
const SETTINGS = { ...defaultSettings(), discoverServicesWithTaggingApi: false };

/** `runScan` over the one test check and its collectors; each test states only what differs. */
const scanWith = (overrides: Partial<ScanOptions> = {}) =>
  runScan({
    checks: [functionsCheck],
    collectors,
    settings: SETTINGS,
    clients: new AwsClients(new ApiCallCounter()),
    ...overrides,
  });

describe('Function: runScan', () => {
  it("gives a finding the SRM class its result carries instead of the check's", async () => {
    // Prepare
    const onHosts = defineCheck({
      ...functionsCheck,
      id: 'test-function-on-hosts',
      evaluate: ({ lambda }) =>
        lambda.functions.map((f) => withSrmClass(pass(f, `Function ${f.id}.`), 'infrastructure')),
    });

    // Act
    const report = await scanWith({ checks: [onHosts], regions: ['us-east-1'] });

    // Assess
    expect(report.findings.map((f) => f.srmClass)).toEqual(['infrastructure']);
  });

  it('maps the services in use from the collectors and the tagging API, naming what was not checked', async () => {
    // Prepare
    const withTagging = fakeCollectors({
      ...collectors,
      'tagging.resourceTypes': {
        key: 'tagging.resourceTypes',
        scope: 'regional',
        actions: ['tag:GetResources'],
        collect: async ({ region }) => [
          { region, resourceType: 'lambda:function', count: 1 },
          { region, resourceType: 'states:stateMachine', count: 2 },
          { region, resourceType: 'newservice:widget', count: 1 },
        ],
      },
    });

    // Act
    const report = await scanWith({
      collectors: withTagging,
      regions: ['us-east-1'],
      settings: defaultSettings(),
    });

    // Assess
    const services = report.coverage?.services.map((s) => [s.service, s.state, s.listedResources, s.taggedResources]);
    expect(services).toEqual([
      ['lambda', 'partly-checked', 1, 1],
      ['states', 'not-checked', undefined, 2],
    ]);
    expect(report.coverage?.unknownServices).toEqual([
      { namespace: 'newservice', resourceTypes: ['newservice:widget'], taggedResources: 1 },
    ]);
    expect(report.coverage?.sources.taggingApi.state).toBe('used');
  });

  it('still maps the services its collectors listed when the tagging API is denied everywhere', async () => {
    // Prepare
    const denied = fakeCollectors({
      ...collectors,
      'tagging.resourceTypes': {
        key: 'tagging.resourceTypes',
        scope: 'regional',
        actions: ['tag:GetResources'],
        collect: async () => {
          throw awsError('json', 'AccessDeniedException', { message: 'not authorized to perform tag:GetResources' });
        },
      },
    });

    // Act
    const report = await scanWith({ collectors: denied, regions: ['us-east-1'], settings: defaultSettings() });

    // Assess
    expect(report.coverage?.sources.taggingApi).toMatchObject({ state: 'unavailable', regions: [] });
    expect(report.coverage?.sources.taggingApi.detail).toContain('us-east-1 (AccessDeniedException)');
    expect(report.coverage?.services.map((s) => s.service)).toEqual(['lambda']);
    expect(report.findings.every((f) => f.status !== 'ERROR')).toBe(true);
  });

  it('builds findings with deterministic ids and a per-check summary', async () => {
    // Act
    const report = await scanWith({
      regions: ['us-east-1', 'eu-west-1'],
      now: () => new Date('2026-11-23T03:00:00Z'),
    });

    // Assess
    expect(report.scan).toMatchObject({ accountId: '123456789012', regions: ['us-east-1', 'eu-west-1'] });
    expect(report.scan.checks).toEqual([
      { checkId: 'test-function-env-clean', results: 2, passed: 1, failed: 1, suppressed: 0, errored: 0 },
    ]);
    expect(report.scan).toMatchObject({
      schemaVersion: REPORT_SCHEMA_VERSION,
      toolVersion: TOOL_VERSION,
      totals: { findings: 2, PASS: 1, FAIL: 1, SUPPRESSED: 0, ERROR: 0, failedBySeverity: { critical: 1 } },
      coverage: { evaluated: 2, notEvaluated: 0, share: 1 },
    });
    const failed = report.findings.find((f) => f.status === 'FAIL');
    expect(failed?.id).toBe(findingId('test-function-env-clean', 'arn:aws:lambda:eu-west-1:123456789012:function:api'));
    expect(failed).toMatchObject({
      severity: 'critical',
      srmClass: 'abstracted',
      observedAt: '2026-11-23T03:00:00.000Z',
    });
  });

  it('replaces a secret a check quoted in its message by a marker keyed with the account salt', async () => {
    // Act
    const report = await scanWith({
      regions: ['eu-west-1'],
    });

    // Assess
    const fingerprint = secretFingerprint('AKIAIOSFODNN7EXAMPLE', fingerprintSalt('123456789012', undefined));
    expect(report.findings[0]?.message).toBe(`Function api holds [AWS access key ID, fingerprint ${fingerprint}].`);
  });

  it('keys the markers with the secretFingerprintSalt setting when it is set', async () => {
    // Prepare
    const settings = { ...SETTINGS, secretFingerprintSalt: 'private salt only the scanner knows' };

    // Act
    const report = await scanWith({ settings, regions: ['eu-west-1'] });

    // Assess
    const fingerprint = secretFingerprint('AKIAIOSFODNN7EXAMPLE', 'private salt only the scanner knows');
    expect(report.findings[0]?.message).toBe(`Function api holds [AWS access key ID, fingerprint ${fingerprint}].`);
  });

  it('redacts a secret that an AWS error message quotes in a collection issue', async () => {
    // Prepare
    const failing = fakeCollectors({
      'lambda.functions': {
        key: 'lambda.functions',
        scope: 'regional',
        actions: ['lambda:ListFunctions'],
        collect: async () => {
          throw awsError('json', 'ValidationException', {
            message: "Value 'postgres://app:Zk7qW9xVb2Jm@db/app' failed to satisfy constraint",
          });
        },
      },
    });

    // Act
    const report = await scanWith({ collectors: failing, regions: ['eu-west-1'] });

    // Assess
    const [issue] = report.scan.collectionIssues;
    expect(issue?.message).toContain('[password in a connection string, fingerprint ');
    expect(issue?.message).not.toContain('Zk7q');
    expect(report.findings[0]?.message).not.toContain('Zk7q');
  });

  it('stamps a suppression on the FAIL it covers and reports it apart in the totals', async () => {
    // Act
    const report = await scanWith({
      regions: ['us-east-1', 'eu-west-1'],
      suppressions: [
        {
          checkId: 'test-*',
          resource: 'arn:aws:lambda:eu-west-1:123456789012:function:api',
          reason: 'Rotating next sprint.',
          owner: 'app',
        },
        { checkId: 'test-*', resource: 'arn:aws:lambda:eu-west-1:123456789012:function:gone', reason: 'Deleted.' },
      ],
    });

    // Assess
    const failed = report.findings.find((f) => f.status === 'FAIL');
    expect(failed?.suppression).toMatchObject({ index: 0, reason: 'Rotating next sprint.', owner: 'app' });
    expect(report.scan.totals).toMatchObject({ FAIL: 0, SUPPRESSED: 1, PASS: 1 });
    expect(report.scan.checks[0]).toMatchObject({ failed: 0, suppressed: 1 });
    expect(report.scan.suppressionProblems).toMatchObject([{ kind: 'unused', index: 1 }]);
  });

  it('scans every enabled region, opted-in ones included, when no region is asked for', async () => {
    // Act
    const report = await scanWith();

    // Assess
    expect(report.scan.regions).toEqual(['eu-south-2', 'eu-west-1', 'us-east-1']);
  });

  it('refuses a region the partition does not have, naming it', async () => {
    // Act
    const scan = scanWith({
      regions: ['eu-west-1', 'eu-west-99'],
    });

    // Assess
    await expect(scan).rejects.toThrow(ConfigurationError);
    await expect(scan).rejects.toThrow(/regions: eu-west-99 is not a region of the aws partition/);
  });

  it('refuses a region the account has not enabled, naming it', async () => {
    // Act
    const scan = scanWith({
      regions: ['me-south-1'],
    });

    // Assess
    await expect(scan).rejects.toThrow(/regions: me-south-1 is not enabled for account 123456789012/);
  });

  it('refuses to start when the account cannot be identified', async () => {
    // Prepare
    sts.on(GetCallerIdentityCommand).rejects(
      awsError('query', 'InvalidClientTokenId', {
        message: 'The security token included in the request is invalid.',
        status: 403,
      }),
    );

    // Act
    const scan = scanWith({
      regions: ['eu-west-1'],
    });

    // Assess
    await expect(scan).rejects.toThrow(CollectionError);
    await expect(scan).rejects.toThrow(/sts:GetCallerIdentity/);
    await expect(scan).rejects.toThrow(/AWS rejected the credentials \(InvalidClientTokenId/);
  });
});

describe('Function: runScan evaluation order', () => {
  it('evaluates a check as soon as its slices are collected, while a slower slice is still being collected', async () => {
    // Prepare: the function check's slice answers at once; the KMS slice only when the test releases it.
    const events: string[] = [];
    let releaseKeys: () => void = () => undefined;
    const keysCheck = defineCheck({
      ...functionsCheck,
      id: 'test-keys-listed',
      service: 'kms',
      resourceType: 'AwsKmsKey',
      requires: ['kms.keys'],
      evaluate: () => {
        events.push('keys evaluated');
        return [];
      },
    });
    const watchedFunctions = defineCheck({
      ...functionsCheck,
      evaluate: (inventory, settings, tools) => {
        events.push('functions evaluated');
        releaseKeys();
        return functionsCheck.evaluate(inventory, settings, tools);
      },
    });
    const slow = fakeCollectors({
      'lambda.functions': collectors['lambda.functions'],
      'kms.keys': {
        key: 'kms.keys',
        scope: 'global',
        actions: ['kms:ListKeys'],
        collect: async () => {
          await new Promise<void>((resolve) => {
            releaseKeys = resolve;
          });
          events.push('keys collected');
          return [];
        },
      },
    });

    // Act
    const report = await scanWith({ checks: [keysCheck, watchedFunctions], collectors: slow, regions: ['eu-west-1'] });

    // Assess: the scan could only finish because evaluating the function check released the key listing.
    expect(events).toEqual(['functions evaluated', 'keys collected', 'keys evaluated']);
    expect(report.findings.map((f) => f.checkId)).toEqual(['test-function-env-clean']);
  });
});

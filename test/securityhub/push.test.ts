import {
  type AwsSecurityFinding,
  BatchImportFindingsCommand,
  GetFindingsCommand,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiCallCounter } from '../../lambdas/core/aws/api-calls.js';
import { AwsClients } from '../../lambdas/core/aws/clients.js';
import type { Finding } from '../../lambdas/core/findings/model.js';
import { asffFinding } from '../../lambdas/core/reports/asff.js';
import { batches, describePush, pushToSecurityHub } from '../../lambdas/core/securityhub/push.js';
import { awsError } from '../helpers/aws-errors.js';
import { finding, report as makeReport, scopeError } from '../helpers/findings.js';

const REGION = 'us-east-1';
const PRODUCT = 'arn:aws:securityhub:us-east-1:123456789012:product/123456789012/default';
const hub = mockClient(SecurityHubClient);
const sleeps: number[] = [];
const options = {
  region: REGION,
  sleep: async (ms: number) => {
    sleeps.push(ms);
  },
  random: () => 1,
  now: () => new Date('2026-11-21T03:00:00.000Z'),
};
const clients = () => new AwsClients(new ApiCallCounter(), { rateLimits: false });

const bucket = (name: string, status: Finding['status'], overrides: Partial<Finding> = {}) =>
  finding('s3-bucket-versioning-enabled', `arn:aws:s3:::${name}`, status, overrides);
/** What GetFindings returns for a finding srm-scan imported before. */
const active = (f: Finding): AwsSecurityFinding => ({
  ...asffFinding(f, { importRegion: REGION }),
  RecordState: 'ACTIVE',
});
const imported = (): AwsSecurityFinding[] =>
  hub.commandCalls(BatchImportFindingsCommand).flatMap((call) => call.args[0].input.Findings ?? []);

describe('Function: pushToSecurityHub', () => {
  beforeEach(() => {
    hub.reset();
    sleeps.length = 0;
    hub.on(GetFindingsCommand).resolves({ Findings: [] });
    hub.on(BatchImportFindingsCommand).callsFake(async (input: { Findings: AwsSecurityFinding[] }) => ({
      SuccessCount: input.Findings.length,
      FailedCount: 0,
      FailedFindings: [],
    }));
  });
  afterEach(() => {
    hub.reset();
  });

  it('imports only the FAIL findings, suppressed ones included, in calls of at most 100', async () => {
    // Prepare
    const failing = Array.from({ length: 250 }, (_, i) => bucket(`failing-${i}`, 'FAIL'));
    const suppressed = bucket('scratch', 'FAIL', {
      suppression: { index: 0, checkId: '*', resource: '*', reason: 'r' },
    });
    const report = makeReport([
      ...failing,
      suppressed,
      bucket('ok', 'PASS'),
      scopeError('s3-bucket-versioning-enabled', 's3', 'eu-west-1'),
    ]);

    // Act
    const result = await pushToSecurityHub(clients(), report, options);

    // Assess
    expect(result).toMatchObject({ imported: 251, archived: 0, failed: { count: 0 }, productArn: PRODUCT });
    const sizes = hub.commandCalls(BatchImportFindingsCommand).map((c) => c.args[0].input.Findings?.length);
    expect(sizes).toEqual([100, 100, 51]);
    expect(imported().every((r) => r.Compliance?.Status === 'FAILED' && r.ProductArn === PRODUCT)).toBe(true);
    expect(imported().find((r) => r.Id === suppressed.id)?.Workflow?.Status).toBe('SUPPRESSED');
  });

  it('retries the findings Security Hub rejected, with back-off, and reports those that still fail by error code', async () => {
    // Prepare
    const findings = [bucket('a', 'FAIL'), bucket('b', 'FAIL'), bucket('c', 'FAIL'), bucket('d', 'FAIL')];
    const [a, b, c, d] = findings.map((f) => f.id);
    const internal = (id: string | undefined) => ({ Id: id, ErrorCode: 'InternalFailure', ErrorMessage: 'try again' });
    hub
      .on(BatchImportFindingsCommand)
      .resolvesOnce({
        SuccessCount: 1,
        FailedCount: 3,
        FailedFindings: [internal(b), { Id: c, ErrorCode: 'InvalidInput', ErrorMessage: 'bad field' }, internal(d)],
      })
      .resolvesOnce({ SuccessCount: 1, FailedCount: 1, FailedFindings: [internal(d)] })
      .resolves({ SuccessCount: 0, FailedCount: 1, FailedFindings: [internal(d)] });

    // Act
    const result = await pushToSecurityHub(clients(), makeReport(findings), { ...options, maxAttempts: 3 });

    // Assess
    const sent = hub
      .commandCalls(BatchImportFindingsCommand)
      .map((call) => call.args[0].input.Findings?.map((f) => f.Id));
    // InvalidInput is not retried (a retry cannot fix it); InternalFailure is, until the attempts run out.
    expect(sent).toEqual([[a, b, c, d], [b, d], [d]]);
    expect(sleeps).toEqual([500, 1000]);
    expect(result.imported).toBe(2);
    expect(result.failed).toEqual({
      count: 2,
      byErrorCode: { InvalidInput: 1, InternalFailure: 1 },
      sample: [
        { id: c, errorCode: 'InvalidInput', message: 'bad field' },
        { id: d, errorCode: 'InternalFailure', message: 'try again' },
      ],
    });
    expect(describePush(result)).toContain('2 NOT imported (InvalidInput ×1, InternalFailure ×1)');
  });

  it('waits and sends a throttled call again', async () => {
    // Prepare
    hub
      .on(BatchImportFindingsCommand)
      .rejectsOnce(awsError('json', 'ThrottlingException', { status: 429, message: 'Rate exceeded' }))
      .resolves({ SuccessCount: 1, FailedCount: 0, FailedFindings: [] });

    // Act
    const result = await pushToSecurityHub(clients(), makeReport([bucket('a', 'FAIL')]), options);

    // Assess
    expect(result.imported).toBe(1);
    expect(result.calls.batchImportFindings).toBe(2);
    expect(sleeps).toEqual([500]);
  });

  it('throws AccessDenied at once, without retrying: the caller reports that nothing was pushed', async () => {
    // Prepare
    hub.on(BatchImportFindingsCommand).rejects(awsError('json', 'AccessDeniedException', { status: 403 }));

    // Act
    const push = pushToSecurityHub(clients(), makeReport([bucket('a', 'FAIL')]), options);

    // Assess
    await expect(push).rejects.toMatchObject({ name: 'AccessDeniedException' });
    expect(hub).toHaveReceivedCommandTimes(BatchImportFindingsCommand, 1);
  });

  it('archives an earlier finding this scan resolved, and keeps those outside its scope or covered by an ERROR', async () => {
    // Prepare
    const fixed = bucket('fixed', 'PASS');
    const gone = bucket('deleted', 'FAIL');
    const otherCheck = finding('ec2-volume-encrypted', 'arn:aws:ec2:us-east-1:123456789012:volume/vol-1', 'FAIL');
    const otherRegion = bucket('paris', 'FAIL', { region: 'eu-west-3' });
    const errored = finding('iam-user-mfa-enabled', 'arn:aws:iam::123456789012:user/alice', 'FAIL', {
      region: 'global',
    });
    const otherTool: AwsSecurityFinding = { ...active(bucket('x', 'FAIL')), ProductFields: {} };
    const stillFailing = bucket('open', 'FAIL');
    hub
      .on(GetFindingsCommand)
      .resolvesOnce({
        Findings: [active(fixed), active(gone), active(stillFailing)],
        NextToken: 'page-2',
      })
      .resolvesOnce({
        Findings: [active(otherCheck), active(otherRegion), active(errored), otherTool],
      });
    const report = makeReport(
      [{ ...fixed, status: 'PASS' }, stillFailing, scopeError('iam-user-mfa-enabled', 'iam', 'global')],
      { checks: ['s3-bucket-versioning-enabled', 'iam-user-mfa-enabled'], regions: ['us-east-1', 'eu-west-1'] },
    );

    // Act
    const result = await pushToSecurityHub(clients(), report, options);

    // Assess
    expect(result).toMatchObject({ imported: 1, archived: 2, keptOutOfScope: 3, calls: { getFindings: 2 } });
    const archived = imported().filter((r) => r.RecordState === 'ARCHIVED');
    expect(archived.map((r) => r.Id).sort()).toEqual([fixed.id, gone.id].sort());
    expect(archived.find((r) => r.Id === fixed.id)).toMatchObject({
      Compliance: { Status: 'PASSED' },
      UpdatedAt: '2026-11-21T03:00:00.000Z',
    });
    expect(hub).toHaveReceivedCommandWith(GetFindingsCommand, {
      Filters: {
        ProductArn: [{ Value: PRODUCT, Comparison: 'EQUALS' }],
        AwsAccountId: [{ Value: '123456789012', Comparison: 'EQUALS' }],
        RecordState: [{ Value: 'ACTIVE', Comparison: 'EQUALS' }],
      },
    });
  });
  it('reports a record over 240 KB (UTF-8 bytes) as FindingTooLarge and counts the bytes of every request sent', async () => {
    // Prepare: 'é' is 2 bytes, so 125,000 of them are under 240 KB as characters but over it as bytes.
    const large = { ...active(bucket('large', 'FAIL')), Description: 'é'.repeat(125_000) };
    const fits = { ...active(bucket('fits', 'FAIL')), Description: 'é'.repeat(100_000) };
    hub.on(GetFindingsCommand).resolves({ Findings: [large, fits] });
    const report = makeReport([bucket('open', 'FAIL')], {
      checks: ['s3-bucket-versioning-enabled'],
      regions: ['us-east-1', 'eu-west-1'],
    });

    // Act
    const result = await pushToSecurityHub(clients(), report, options);

    // Assess
    expect(result).toMatchObject({ imported: 1, archived: 1 });
    expect(result.failed.sample).toEqual([
      { id: large.Id, errorCode: 'FindingTooLarge', message: "over Security Hub's 245760-byte limit per finding" },
    ]);
    expect(imported().map((r) => r.Id)).not.toContain(large.Id);
    const sent = hub
      .commandCalls(BatchImportFindingsCommand)
      .map((call) => Buffer.byteLength(JSON.stringify({ Findings: call.args[0].input.Findings })));
    expect(sent).toHaveLength(2);
    expect(result.bytes).toBe(sent.reduce((sum, n) => sum + n, 0));
  });
});

describe('Function: batches', () => {
  it('cuts at 100 findings and before the byte limit', () => {
    // Prepare
    const records = Array.from({ length: 30 }, (_, i) =>
      asffFinding(bucket(`b-${String(i).padStart(2, '0')}`, 'FAIL')),
    );
    const size = Buffer.byteLength(JSON.stringify(records[0])) + 1;

    // Act
    const byBytes = batches(records, size * 10);
    const byCount = batches([...records, ...records, ...records, ...records]);

    // Assess
    expect(byBytes.map((b) => b.length)).toEqual([10, 10, 10]);
    expect(byCount.map((b) => b.length)).toEqual([100, 20]);
  });
});

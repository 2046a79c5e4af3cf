import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MotoServer, startMoto } from '../../demo/moto.js';
import {
  formatOrganizationDigest,
  mergeAccountResults,
  summariseOrganization,
} from '../../lambdas/core/alerts/organization-digest.js';
import { ApiCallCounter } from '../../lambdas/core/aws/api-calls.js';
import { AwsClients } from '../../lambdas/core/aws/clients.js';
import { CHECKS } from '../../lambdas/core/checks/registry.js';
import { parseConfig } from '../../lambdas/core/config/config-file.js';
import { findingKeys } from '../../lambdas/core/findings/items.js';
import { runScanJob } from '../../lambdas/core/job/run-scan-job.js';
import { memberAccountClients } from '../../lambdas/core/org/member-session.js';
import { ORGANIZATION_EVENT_SOURCE } from '../../lambdas/scanner/event.js';
import { type AccountScanResult, createScanHandler } from '../../lambdas/scanner/handler.js';
import { createTable } from '../helpers/moto-alerts.js';
import { type AwsProxy, startAwsProxy } from '../proxy/aws-proxy.js';

const REGION = 'us-east-1';
const TABLE = 'srm-scan-findings';
const MEMBERS = ['111111111111', '222222222222'] as const;
/** A member whose role does not let the scanner in: the proxy denies its AssumeRole (moto would allow any). */
const DENIED = '333333333333';

/**
 * The scanner function's handler in organisation mode against moto: each item assumes the member role (moto
 * answers AssumeRole for any account id, and what those credentials create lives in that account), scans that
 * account, stores its findings under its own keys and returns the compact result the aggregation step merges.
 */
describe('Integration: organisation mode scanner handler on moto', () => {
  let moto: MotoServer;
  let audit: AwsClients;
  let proxy: AwsProxy;
  const results: AccountScanResult[] = [];
  /** The failed Map item as the ResultWriter records it: the Lambda's error type and message. */
  const failures: { accountId: string; error: string; cause?: string }[] = [];

  beforeAll(async () => {
    moto = await startMoto();
    proxy = await startAwsProxy({
      upstream: moto.endpoint,
      buckets: false,
      faults: { accessDenied: [{ operation: 'sts:AssumeRole', roleArn: `arn:aws:iam::${DENIED}:role/SrmScanReader` }] },
    });
    audit = new AwsClients(new ApiCallCounter(), { endpoint: moto.endpoint });
    await createTable(audit.get(DynamoDBClient, REGION), TABLE);
    const member = (accountId: string) =>
      memberAccountClients(
        new ApiCallCounter(),
        { endpoint: moto.endpoint },
        { accountId, roleName: 'SrmScanReader', externalId: 'ext-123' },
        { stsRegion: REGION },
      );
    // Seed: one bucket in the first member, two in the second.
    for (const [accountId, buckets] of [
      [MEMBERS[0], ['alpha-logs']],
      [MEMBERS[1], ['beta-data', 'beta-backups']],
    ] as const) {
      const clients = member(accountId);
      for (const name of buckets) await clients.get(S3Client, REGION).send(new CreateBucketCommand({ Bucket: name }));
      clients.destroy();
    }
    const handler = createScanHandler({
      runScanJob,
      environment: () => ({
        config: parseConfig({ regions: [REGION], checks: ['s3-*'] }, 'integration test'),
        findingsTable: TABLE,
        alertTopicArn: 'arn:aws:sns:us-east-1:999999999999:alerts',
        minAlertSeverity: 'medium',
        notifyOn: 'changes',
        historyTtlDays: 30,
        region: REGION,
        organization: { memberRoleName: 'SrmScanReader', externalId: 'ext-123' },
      }),
      catalogue: CHECKS,
      // The scanner's own clients (audit account, default credentials): the findings table's.
      createClients: () => new AwsClients(new ApiCallCounter(), { endpoint: moto.endpoint }),
      createMemberClients: (memberAccount, stsRegion) =>
        memberAccountClients(new ApiCallCounter(), { endpoint: proxy.endpoint }, memberAccount, { stsRegion }),
      logger: { addContext: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
      metrics: { count: () => undefined, seconds: () => undefined, flush: () => undefined },
    });
    for (const accountId of [...MEMBERS, DENIED]) {
      try {
        results.push((await handler({ source: ORGANIZATION_EVENT_SOURCE, accountId })) as AccountScanResult);
      } catch (error) {
        failures.push({ accountId, error: (error as Error).name, cause: (error as Error).message });
      }
    }
  }, 180_000);

  afterAll(async () => {
    audit?.destroy();
    await proxy?.stop();
    await moto?.stop();
  });

  it('scans each member account as itself and returns its compact result', () => {
    // Prepare, Act
    const accounts = results.map((r) => [r.kind, r.accountId, r.complete]);

    // Assess
    expect(accounts).toEqual([
      ['srm-scan.account-result', MEMBERS[0], true],
      ['srm-scan.account-result', MEMBERS[1], true],
    ]);
    expect(results[1]?.totals.FAIL).toBeGreaterThan(results[0]?.totals.FAIL ?? 0);
  });

  it('fails the item of a member whose role denies the scanner, naming the role', () => {
    // Prepare, Act
    const [failure] = failures;

    // Assess
    expect(failures).toHaveLength(1);
    expect(failure?.accountId).toBe(DENIED);
    expect(failure?.cause).toContain(`Could not assume arn:aws:iam::${DENIED}:role/SrmScanReader: AccessDenied`);
  });

  it("stores each account's findings under its own keys, naming only its own buckets", async () => {
    // Prepare
    const dynamo = audit.get(DynamoDBClient, REGION);
    const resourcesOf = async (accountId: string) => {
      const scans = await dynamo.send(
        new QueryCommand({
          TableName: TABLE,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': { S: findingKeys.scan(accountId, '', '').pk } },
        }),
      );
      return (scans.Items ?? []).map((item) => unmarshall(item));
    };

    // Act
    const first = await resourcesOf(MEMBERS[0]);
    const second = await resourcesOf(MEMBERS[1]);

    // Assess
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
    expect(JSON.stringify(first)).not.toContain('beta-');
    expect(results[0]?.alertable.sample.every((f) => !f.resourceId.startsWith('beta-'))).toBe(true);
    expect(results[1]?.alertable.sample.some((f) => f.resourceId.startsWith('beta-'))).toBe(true);
  });

  it('merges into one organisation digest grouped by account', () => {
    // Prepare
    const outcomes = mergeAccountResults(results, failures);
    const summary = summariseOrganization(outcomes, { executionName: 'it', startedAt: '2026-11-25T03:00:00Z' });

    // Act
    const digest = formatOrganizationDigest(summary, outcomes, 'medium');

    // Assess
    expect(summary.accounts).toEqual({ total: 3, scanned: 2, partial: 0, failed: 1 });
    expect(digest.body).toContain(DENIED);
    expect(digest.body.indexOf(`ACCOUNT ${MEMBERS[0]}`)).toBeLessThan(digest.body.indexOf(`ACCOUNT ${MEMBERS[1]}`));
    expect(digest.body.slice(digest.body.indexOf(`ACCOUNT ${MEMBERS[1]}`))).toContain('beta-data');
  });
});

import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { AwsClients } from '../../lambdas/core/aws/clients.js';
import type { SliceCollector } from '../../lambdas/core/collectors/types.js';
import { parseConfig } from '../../lambdas/core/config/config-file.js';
import { runOrganizationScan } from '../../lambdas/core/org/organization-scan.js';
import { fakeCollectors } from '../helpers/fake-collectors.js';
import { FAKE_CHECKS } from '../job/fake-catalogue.js';
import { memoryTable } from '../job/memory-table.js';

const SCANNER = '999999999999';
const sts = mockClient(STSClient);
const ec2 = mockClient(EC2Client);
const eventBridge = mockClient(EventBridgeClient);
const table = memoryTable();
const keysOf = (accountId: string): AwsCredentialIdentity => ({ accessKeyId: `KEY${accountId}`, secretAccessKey: 's' });

/** Each account has one untagged bucket (a FAIL) and no volume. */
const collectors = () => {
  const buckets: SliceCollector<'s3.buckets'> = {
    key: 's3.buckets',
    scope: 'global',
    actions: ['s3:ListAllMyBuckets'],
    collect: async ({ accountId }) => [
      {
        arn: `arn:aws:s3:::bucket-${accountId}`,
        id: `bucket-${accountId}`,
        name: `bucket-${accountId}`,
        region: 'global',
        accountId,
        tags: {},
      },
    ],
  };
  const volumes: SliceCollector<'ec2.volumes'> = {
    key: 'ec2.volumes',
    scope: 'regional',
    actions: [],
    collect: async () => [],
  };
  return fakeCollectors({ 's3.buckets': buckets, 'ec2.volumes': volumes });
};

describe('Function: runOrganizationScan with events', () => {
  beforeEach(() => {
    sts.reset();
    ec2.reset();
    eventBridge.reset();
    table.reset();
    sts.on(GetCallerIdentityCommand).callsFake(async (_input, getClient) => {
      const credentials = getClient().config.credentials as () => Promise<AwsCredentialIdentity>;
      const account = (await credentials()).accessKeyId.replace('KEY', '');
      return { Account: account, Arn: `arn:aws:sts::${account}:assumed-role/SrmScanReader/srm-scan` };
    });
    ec2
      .on(DescribeRegionsCommand)
      .resolves({ Regions: [{ RegionName: 'us-east-1', OptInStatus: 'opt-in-not-required' }] });
    eventBridge.on(PutEventsCommand).callsFake((input: { Entries: PutEventsRequestEntry[] }) => ({
      FailedEntryCount: 0,
      Entries: input.Entries.map((_, i) => ({ EventId: `e-${i}` })),
    }));
  });
  afterAll(() => {
    sts.restore();
    ec2.restore();
    eventBridge.restore();
    table.restore();
  });

  it("puts each member account's events on the scanner's bus with the scanner's credentials, the account in the detail", async () => {
    // Prepare
    const accounts = ['111111111111', '222222222222'];

    // Act
    await runOrganizationScan({
      accounts,
      checks: FAKE_CHECKS,
      collectors: collectors(),
      config: parseConfig({ regions: ['us-east-1'] }, 'test'),
      clientOptions: { region: 'us-east-1', credentials: keysOf(SCANNER) },
      callerAccountId: SCANNER,
      memberClients: (member, counter) =>
        new AwsClients(counter, { region: 'us-east-1', credentials: keysOf(member.accountId) }),
      store: { tableName: 'findings', region: 'us-east-1' },
      events: { busName: 'default' },
    });

    // Assess
    const calls = eventBridge.commandCalls(PutEventsCommand);
    const sent = calls.flatMap((c) =>
      (c.args[0].input.Entries ?? []).map((e: PutEventsRequestEntry) => {
        const detail = JSON.parse(e.Detail ?? '{}') as { accountId: string };
        return `${detail.accountId} ${e.DetailType}`;
      }),
    );
    expect(sent.sort()).toEqual([
      '111111111111 srm-scan Finding New',
      '111111111111 srm-scan Scan Summary',
      '222222222222 srm-scan Finding New',
      '222222222222 srm-scan Scan Summary',
    ]);
    const senders = await Promise.all(
      calls.map(async (call) => {
        const client = call.thisValue as EventBridgeClient;
        return (await (client.config.credentials as () => Promise<AwsCredentialIdentity>)()).accessKeyId;
      }),
    );
    expect(new Set(senders)).toEqual(new Set([`KEY${SCANNER}`]));
  });
});

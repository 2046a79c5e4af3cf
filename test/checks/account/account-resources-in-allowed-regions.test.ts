import { beforeAll, describe, expect, it } from 'vitest';
import { accountResourcesInAllowedRegions } from '../../../lambdas/core/checks/account/account-resources-in-allowed-regions.js';
import type { CheckTools } from '../../../lambdas/core/checks/define-check.js';
import { defaultSettings, type Settings } from '../../../lambdas/core/config/settings.js';
import type { DynamoTable, Inventory, KmsKey, S3Bucket } from '../../../lambdas/core/inventory/index.js';
import { ActionCatalog } from '../../../lambdas/core/policy/actions.js';
import { ACCOUNT_ID, inventoryWith } from '../../fixtures/scan.js';

const ACCOUNT = ACCOUNT_ID;

const bucket = (name: string, region: string): S3Bucket => ({
  arn: `arn:aws:s3:::${name}`,
  id: name,
  name,
  region,
  accountId: ACCOUNT,
});

const table = (name: string, region: string, replicaRegions: string[] = []): DynamoTable => ({
  arn: `arn:aws:dynamodb:${region}:${ACCOUNT}:table/${name}`,
  id: name,
  name,
  region,
  accountId: ACCOUNT,
  deletionProtectionEnabled: true,
  replicaRegions,
});

const key = (id: string, region: string, replicaRegions: string[] = [], primaryRegion?: string): KmsKey => ({
  arn: `arn:aws:kms:${region}:${ACCOUNT}:key/${id}`,
  id,
  region,
  accountId: ACCOUNT,
  keyState: 'Enabled',
  multiRegion: replicaRegions.length > 0 || primaryRegion !== undefined,
  ...(primaryRegion && { primaryRegion }),
  replicaRegions,
  aliases: [],
});

function inventory(parts: {
  buckets?: S3Bucket[];
  replication?: { arn: string; region: string; destinations: { bucketArn: string }[] }[];
  tables?: DynamoTable[];
  keys?: KmsKey[];
}): Inventory {
  return inventoryWith(
    {
      's3.buckets': parts.buckets ?? [],
      's3.bucketReplication': parts.replication ?? [],
      'ec2.instances': [],
      'ec2.volumes': [],
      'ec2.snapshots': [],
      'ec2.images': [],
      'rds.instances': [],
      'rds.clusters': [],
      'rds.snapshots': [],
      'rds.clusterSnapshots': [],
      'dynamodb.tables': parts.tables ?? [],
      'lambda.functions': [],
      'kms.keys': parts.keys ?? [],
    },
    { regions: ['eu-west-1', 'ap-southeast-1'] },
  );
}

const allowedEu = (): Settings => ({ ...defaultSettings(), allowedRegions: ['eu-west-1', 'eu-central-1'] });

describe('Check: account-resources-in-allowed-regions', () => {
  let tools: CheckTools;
  beforeAll(async () => {
    tools = { actions: await ActionCatalog.load(['s3']) };
  });

  it('fails a resource in a region outside the allowed list', () => {
    // Prepare
    const inv = inventory({ buckets: [bucket('apac-archive', 'ap-southeast-1')] });

    // Act
    const results = accountResourcesInAllowedRegions.evaluate(inv, allowedEu(), tools);

    // Assess
    expect(results).toEqual([
      expect.objectContaining({
        status: 'FAIL',
        message: 'S3 bucket apac-archive is in ap-southeast-1, outside the allowed regions (eu-west-1, eu-central-1).',
      }),
    ]);
  });

  it('passes resources in allowed regions', () => {
    // Prepare
    const inv = inventory({ buckets: [bucket('eu-data', 'eu-west-1')], tables: [table('orders', 'eu-central-1')] });

    // Act
    const results = accountResourcesInAllowedRegions.evaluate(inv, allowedEu(), tools);

    // Assess
    expect(results.map((r) => r.status)).toEqual(['PASS', 'PASS']);
  });

  it('fails a bucket in an allowed region that replicates into a disallowed one', () => {
    // Prepare
    const source = bucket('eu-records', 'eu-west-1');
    const replica = bucket('apac-copy', 'ap-southeast-1');
    const inv = inventory({
      buckets: [source, replica],
      replication: [{ arn: source.arn, region: 'eu-west-1', destinations: [{ bucketArn: replica.arn }] }],
    });

    // Act
    const results = accountResourcesInAllowedRegions.evaluate(inv, allowedEu(), tools);

    // Assess
    const sourceResult = results.find((r) => r.resource.arn === source.arn);
    expect(sourceResult?.status).toBe('FAIL');
    expect(sourceResult?.message).toContain('a replica in bucket apac-copy in ap-southeast-1');
  });

  it('cannot judge a bucket replicating to a bucket of another account', () => {
    // Prepare
    const source = bucket('eu-records', 'eu-west-1');
    const inv = inventory({
      buckets: [source],
      replication: [{ arn: source.arn, region: 'eu-west-1', destinations: [{ bucketArn: 'arn:aws:s3:::partner-dr' }] }],
    });

    // Act
    const results = accountResourcesInAllowedRegions.evaluate(inv, allowedEu(), tools);

    // Assess
    expect(results[0]?.status).toBe('ERROR');
    expect(results[0]?.message).toContain('could not be determined');
  });

  it('fails a global table with a replica outside the allowed regions', () => {
    // Prepare
    const inv = inventory({ tables: [table('sessions', 'eu-west-1', ['us-east-1'])] });

    // Act
    const results = accountResourcesInAllowedRegions.evaluate(inv, allowedEu(), tools);

    // Assess
    expect(results[0]?.status).toBe('FAIL');
    expect(results[0]?.message).toContain('a global-table replica in us-east-1');
  });

  it('fails a multi-Region key whose replica is outside the allowed regions, and passes one that is not', () => {
    // Prepare
    const inv = inventory({
      keys: [key('mrk-1', 'eu-west-1', ['us-west-2']), key('mrk-2', 'eu-central-1', [], 'eu-west-1')],
    });

    // Act
    const results = accountResourcesInAllowedRegions.evaluate(inv, allowedEu(), tools);

    // Assess
    expect(results.map((r) => [r.resource.id, r.status])).toEqual([
      ['mrk-1', 'FAIL'],
      ['mrk-2', 'PASS'],
    ]);
  });

  it('reports that residency is not configured instead of guessing when allowedRegions is unset', () => {
    // Prepare
    const inv = inventory({ buckets: [bucket('apac-archive', 'ap-southeast-1')] });

    // Act
    const results = accountResourcesInAllowedRegions.evaluate(inv, defaultSettings(), tools);

    // Assess
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: 'ERROR', resource: { region: 'global' } });
    expect(results[0]?.message).toContain('Data residency is not configured');
  });

  it('has nothing to report for an account without data-bearing resources', () => {
    // Prepare
    const inv = inventory({});

    // Act
    const results = accountResourcesInAllowedRegions.evaluate(inv, allowedEu(), tools);

    // Assess
    expect(results).toEqual([]);
  });
});

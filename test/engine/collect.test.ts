import { describe, expect, it } from 'vitest';
import { ApiCallCounter } from '../../lambdas/core/aws/api-calls.js';
import { AwsClients } from '../../lambdas/core/aws/clients.js';
import type { CollectContext } from '../../lambdas/core/collectors/types.js';
import { type CollectProgress, collectInventory } from '../../lambdas/core/engine/collect.js';
import type { EbsVolume, LambdaFunction, S3Bucket, SliceTypes } from '../../lambdas/core/inventory/index.js';
import { trail } from '../fixtures/cloudtrail.js';
import { lambdaFunction } from '../fixtures/lambda.js';
import { awsError } from '../helpers/aws-errors.js';
import { fakeCollectors } from '../helpers/fake-collectors.js';

const volume = (region: string, id: string): EbsVolume => ({
  arn: `arn:aws:ec2:${region}:123456789012:volume/${id}`,
  id,
  region,
  accountId: '123456789012',
  encrypted: true,
  state: 'in-use',
  attachedInstanceIds: [],
});

const bucket = (name: string): S3Bucket => ({
  arn: `arn:aws:s3:::${name}`,
  id: name,
  name,
  region: 'us-east-1',
  accountId: '123456789012',
});

const base = {
  accountId: '123456789012',
  partition: 'aws',
  regions: ['us-east-1', 'eu-west-1'],
  homeRegion: 'us-east-1',
  clients: new AwsClients(new ApiCallCounter()),
};

/** Fake Lambda collectors: the function listing of a region, and the policy reads that depend on it. */
const lambdaCollectors = (
  listFunctions: (region: string) => Promise<LambdaFunction[]>,
  readPolicies: (context: CollectContext) => Promise<SliceTypes['lambda.policies']> = async () => [],
) =>
  fakeCollectors({
    'lambda.functions': {
      key: 'lambda.functions',
      scope: 'regional',
      actions: ['lambda:ListFunctions'],
      collect: ({ region }) => listFunctions(region),
    },
    'lambda.policies': {
      key: 'lambda.policies',
      scope: 'regional',
      actions: ['lambda:GetPolicy'],
      dependsOn: ['lambda.functions'],
      collect: readPolicies,
    },
  });

describe('Function: collectInventory', () => {
  it('collects a regional slice in every region and concatenates the items', async () => {
    // Prepare
    const collectors = fakeCollectors({
      'ec2.volumes': {
        key: 'ec2.volumes',
        scope: 'regional',
        actions: ['ec2:DescribeVolumes'],
        collect: async ({ region }) => [volume(region, `vol-${region}`)],
      },
    });

    // Act
    const { slices, issues } = await collectInventory({ ...base, slices: ['ec2.volumes'], collectors });

    // Assess
    expect(slices['ec2.volumes']?.map((v) => v.id)).toEqual(['vol-us-east-1', 'vol-eu-west-1']);
    expect(issues).toEqual([]);
  });

  it('records a failed region as an issue and keeps the other regions', async () => {
    // Prepare
    const collectors = fakeCollectors({
      'ec2.volumes': {
        key: 'ec2.volumes',
        scope: 'regional',
        actions: ['ec2:DescribeVolumes'],
        collect: async ({ region }) => {
          if (region === 'eu-west-1')
            throw awsError('query', 'UnauthorizedOperation', { message: 'You are not authorized.' });
          return [volume(region, 'vol-1')];
        },
      },
    });

    // Act
    const { slices, issues } = await collectInventory({ ...base, slices: ['ec2.volumes'], collectors });

    // Assess
    expect(slices['ec2.volumes']).toHaveLength(1);
    expect(issues).toEqual([
      {
        slice: 'ec2.volumes',
        region: 'eu-west-1',
        errorCode: 'UnauthorizedOperation',
        message: 'You are not authorized.',
      },
    ]);
  });

  it('collects a dependency first, once, and hands it to the dependent slice', async () => {
    // Prepare
    let listings = 0;
    const collectors = fakeCollectors({
      's3.buckets': {
        key: 's3.buckets',
        scope: 'global',
        actions: ['s3:ListAllMyBuckets'],
        collect: async () => {
          listings += 1;
          return [bucket('a'), bucket('b')];
        },
      },
      's3.bucketVersioning': {
        key: 's3.bucketVersioning',
        scope: 'global',
        actions: ['s3:GetBucketVersioning'],
        dependsOn: ['s3.buckets'],
        collect: async (context) =>
          context.get('s3.buckets').map((b) => ({ arn: b.arn, region: b.region, status: 'Enabled', mfaDelete: false })),
      },
    });

    // Act
    const { slices } = await collectInventory({
      ...base,
      slices: ['s3.bucketVersioning', 's3.buckets'],
      collectors,
    });

    // Assess
    expect(listings).toBe(1);
    expect(slices['s3.bucketVersioning']?.map((v) => v.arn)).toEqual(['arn:aws:s3:::a', 'arn:aws:s3:::b']);
  });

  it("starts a regional dependent in a region once its dependency is listed there, with that region's part only", async () => {
    // Prepare: function listing is slow in eu-west-1; the us-east-1 policy reads must not wait for it.
    const events: string[] = [];
    const collectors = lambdaCollectors(
      async (region) => {
        if (region === 'eu-west-1') await new Promise((resolve) => setTimeout(resolve, 20));
        events.push(`functions ${region}`);
        return [lambdaFunction(`f-${region}`, { region })];
      },
      async (context) => {
        const seen = context.get('lambda.functions').map((f) => f.name);
        events.push(`policies ${context.region}: ${seen.join(',')}`);
        return [];
      },
    );

    // Act
    const { slices } = await collectInventory({ ...base, slices: ['lambda.policies'], collectors });

    // Assess
    expect(events).toEqual([
      'functions us-east-1',
      'policies us-east-1: f-us-east-1',
      'functions eu-west-1',
      'policies eu-west-1: f-eu-west-1',
    ]);
    expect(slices['lambda.functions']?.map((f) => f.name)).toEqual(['f-us-east-1', 'f-eu-west-1']);
  });

  it('hands a global dependent every region of a regional dependency', async () => {
    // Prepare
    let seen: string[] = [];
    const collectors = fakeCollectors({
      'cloudtrail.trails': {
        key: 'cloudtrail.trails',
        scope: 'regional',
        actions: ['cloudtrail:DescribeTrails'],
        collect: async ({ region }) => {
          if (region === 'eu-west-1') await new Promise((resolve) => setTimeout(resolve, 10));
          return [trail(`t-${region}`, { region })];
        },
      },
      'cloudtrail.trailStatus': {
        key: 'cloudtrail.trailStatus',
        scope: 'global',
        actions: ['cloudtrail:GetTrailStatus'],
        dependsOn: ['cloudtrail.trails'],
        collect: async (context) => {
          seen = context.get('cloudtrail.trails').map((t) => t.name);
          return [];
        },
      },
    });

    // Act
    await collectInventory({ ...base, slices: ['cloudtrail.trailStatus'], collectors });

    // Assess
    expect(seen).toEqual(['t-us-east-1', 't-eu-west-1']);
  });

  it('collects a regional dependent where its dependency was listed, and not where the listing failed', async () => {
    // Prepare
    const collectors = lambdaCollectors(async (region) => {
      if (region === 'eu-west-1') throw awsError('json', 'AccessDeniedException');
      return [];
    });

    // Act
    const { issues } = await collectInventory({ ...base, slices: ['lambda.policies'], collectors });

    // Assess
    expect(issues.map((i) => [i.slice, i.region, i.errorCode])).toEqual([
      ['lambda.functions', 'eu-west-1', 'AccessDeniedException'],
      ['lambda.policies', 'eu-west-1', 'DependencyFailed'],
    ]);
  });

  it('marks a dependent slice as not collected when its dependency failed', async () => {
    // Prepare
    const collectors = fakeCollectors({
      's3.buckets': {
        key: 's3.buckets',
        scope: 'global',
        actions: ['s3:ListAllMyBuckets'],
        collect: async () => {
          throw awsError('query', 'AccessDenied');
        },
      },
      's3.bucketVersioning': {
        key: 's3.bucketVersioning',
        scope: 'global',
        actions: ['s3:GetBucketVersioning'],
        dependsOn: ['s3.buckets'],
        collect: async () => [],
      },
    });

    // Act
    const { slices, issues } = await collectInventory({ ...base, slices: ['s3.bucketVersioning'], collectors });

    // Assess
    expect(slices['s3.bucketVersioning']).toBeUndefined();
    expect(issues.map((i) => [i.slice, i.errorCode])).toEqual([
      ['s3.buckets', 'AccessDenied'],
      ['s3.bucketVersioning', 'DependencyFailed'],
    ]);
  });

  it('keeps per-resource issues reported by a collector', async () => {
    // Prepare
    const collectors = fakeCollectors({
      's3.buckets': {
        key: 's3.buckets',
        scope: 'global',
        actions: ['s3:ListAllMyBuckets'],
        collect: async (context) => {
          context.reportIssue({
            resourceArn: 'arn:aws:s3:::b',
            region: 'us-east-1',
            error: awsError('query', 'AccessDenied'),
          });
          return [bucket('a')];
        },
      },
    });

    // Act
    const { issues } = await collectInventory({ ...base, slices: ['s3.buckets'], collectors });

    // Assess
    expect(issues).toEqual([
      {
        slice: 's3.buckets',
        region: 'us-east-1',
        resourceArn: 'arn:aws:s3:::b',
        errorCode: 'AccessDenied',
        message: 'AccessDenied',
      },
    ]);
  });

  it('reports progress once per slice and region', async () => {
    // Prepare
    const progress: CollectProgress[] = [];
    const collectors = fakeCollectors({
      'ec2.volumes': {
        key: 'ec2.volumes',
        scope: 'regional',
        actions: ['ec2:DescribeVolumes'],
        collect: async () => [],
      },
      's3.buckets': { key: 's3.buckets', scope: 'global', actions: ['s3:ListAllMyBuckets'], collect: async () => [] },
    });

    // Act
    await collectInventory({
      ...base,
      slices: ['ec2.volumes', 's3.buckets'],
      collectors,
      onProgress: (p) => progress.push(p),
    });

    // Assess
    expect(progress.map((p) => `${p.slice}@${p.region}`).sort()).toEqual([
      'ec2.volumes@eu-west-1',
      'ec2.volumes@us-east-1',
      's3.buckets@global',
    ]);
    expect(progress.at(-1)).toMatchObject({ done: 3, total: 3 });
  });
});

describe('Function: collectInventory order', () => {
  it('runs a listing that feeds per-resource reads, and those reads, before listings queued ahead of them', async () => {
    // Prepare: one slot; the bucket listing feeds the per-bucket policy reads, volumes feed nothing.
    const order: string[] = [];
    const collectors = fakeCollectors({
      's3.buckets': {
        key: 's3.buckets',
        scope: 'global',
        actions: ['s3:ListAllMyBuckets'],
        collect: async () => {
          order.push('buckets');
          return [bucket('logs')];
        },
      },
      's3.bucketPolicies': {
        key: 's3.bucketPolicies',
        scope: 'global',
        dependsOn: ['s3.buckets'],
        actions: ['s3:GetBucketPolicy'],
        collect: async () => {
          order.push('policies');
          return [];
        },
      },
      'ec2.volumes': {
        key: 'ec2.volumes',
        scope: 'regional',
        actions: ['ec2:DescribeVolumes'],
        collect: async ({ region }) => {
          order.push(`volumes ${region}`);
          await new Promise((resolve) => setTimeout(resolve, 5));
          return [];
        },
      },
    });

    // Act
    await collectInventory({
      ...base,
      regions: ['us-east-1', 'eu-west-1', 'ap-south-1'],
      concurrency: 1,
      slices: ['ec2.volumes', 's3.bucketPolicies'],
      collectors,
    });

    // Assess: the first volume listing had the free slot; then the bucket listing and its policy reads go ahead of
    // the volume listings queued before them (the next slot was already handed out when the listing ended).
    expect(order).toEqual(['volumes us-east-1', 'buckets', 'volumes eu-west-1', 'policies', 'volumes ap-south-1']);
  });
});

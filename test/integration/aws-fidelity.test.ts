import {
  CreateSnapshotCommand,
  CreateVolumeCommand,
  EC2Client,
  ModifySnapshotAttributeCommand,
} from '@aws-sdk/client-ec2';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, CreateFunctionUrlConfigCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MotoServer, startMoto } from '../../demo/moto.js';
import { zipOf } from '../../demo/seed/serverless.js';
import { ApiCallCounter } from '../../lambdas/core/aws/api-calls.js';
import { AwsClients } from '../../lambdas/core/aws/clients.js';
import { COLLECTORS } from '../../lambdas/core/collectors/index.js';
import { type CollectedInventory, collectInventory } from '../../lambdas/core/engine/collect.js';
import type { SliceKey } from '../../lambdas/core/inventory/index.js';
import { type AwsProxy, startAwsProxy } from '../proxy/aws-proxy.js';

const ACCOUNT = '123456789012';
const REGIONS = ['us-east-1', 'eu-west-1'];
const SLICES: SliceKey[] = ['ec2.snapshots', 's3.buckets', 'lambda.functionUrls'];

/** Collects the slices through `endpoint`; returns the inventory and the calls the scanner made, by operation. */
async function collectThrough(
  endpoint: string,
): Promise<{ inventory: CollectedInventory; calls: Record<string, number> }> {
  const counter = new ApiCallCounter();
  const clients = new AwsClients(counter, { endpoint });
  try {
    const inventory = await collectInventory({
      slices: SLICES,
      collectors: COLLECTORS,
      accountId: ACCOUNT,
      partition: 'aws',
      regions: REGIONS,
      homeRegion: 'us-east-1',
      clients,
    });
    return { inventory, calls: counter.byOperation() };
  } finally {
    clients.destroy();
  }
}

describe('Integration: the proxy answers as AWS where moto differs (awsFidelity)', () => {
  let moto: MotoServer;
  let proxy: AwsProxy;

  beforeAll(async () => {
    // Prepare: three snapshots (one public), two buckets in two regions, two functions (one with a URL).
    moto = await startMoto();
    const seed = new AwsClients(new ApiCallCounter(), { endpoint: moto.endpoint, rateLimits: false });
    const ec2 = seed.get(EC2Client, 'us-east-1');
    const volume = await ec2.send(new CreateVolumeCommand({ AvailabilityZone: 'us-east-1a', Size: 8 }));
    const snapshots = [];
    for (const n of [1, 2, 3]) {
      snapshots.push(await ec2.send(new CreateSnapshotCommand({ VolumeId: volume.VolumeId, Description: `s${n}` })));
    }
    await ec2.send(
      new ModifySnapshotAttributeCommand({
        SnapshotId: snapshots[1]?.SnapshotId,
        Attribute: 'createVolumePermission',
        OperationType: 'add',
        GroupNames: ['all'],
      }),
    );
    await seed.get(S3Client, 'us-east-1').send(new CreateBucketCommand({ Bucket: 'fidelity-virginia' }));
    await seed.get(S3Client, 'eu-west-1').send(
      new CreateBucketCommand({
        Bucket: 'fidelity-ireland',
        CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' },
      }),
    );
    const lambda = seed.get(LambdaClient, 'us-east-1');
    const role = `arn:aws:iam::${ACCOUNT}:role/fidelity-lambda`;
    await seed.get(IAMClient, 'us-east-1').send(
      new CreateRoleCommand({
        RoleName: 'fidelity-lambda',
        AssumeRolePolicyDocument: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
        }),
      }),
    );
    for (const name of ['with-url', 'without-url']) {
      await lambda.send(
        new CreateFunctionCommand({
          FunctionName: name,
          Runtime: 'nodejs20.x',
          Role: role,
          Handler: 'index.handler',
          Code: { ZipFile: zipOf('index.js', 'exports.handler = async () => 1;\n') },
        }),
      );
    }
    await lambda.send(new CreateFunctionUrlConfigCommand({ FunctionName: 'with-url', AuthType: 'NONE' }));
    seed.destroy();
    proxy = await startAwsProxy({ upstream: moto.endpoint, awsFidelity: true, buckets: false });
  });

  afterAll(async () => {
    await proxy?.stop();
    await moto?.stop();
  });

  it('collects the same inventory as directly from moto, with only the calls AWS would need', async () => {
    // Act
    const direct = await collectThrough(moto.endpoint);
    const shimmed = await collectThrough(proxy.endpoint);

    // Assess: the same slices …
    for (const slice of SLICES) expect(shimmed.inventory.slices[slice], slice).toEqual(direct.inventory.slices[slice]);
    expect(shimmed.inventory.issues).toEqual([]);
    // … the public snapshot is the only one confirmed through its attribute (moto alone: every snapshot) …
    expect(direct.calls['ec2:DescribeSnapshotAttribute']).toBe(3);
    expect(shimmed.calls['ec2:DescribeSnapshotAttribute']).toBe(1);
    // … buckets come with their region (no GetBucketLocation) …
    expect(direct.calls['s3:GetBucketLocation']).toBe(2);
    expect(shimmed.calls['s3:GetBucketLocation']).toBeUndefined();
    // … and the function URLs come from ListFunctionUrlConfigs alone.
    expect(direct.calls['lambda:GetFunctionUrlConfig']).toBe(2);
    expect(shimmed.calls['lambda:GetFunctionUrlConfig']).toBeUndefined();
    expect(shimmed.calls['lambda:ListFunctionUrlConfigs']).toBe(2);
  });
});

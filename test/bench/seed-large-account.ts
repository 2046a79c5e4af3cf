import {
  CreateSecurityGroupCommand,
  CreateSnapshotCommand,
  CreateVolumeCommand,
  DescribeImagesCommand,
  EC2Client,
  paginateDescribeVolumes,
  RunInstancesCommand,
} from '@aws-sdk/client-ec2';
import { CreatePolicyCommand, CreateRoleCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateDBInstanceCommand, CreateDBSnapshotCommand, RDSClient } from '@aws-sdk/client-rds';
import { type BucketLocationConstraint, CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import pLimit from 'p-limit';
import { zipOf } from '../../demo/seed/serverless.js';
import { ApiCallCounter } from '../../lambdas/core/aws/api-calls.js';
import { AwsClients } from '../../lambdas/core/aws/clients.js';
import type { AccountLayout } from './account-layout.js';
import { PRIMARY_REGION, type ResourceKind } from './reference-account.js';

export interface SeedOptions {
  endpoint: string;
  layout: AccountLayout;
  accountId: string;
  /** Requests in flight at once (the emulator is the bottleneck; a few per core keep it busy). */
  concurrency?: number;
}

export interface SeedResult {
  /** Wall time per resource kind, from the first request of the kind to its last answer (kinds overlap). */
  msByKind: Partial<Record<ResourceKind, number>>;
  /** Requests sent to seed. */
  calls: number;
  ms: number;
}

/** RunInstances launches this many instances per call (moto builds each reservation in one request). */
const INSTANCES_PER_CALL = 250;

const HANDLER = zipOf('index.js', 'exports.handler = async () => ({ statusCode: 200 });\n');

const TRUST = (service: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
  });

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

const regionsWith = (counts: Map<string, number>): [string, number][] => [...counts].filter(([, n]) => n > 0);

/**
 * Creates the synthetic account of `layout` on the emulator through its API, as fast as the API allows: one
 * RunInstances per 250 instances (each brings its root volume, so only the surplus volumes are created one by
 * one), every other create call in parallel across services and regions within `concurrency`. The other resources
 * have no batch create API. Returns timings; throws on the first request that still fails after retries.
 */
export async function seedLargeAccount(options: SeedOptions): Promise<SeedResult> {
  const counter = new ApiCallCounter();
  // Seeding writes to the emulator: no client-side pacing (it models AWS's read limits, and would stretch
  // thousands of IAM and S3 creations over minutes).
  const clients = new AwsClients(counter, {
    endpoint: options.endpoint,
    maxAttempts: 8,
    maxSockets: 64,
    rateLimits: false,
  });
  const limit = pLimit(options.concurrency ?? 24);
  const { layout } = options;
  const msByKind: SeedResult['msByKind'] = {};
  const started = performance.now();
  const timed = async (kind: ResourceKind, work: () => Promise<unknown>): Promise<void> => {
    const t = performance.now();
    try {
      await work();
    } catch (error) {
      throw new Error(`Seeding ${kind} failed: ${(error as Error).message}`, { cause: error });
    }
    msByKind[kind] = Math.max(msByKind[kind] ?? 0, performance.now() - t);
  };
  const each = (n: number, fn: (i: number) => Promise<unknown>) => Promise.all(range(n).map((i) => limit(() => fn(i))));
  const iam = clients.get(IAMClient, PRIMARY_REGION);
  let offset = 0;
  /** Globally unique names across regions. */
  const names = () => (offset += 1_000_000);

  const lambdaRole = iam.send(
    new CreateRoleCommand({
      RoleName: 'bench-lambda-execution',
      AssumeRolePolicyDocument: TRUST('lambda.amazonaws.com'),
    }),
  );

  const s3 = timed('buckets', () =>
    Promise.all(
      regionsWith(layout.buckets).map(([region, n]) => {
        const base = names();
        return each(n, (i) =>
          clients.get(S3Client, region).send(
            new CreateBucketCommand({
              Bucket: `srm-bench-${base + i}`,
              ...(region !== 'us-east-1' && {
                CreateBucketConfiguration: { LocationConstraint: region as BucketLocationConstraint },
              }),
            }),
          ),
        );
      }),
    ),
  );

  const users = timed('users', () =>
    each(layout.users.get(PRIMARY_REGION) ?? 0, (i) =>
      iam.send(new CreateUserCommand({ UserName: `bench-user-${i}` })),
    ),
  );
  const roles = timed('roles', () =>
    // The Lambda execution role is one of them.
    each(Math.max(0, (layout.roles.get(PRIMARY_REGION) ?? 0) - 1), (i) =>
      iam.send(
        new CreateRoleCommand({ RoleName: `bench-role-${i}`, AssumeRolePolicyDocument: TRUST('ec2.amazonaws.com') }),
      ),
    ),
  );
  const policies = timed('customerManagedPolicies', () =>
    each(layout.customerManagedPolicies.get(PRIMARY_REGION) ?? 0, (i) =>
      iam.send(
        new CreatePolicyCommand({
          PolicyName: `bench-policy-${i}`,
          PolicyDocument: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: `arn:aws:s3:::srm-bench-${i}/*` }],
          }),
        }),
      ),
    ),
  );

  /**
   * Region by region in parallel; within a region one kind after the other (instances, surplus volumes, snapshots of
   * them, security groups): moto's EC2 backend is not thread-safe, and a create racing a listing or another kind's
   * create in the same region fails with HTTP 500 at this size.
   */
  const ec2 = Promise.all(
    [...layout.volumes.keys()].map(async (region) => {
      const ec2Client = clients.get(EC2Client, region);
      const instances = layout.instances.get(region) ?? 0;
      const volumes = layout.volumes.get(region) ?? 0;
      const snapshots = layout.snapshots.get(region) ?? 0;
      const groups = layout.securityGroups.get(region) ?? 0;
      await timed('instances', async () => {
        if (instances === 0) return;
        const images = await limit(() =>
          ec2Client.send(new DescribeImagesCommand({ Owners: ['amazon'], MaxResults: 5 })),
        );
        const imageId = images.Images?.[0]?.ImageId;
        for (let launched = 0; launched < instances; launched += INSTANCES_PER_CALL) {
          const count = Math.min(INSTANCES_PER_CALL, instances - launched);
          await limit(() =>
            ec2Client.send(
              new RunInstancesCommand({ ImageId: imageId, InstanceType: 't3.micro', MinCount: count, MaxCount: count }),
            ),
          );
        }
      });
      await timed('volumes', () =>
        each(volumes - instances, () =>
          ec2Client.send(new CreateVolumeCommand({ AvailabilityZone: `${region}a`, Size: 8, Encrypted: true })),
        ),
      );
      await timed('snapshots', async () => {
        if (snapshots === 0) return;
        const volumeIds: string[] = [];
        for await (const page of paginateDescribeVolumes({ client: ec2Client, pageSize: 1000 }, {})) {
          volumeIds.push(...(page.Volumes ?? []).flatMap((v) => (v.VolumeId ? [v.VolumeId] : [])));
        }
        await each(snapshots, (i) =>
          ec2Client.send(new CreateSnapshotCommand({ VolumeId: volumeIds[i % volumeIds.length] ?? '' })),
        );
      });
      await timed('securityGroups', () =>
        each(groups, (i) =>
          ec2Client.send(
            new CreateSecurityGroupCommand({ GroupName: `bench-sg-${i}`, Description: 'srm-scan benchmark' }),
          ),
        ),
      );
    }),
  );

  const rds = Promise.all(
    regionsWith(layout.rdsInstances).map(async ([region, instances]) => {
      const client = clients.get(RDSClient, region);
      await timed('rdsInstances', () =>
        each(instances, (i) =>
          client.send(
            new CreateDBInstanceCommand({
              DBInstanceIdentifier: `bench-db-${i}`,
              Engine: 'postgres',
              DBInstanceClass: 'db.t3.micro',
              AllocatedStorage: 20,
              MasterUsername: 'bench',
              MasterUserPassword: 'bench-only-Passw0rd',
              StorageEncrypted: true,
            }),
          ),
        ),
      );
      await timed('rdsManualSnapshots', () =>
        each(layout.rdsManualSnapshots.get(region) ?? 0, (i) =>
          client.send(
            new CreateDBSnapshotCommand({
              DBSnapshotIdentifier: `bench-snapshot-${i}`,
              DBInstanceIdentifier: `bench-db-${i % instances}`,
            }),
          ),
        ),
      );
    }),
  );

  const lambda = (async () => {
    const role = (await lambdaRole).Role?.Arn ?? `arn:aws:iam::${options.accountId}:role/bench-lambda-execution`;
    await timed('lambdaFunctions', () =>
      Promise.all(
        regionsWith(layout.lambdaFunctions).map(([region, n]) =>
          each(n, (i) =>
            clients.get(LambdaClient, region).send(
              new CreateFunctionCommand({
                FunctionName: `bench-fn-${i}`,
                Runtime: 'nodejs22.x',
                Role: role,
                Handler: 'index.handler',
                Code: { ZipFile: HANDLER },
                Environment: { Variables: { TABLE: `bench-table-${i}` } },
              }),
            ),
          ),
        ),
      ),
    );
  })();

  try {
    await Promise.all([s3, users, roles, policies, ec2, rds, lambda]);
  } finally {
    clients.destroy();
  }
  return { msByKind, calls: counter.total, ms: performance.now() - started };
}

/**
 * The minimal-call model of shared/design/aws-limits.md: the fewest API calls that collect what srm-scan's checks
 * need from the reference account, per resource type. Each listing costs its pages at the largest page size the API
 * accepts, in every region (an empty region still costs one call); per-resource calls are counted only where no
 * batch API exists. The benchmark divides the calls the scanner made by this model.
 *
 * `emulator` counts the calls moto 5.2.1 forces on top (shared/design/toolchain-notes.md): they are no scanner
 * waste and are shown apart, so the ratio against AWS stays honest.
 */
import type { SliceKey } from '../../lambdas/core/inventory/index.js';
import type { AccountLayout } from './account-layout.js';
import type { ResourceKind } from './reference-account.js';

/** Largest page per listing (aws-limits.md, SDK models). */
export const PAGE_SIZES = {
  listBuckets: 10_000,
  iamAuthorizationDetails: 1_000,
  ec2Describe: 1_000,
  rdsDescribe: 100,
  lambdaList: 50,
} as const;

/** Per-bucket configuration reads the checks need; S3 has no batch form of any of them. */
export const S3_PER_BUCKET_READS = [
  's3:GetPublicAccessBlock',
  's3:GetBucketAcl',
  's3:GetBucketPolicy',
  's3:GetBucketEncryption',
  's3:GetBucketVersioning',
  's3:GetBucketLogging',
  's3:GetBucketOwnershipControls',
  's3:GetBucketReplication',
] as const;

export interface TypeModel {
  /** Row label in the benchmark table. */
  label: string;
  /** The reference resources this row counts, if any. */
  kinds: readonly ResourceKind[];
  /** Slices whose calls this row accounts for (the rest fall into "other services"). */
  slices: readonly SliceKey[];
  /** Whether an operation's calls belong to this row. */
  owns: (operation: string) => boolean;
  /** Minimal calls on AWS. */
  minimal: (layout: AccountLayout) => number;
  /** Extra calls the emulator forces (0 when it behaves like AWS). */
  emulator: (layout: AccountLayout) => number;
  /** Whether the scanner's count is fully determined by the layout on the emulator (an exact test is possible). */
  deterministic: boolean;
}

const pages = (items: number, pageSize: number): number => Math.max(1, Math.ceil(items / pageSize));

/** Pages of a regional listing summed over every region of the layout. */
const regionalPages = (counts: Map<string, number>, pageSize: number): number =>
  [...counts.values()].reduce((sum, n) => sum + pages(n, pageSize), 0);

const total = (counts: Map<string, number>): number => [...counts.values()].reduce((sum, n) => sum + n, 0);

const one = (operation: string) => (op: string) => op === operation;
const none = () => 0;

/** The reference resource types, in table order. */
export const TYPE_MODELS: readonly TypeModel[] = [
  {
    label: 'account (identity, regions)',
    kinds: [],
    slices: [],
    owns: (op) => op === 'sts:GetCallerIdentity' || op === 'ec2:DescribeRegions',
    minimal: () => 2,
    emulator: none,
    deterministic: true,
  },
  {
    label: 'S3 buckets',
    kinds: ['buckets'],
    slices: [
      's3.buckets',
      's3.accountPublicAccessBlock',
      's3.bucketPublicAccessBlocks',
      's3.bucketAcls',
      's3.bucketPolicies',
      's3.bucketEncryption',
      's3.bucketVersioning',
      's3.bucketLogging',
      's3.bucketOwnershipControls',
      's3.bucketReplication',
    ],
    owns: (op) => op.startsWith('s3:'),
    // ListBuckets returns BucketRegion, so no GetBucketLocation; one account-level Block Public Access read.
    minimal: (l) => pages(total(l.buckets), PAGE_SIZES.listBuckets) + S3_PER_BUCKET_READS.length * total(l.buckets) + 1,
    // moto's ListBuckets has no BucketRegion: one GetBucketLocation per bucket.
    emulator: (l) => total(l.buckets),
    deterministic: true,
  },
  {
    label: 'IAM (users, roles, policies)',
    kinds: ['users', 'roles', 'customerManagedPolicies'],
    slices: [
      'iam.credentialReport',
      'iam.authorizationDetails',
      'iam.passwordPolicy',
      'iam.accountSummary',
      'iam.virtualMfaDevices',
    ],
    owns: (op) => op.startsWith('iam:'),
    // GetAccountAuthorizationDetails per filter (User, Role, Group, LocalManagedPolicy, AWSManagedPolicy) at 1,000
    // items a page; credential report Generate + Get; password policy, account summary, virtual MFA devices.
    minimal: (l) =>
      pages(total(l.users), PAGE_SIZES.iamAuthorizationDetails) +
      pages(total(l.roles), PAGE_SIZES.iamAuthorizationDetails) +
      1 +
      pages(total(l.customerManagedPolicies), PAGE_SIZES.iamAuthorizationDetails) +
      1 +
      2 +
      3,
    emulator: none,
    // GenerateCredentialReport is polled until the report is ready: one or two calls depending on timing.
    deterministic: false,
  },
  {
    label: 'EC2 instances',
    kinds: ['instances'],
    slices: ['ec2.instances'],
    owns: one('ec2:DescribeInstances'),
    minimal: (l) => regionalPages(l.instances, PAGE_SIZES.ec2Describe),
    emulator: none,
    deterministic: true,
  },
  {
    label: 'EC2 security groups',
    kinds: ['securityGroups'],
    slices: ['ec2.securityGroups'],
    owns: one('ec2:DescribeSecurityGroups'),
    // Every region also holds its default VPC's default group.
    minimal: (l) => regionalPages(plusOne(l.securityGroups), PAGE_SIZES.ec2Describe),
    emulator: none,
    deterministic: true,
  },
  {
    label: 'EBS volumes',
    kinds: ['volumes'],
    slices: ['ec2.volumes'],
    owns: one('ec2:DescribeVolumes'),
    minimal: (l) => regionalPages(l.volumes, PAGE_SIZES.ec2Describe),
    emulator: none,
    deterministic: true,
  },
  {
    label: 'EBS snapshots',
    kinds: ['snapshots'],
    slices: ['ec2.snapshots'],
    owns: (op) => op === 'ec2:DescribeSnapshots' || op === 'ec2:DescribeSnapshotAttribute',
    // The own snapshots, plus one RestorableByUserIds=[all] listing per region that returns exactly the public ones
    // (none here), instead of DescribeSnapshotAttribute per snapshot.
    minimal: (l) => regionalPages(l.snapshots, PAGE_SIZES.ec2Describe) + l.snapshots.size,
    // moto ignores RestorableByUserIds, so every own snapshot is a candidate the scanner confirms.
    emulator: (l) => total(l.snapshots),
    deterministic: true,
  },
  {
    label: 'RDS instances',
    kinds: ['rdsInstances'],
    slices: ['rds.instances'],
    owns: one('rds:DescribeDBInstances'),
    minimal: (l) => regionalPages(l.rdsInstances, PAGE_SIZES.rdsDescribe),
    emulator: none,
    deterministic: true,
  },
  {
    label: 'RDS manual snapshots',
    kinds: ['rdsManualSnapshots'],
    slices: ['rds.snapshots'],
    owns: (op) => op === 'rds:DescribeDBSnapshots' || op === 'rds:DescribeDBSnapshotAttributes',
    // Pages of 100, plus DescribeDBSnapshotAttributes per manual snapshot (no batch form).
    minimal: (l) => regionalPages(l.rdsManualSnapshots, PAGE_SIZES.rdsDescribe) + total(l.rdsManualSnapshots),
    emulator: none,
    deterministic: true,
  },
  {
    label: 'Lambda functions',
    kinds: ['lambdaFunctions'],
    slices: ['lambda.functions', 'lambda.policies', 'lambda.functionUrls'],
    owns: (op) => op.startsWith('lambda:'),
    // Pages of 50, plus GetPolicy and ListFunctionUrlConfigs per function (no account-wide form).
    minimal: (l) => regionalPages(l.lambdaFunctions, PAGE_SIZES.lambdaList) + 2 * total(l.lambdaFunctions),
    // moto has no ListFunctionUrlConfigs route: the scanner falls back to GetFunctionUrlConfig per function.
    emulator: (l) => total(l.lambdaFunctions),
    deterministic: true,
  },
];

/** Each region's count plus one (the default security group of the default VPC). */
function plusOne(counts: Map<string, number>): Map<string, number> {
  return new Map([...counts].map(([region, n]) => [region, n + 1]));
}

export interface OtherServicesModel {
  label: string;
  /** One call per root slice (a slice that depends on no other) and scope: learning that a service is empty. */
  minimal: number;
}

/**
 * Services the reference account leaves empty: the least a scanner can do is one listing per slice the checks
 * need, in each region for regional slices, once for global ones. Slices that read per resource of another slice
 * cost nothing when that slice is empty.
 */
export function otherServicesModel(
  slices: readonly { key: SliceKey; scope: 'regional' | 'global'; dependsOn?: readonly SliceKey[] }[],
  regions: number,
): OtherServicesModel {
  const covered = new Set(TYPE_MODELS.flatMap((m) => m.slices));
  const minimal = slices
    .filter((s) => !covered.has(s.key) && (s.dependsOn ?? []).length === 0)
    .reduce((sum, s) => sum + (s.scope === 'regional' ? regions : 1), 0);
  return { label: 'other services (empty)', minimal };
}

export interface TypeCalls {
  label: string;
  resources: number;
  calls: number;
  minimal: number;
  emulator: number;
  deterministic: boolean;
  /** Operations and their calls. */
  operations: Record<string, number>;
}

/** Splits the calls by operation into the model's rows; unclaimed operations go to "other services". */
export function callsByType(
  byOperation: Record<string, number>,
  layout: AccountLayout,
  other: OtherServicesModel,
  /** The scan went through a proxy that answers as AWS where moto differs: no emulator-forced calls. */
  { awsFidelity = false }: { awsFidelity?: boolean } = {},
): TypeCalls[] {
  const rows: TypeCalls[] = TYPE_MODELS.map((model) => ({
    label: model.label,
    resources: model.kinds.reduce((sum, kind) => sum + total(layout[kind]), 0),
    calls: 0,
    minimal: model.minimal(layout),
    emulator: awsFidelity ? 0 : model.emulator(layout),
    deterministic: model.deterministic,
    operations: {},
  }));
  const otherRow: TypeCalls = {
    label: other.label,
    resources: 0,
    calls: 0,
    minimal: other.minimal,
    emulator: 0,
    deterministic: false,
    operations: {},
  };
  for (const [operation, calls] of Object.entries(byOperation)) {
    const index = TYPE_MODELS.findIndex((m) => m.owns(operation));
    const row = rows[index] ?? otherRow;
    row.calls += calls;
    row.operations[operation] = calls;
  }
  return [...rows, otherRow];
}

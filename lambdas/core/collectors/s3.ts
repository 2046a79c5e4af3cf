import {
  type Bucket,
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketReplicationCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  type Grant,
  paginateListBuckets,
  S3Client,
  type PublicAccessBlockConfiguration as SdkPublicAccessBlock,
} from '@aws-sdk/client-s3';
import {
  GetPublicAccessBlockCommand as GetAccountPublicAccessBlockCommand,
  S3ControlClient,
} from '@aws-sdk/client-s3-control';
import { isAwsError } from '../aws/clients.js';
import type {
  AclGrant,
  BucketOwnershipControls,
  PublicAccessBlock,
  ReplicationDestination,
  ResourceAttribute,
  S3Bucket,
} from '../inventory/index.js';
import { parsePolicyDocument } from '../policy/index.js';
import { collectEach } from './context.js';
import type { CollectContext, SliceCollectors } from './types.js';

/** ListBuckets accepts up to 10,000 buckets per page. */
const LIST_BUCKETS_PAGE_SIZE = 10_000;

/** Runs `call` and maps the "not configured" error `notFoundCode` to `fallback`. */
async function orWhenAbsent<T>(notFoundCode: string, fallback: T, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isAwsError(error, notFoundCode)) return fallback;
    throw error;
  }
}

/** GetBucketLocation answers an empty LocationConstraint for us-east-1 and the legacy `EU` for eu-west-1. */
export function regionFromLocationConstraint(constraint: string | undefined): string {
  if (!constraint) return 'us-east-1';
  if (constraint === 'EU') return 'eu-west-1';
  return constraint;
}

const NO_PUBLIC_ACCESS_BLOCK: PublicAccessBlock = {
  blockPublicAcls: false,
  ignorePublicAcls: false,
  blockPublicPolicy: false,
  restrictPublicBuckets: false,
};

const toPublicAccessBlock = (config: SdkPublicAccessBlock | undefined): PublicAccessBlock => ({
  blockPublicAcls: config?.BlockPublicAcls === true,
  ignorePublicAcls: config?.IgnorePublicAcls === true,
  blockPublicPolicy: config?.BlockPublicPolicy === true,
  restrictPublicBuckets: config?.RestrictPublicBuckets === true,
});

function toAclGrant(grant: Grant): AclGrant | undefined {
  const grantee = grant.Grantee;
  if (!grantee?.Type || !grant.Permission) return undefined;
  return {
    granteeType: grantee.Type,
    ...(grantee.URI !== undefined && { granteeUri: grantee.URI }),
    ...((grantee.ID ?? grantee.EmailAddress) !== undefined && { granteeId: grantee.ID ?? grantee.EmailAddress }),
    permission: grant.Permission,
  };
}

/**
 * Runs one per-bucket call for every listed bucket with the client of the bucket's own region
 * (S3 answers 301 PermanentRedirect elsewhere), with bounded concurrency. A failing bucket is
 * reported and left out.
 */
function perBucket<T extends object>(
  context: CollectContext,
  fetch: (client: S3Client, bucket: S3Bucket) => Promise<T>,
): Promise<ResourceAttribute<T>[]> {
  return collectEach(context, context.get('s3.buckets'), async (bucket) => ({
    arn: bucket.arn,
    region: bucket.region,
    ...(await fetch(context.clients.get(S3Client, bucket.region), bucket)),
  }));
}

async function listBuckets(context: CollectContext): Promise<S3Bucket[]> {
  const client = context.clients.get(S3Client, context.region);
  const listed: Bucket[] = [];
  for await (const page of paginateListBuckets({ client, pageSize: LIST_BUCKETS_PAGE_SIZE }, {})) {
    listed.push(...(page.Buckets ?? []));
  }
  const named = listed.filter((b): b is Bucket & { Name: string } => Boolean(b.Name));
  const arnOf = (name: string) => `arn:${context.partition}:s3:::${name}`;
  // ListBuckets returns BucketRegion; GetBucketLocation is only the fallback for a bucket without it.
  return collectEach(
    context,
    named.map((b) => ({ ...b, arn: arnOf(b.Name), region: context.region })),
    async (bucket): Promise<S3Bucket> => {
      const region =
        bucket.BucketRegion ??
        regionFromLocationConstraint(
          (await client.send(new GetBucketLocationCommand({ Bucket: bucket.Name }))).LocationConstraint,
        );
      return {
        arn: bucket.arn,
        id: bucket.Name,
        region,
        accountId: context.accountId,
        name: bucket.Name,
        ...(bucket.CreationDate !== undefined && { createdAt: bucket.CreationDate }),
      };
    },
  );
}

type S3Slice =
  | 's3.buckets'
  | 's3.accountPublicAccessBlock'
  | 's3.bucketPublicAccessBlocks'
  | 's3.bucketAcls'
  | 's3.bucketPolicies'
  | 's3.bucketEncryption'
  | 's3.bucketVersioning'
  | 's3.bucketLogging'
  | 's3.bucketOwnershipControls'
  | 's3.bucketReplication';

export const s3Collectors: SliceCollectors<S3Slice> = {
  's3.buckets': {
    key: 's3.buckets',
    scope: 'global',
    actions: ['s3:ListAllMyBuckets', 's3:GetBucketLocation'],
    collect: listBuckets,
  },

  's3.accountPublicAccessBlock': {
    key: 's3.accountPublicAccessBlock',
    scope: 'global',
    actions: ['s3:GetAccountPublicAccessBlock'],
    collect: (context) =>
      orWhenAbsent('NoSuchPublicAccessBlockConfiguration', NO_PUBLIC_ACCESS_BLOCK, async () => {
        const client = context.clients.get(S3ControlClient, context.region);
        const response = await client.send(new GetAccountPublicAccessBlockCommand({ AccountId: context.accountId }));
        return toPublicAccessBlock(response.PublicAccessBlockConfiguration);
      }),
  },

  's3.bucketPublicAccessBlocks': {
    key: 's3.bucketPublicAccessBlocks',
    scope: 'global',
    actions: ['s3:GetBucketPublicAccessBlock'],
    dependsOn: ['s3.buckets'],
    collect: (context) =>
      perBucket(context, async (client, bucket) => ({
        config: await orWhenAbsent('NoSuchPublicAccessBlockConfiguration', NO_PUBLIC_ACCESS_BLOCK, async () =>
          toPublicAccessBlock(
            (await client.send(new GetPublicAccessBlockCommand({ Bucket: bucket.name })))
              .PublicAccessBlockConfiguration,
          ),
        ),
      })),
  },

  's3.bucketAcls': {
    key: 's3.bucketAcls',
    scope: 'global',
    actions: ['s3:GetBucketAcl'],
    dependsOn: ['s3.buckets'],
    collect: (context) =>
      perBucket(context, async (client, bucket) => {
        const acl = await client.send(new GetBucketAclCommand({ Bucket: bucket.name }));
        return {
          ...(acl.Owner?.ID !== undefined && { ownerId: acl.Owner.ID }),
          grants: (acl.Grants ?? []).map(toAclGrant).filter((g): g is AclGrant => g !== undefined),
        };
      }),
  },

  's3.bucketPolicies': {
    key: 's3.bucketPolicies',
    scope: 'global',
    actions: ['s3:GetBucketPolicy'],
    dependsOn: ['s3.buckets'],
    collect: (context) =>
      perBucket(context, async (client, bucket) => ({
        policy: await orWhenAbsent('NoSuchBucketPolicy', null, async () => {
          const { Policy } = await client.send(new GetBucketPolicyCommand({ Bucket: bucket.name }));
          return Policy ? parsePolicyDocument(Policy) : null;
        }),
      })),
  },

  's3.bucketEncryption': {
    key: 's3.bucketEncryption',
    scope: 'global',
    actions: ['s3:GetEncryptionConfiguration'],
    dependsOn: ['s3.buckets'],
    collect: (context) =>
      perBucket(context, async (client, bucket) => {
        // Since January 2023 AWS applies SSE-S3 to every bucket without a configuration;
        // "not found" only occurs on emulators and means no default encryption rule.
        const rules = await orWhenAbsent('ServerSideEncryptionConfigurationNotFoundError', [], async () => {
          const response = await client.send(new GetBucketEncryptionCommand({ Bucket: bucket.name }));
          return response.ServerSideEncryptionConfiguration?.Rules ?? [];
        });
        return {
          rules: rules.flatMap((rule) => {
            const byDefault = rule.ApplyServerSideEncryptionByDefault;
            if (!byDefault?.SSEAlgorithm) return [];
            return [
              {
                algorithm: byDefault.SSEAlgorithm,
                ...(byDefault.KMSMasterKeyID !== undefined && { kmsKeyId: byDefault.KMSMasterKeyID }),
                ...(rule.BucketKeyEnabled !== undefined && { bucketKeyEnabled: rule.BucketKeyEnabled }),
              },
            ];
          }),
        };
      }),
  },

  's3.bucketVersioning': {
    key: 's3.bucketVersioning',
    scope: 'global',
    actions: ['s3:GetBucketVersioning'],
    dependsOn: ['s3.buckets'],
    collect: (context) =>
      perBucket(context, async (client, bucket) => {
        const response = await client.send(new GetBucketVersioningCommand({ Bucket: bucket.name }));
        // No Status at all means versioning was never enabled on the bucket.
        return { status: response.Status ?? 'Disabled', mfaDelete: response.MFADelete === 'Enabled' };
      }),
  },

  's3.bucketLogging': {
    key: 's3.bucketLogging',
    scope: 'global',
    actions: ['s3:GetBucketLogging'],
    dependsOn: ['s3.buckets'],
    collect: (context) =>
      perBucket(context, async (client, bucket) => {
        const { LoggingEnabled: logging } = await client.send(new GetBucketLoggingCommand({ Bucket: bucket.name }));
        return {
          ...(logging?.TargetBucket !== undefined && { targetBucket: logging.TargetBucket }),
          ...(logging?.TargetPrefix !== undefined && { targetPrefix: logging.TargetPrefix }),
        };
      }),
  },

  's3.bucketOwnershipControls': {
    key: 's3.bucketOwnershipControls',
    scope: 'global',
    actions: ['s3:GetBucketOwnershipControls'],
    dependsOn: ['s3.buckets'],
    collect: (context) =>
      perBucket(context, async (client, bucket): Promise<Omit<BucketOwnershipControls, 'arn' | 'region'>> => {
        const ownership = await orWhenAbsent('OwnershipControlsNotFoundError', undefined, async () => {
          const response = await client.send(new GetBucketOwnershipControlsCommand({ Bucket: bucket.name }));
          return response.OwnershipControls?.Rules?.[0]?.ObjectOwnership;
        });
        return ownership === undefined ? {} : { ownership };
      }),
  },

  's3.bucketReplication': {
    key: 's3.bucketReplication',
    scope: 'global',
    actions: ['s3:GetReplicationConfiguration'],
    dependsOn: ['s3.buckets'],
    collect: (context) =>
      perBucket(context, async (client, bucket) => {
        const rules = await orWhenAbsent('ReplicationConfigurationNotFoundError', [], async () => {
          const response = await client.send(new GetBucketReplicationCommand({ Bucket: bucket.name }));
          return response.ReplicationConfiguration?.Rules ?? [];
        });
        // A disabled rule copies nothing, so only enabled rules name where data goes.
        const destinations = rules.flatMap((rule): ReplicationDestination[] =>
          rule.Status === 'Enabled' && rule.Destination?.Bucket
            ? [
                {
                  bucketArn: rule.Destination.Bucket,
                  ...(rule.Destination.Account !== undefined && { account: rule.Destination.Account }),
                },
              ]
            : [],
        );
        return { destinations };
      }),
  },
};

import {
  type AdvancedEventSelector,
  CloudTrailClient,
  CreateTrailCommand,
  PutEventSelectorsCommand,
  StartLoggingCommand,
} from '@aws-sdk/client-cloudtrail';
import { CreateAliasCommand, CreateKeyCommand, EnableKeyRotationCommand, KMSClient } from '@aws-sdk/client-kms';
import {
  type BucketCannedACL,
  type BucketLocationConstraint,
  CreateBucketCommand,
  type ObjectOwnership,
  PutBucketAclCommand,
  PutBucketEncryptionCommand,
  PutBucketLoggingCommand,
  PutBucketPolicyCommand,
  PutBucketVersioningCommand,
  PutPublicAccessBlockCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import {
  PutPublicAccessBlockCommand as PutAccountPublicAccessBlockCommand,
  S3ControlClient,
} from '@aws-sdk/client-s3-control';
import type { ExpectedFailure, SeedContext, Seeder } from './types.js';

const US = 'us-east-1';
const EU = 'eu-west-1';

/** Harbor's AWS Organizations id and a logistics partner's account outside it. */
const ORGANIZATION_ID = 'o-h4rb0r2024x';
const PARTNER_ACCOUNT_ID = '444455556666';

const bucketArn = (name: string) => `arn:aws:s3:::${name}`;

interface BucketSpec {
  name: string;
  region: string;
  /** Default: ACLs disabled. */
  ownership?: ObjectOwnership;
  /** Bucket-level Block Public Access; default all four on, `none` leaves it unconfigured. */
  block?: 'all' | 'acls-only' | 'none';
  acl?: BucketCannedACL;
  /** Default `Enabled`. */
  versioning?: 'Enabled' | 'Suspended';
  /** Default SSE-KMS with the region's data key. */
  encryption?: 'kms' | 'sse-s3';
  /** Server access log bucket; default the region's log bucket, `false` for none. */
  logTo?: string | false;
  /** Statements besides the TLS deny. */
  statements?: object[];
  /** Default: deny s3:* over plain HTTP. `partial` denies only s3:PutObject. */
  tls?: 'full' | 'partial';
  /** The checks this bucket fails, by design. */
  fails: string[];
}

const denyInsecureTransport = (name: string, scope: 'full' | 'partial') => ({
  Sid: scope === 'full' ? 'DenyInsecureTransport' : 'DenyInsecureUploads',
  Effect: 'Deny',
  Principal: '*',
  Action: scope === 'full' ? 's3:*' : 's3:PutObject',
  Resource: scope === 'full' ? [bucketArn(name), `${bucketArn(name)}/*`] : `${bucketArn(name)}/*`,
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
});

const serverAccessLogDelivery = (name: string, accountId: string) => ({
  Sid: 'S3ServerAccessLogsPolicy',
  Effect: 'Allow',
  Principal: { Service: 'logging.s3.amazonaws.com' },
  Action: 's3:PutObject',
  Resource: `${bucketArn(name)}/*`,
  Condition: { StringEquals: { 'aws:SourceAccount': accountId } },
});

const cloudTrailDelivery = (name: string, accountId: string, trailArn: string) => [
  {
    Sid: 'AWSCloudTrailAclCheck',
    Effect: 'Allow',
    Principal: { Service: 'cloudtrail.amazonaws.com' },
    Action: 's3:GetBucketAcl',
    Resource: bucketArn(name),
    Condition: { StringEquals: { 'aws:SourceArn': trailArn } },
  },
  {
    Sid: 'AWSCloudTrailWrite',
    Effect: 'Allow',
    Principal: { Service: 'cloudtrail.amazonaws.com' },
    Action: 's3:PutObject',
    Resource: `${bucketArn(name)}/AWSLogs/${accountId}/*`,
    Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': trailArn } },
  },
];

const ALL_BLOCKED = {
  BlockPublicAcls: true,
  IgnorePublicAcls: true,
  BlockPublicPolicy: true,
  RestrictPublicBuckets: true,
};

/**
 * Harbor's S3 estate and its two trails in us-east-1 and eu-west-1. Most buckets follow the
 * company baseline (Block Public Access, ACLs disabled, versioning, SSE-KMS, access logs, TLS-only
 * policy); each deviation is a deliberate finding, beside compliant look-alikes: a public ACL that
 * bucket-level Block Public Access neutralises, a `*` grant pinned to a VPC endpoint, a `*` grant
 * limited to the organization, a write-only public policy (fails public write, not public read).
 *
 * The account-level Block Public Access has only the two "block new" settings on (switched on after
 * the legacy public buckets existed), so the account check FAILs and existing public grants stay
 * effective. The account-level CloudTrail check PASSes through harbor-org-audit; its FAIL case and
 * the account Block Public Access PASS case need a second account and are covered by unit tests.
 */
export const seedS3: Seeder = async ({ accountId, clients }: SeedContext) => {
  const dataKey = async (region: string, alias: string, description: string, statements: object[] = []) => {
    const kms = clients.get(KMSClient, region);
    const key = await kms.send(
      new CreateKeyCommand({
        Description: description,
        Policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'EnableIamPolicies',
              Effect: 'Allow',
              Principal: { AWS: `arn:aws:iam::${accountId}:root` },
              Action: 'kms:*',
              Resource: '*',
            },
            ...statements,
          ],
        }),
      }),
    );
    const keyId = key.KeyMetadata?.KeyId ?? '';
    await Promise.all([
      kms.send(new EnableKeyRotationCommand({ KeyId: keyId })),
      kms.send(new CreateAliasCommand({ AliasName: alias, TargetKeyId: keyId })),
    ]);
    return key.KeyMetadata?.Arn ?? '';
  };

  const orgTrailArn = `arn:aws:cloudtrail:${US}:${accountId}:trail/harbor-org-audit`;
  const euTrailArn = `arn:aws:cloudtrail:${EU}:${accountId}:trail/harbor-eu-payments-trail`;
  const [usKey, euKey, trailKey] = await Promise.all([
    dataKey(US, 'alias/harbor-s3-data', 'Default encryption of Harbor S3 buckets (us-east-1)'),
    dataKey(EU, 'alias/harbor-eu-s3-data', 'Default encryption of Harbor S3 buckets (eu-west-1)'),
    dataKey(US, 'alias/harbor-cloudtrail', 'CloudTrail log file encryption', [
      {
        Sid: 'AllowCloudTrailToEncryptLogs',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 'kms:GenerateDataKey*',
        Resource: '*',
        Condition: { StringEquals: { 'aws:SourceArn': orgTrailArn } },
      },
    ]),
  ]);
  const keyOf: Record<string, string> = { [US]: usKey, [EU]: euKey };
  const logBucketOf: Record<string, string> = { [US]: 'harbor-s3-access-logs', [EU]: 'harbor-eu-s3-access-logs' };

  const buckets: BucketSpec[] = [
    // Server access log targets only accept SSE-S3 default encryption, and do not log themselves.
    ...[US, EU].map(
      (region): BucketSpec => ({
        name: logBucketOf[region] ?? '',
        region,
        encryption: 'sse-s3',
        logTo: false,
        statements: [serverAccessLogDelivery(logBucketOf[region] ?? '', accountId)],
        fails: ['s3-bucket-kms-encryption', 's3-bucket-access-logging-enabled'],
      }),
    ),
    {
      name: 'harbor-web-assets',
      region: US,
      ownership: 'ObjectWriter',
      block: 'none',
      acl: 'public-read',
      fails: ['s3-bucket-no-public-read', 's3-bucket-public-access-block-enabled', 's3-bucket-acls-disabled'],
    },
    {
      // The same legacy public-read ACL, neutralised by the bucket's IgnorePublicAcls.
      name: 'harbor-press-kit',
      region: US,
      ownership: 'ObjectWriter',
      acl: 'public-read',
      fails: ['s3-bucket-acls-disabled'],
    },
    {
      name: 'harbor-downloads',
      region: EU,
      block: 'acls-only',
      statements: [
        {
          Sid: 'PublicReadForInstallers',
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:GetObject',
          Resource: `${bucketArn('harbor-downloads')}/*`,
        },
      ],
      fails: [
        's3-bucket-no-public-read',
        's3-bucket-public-access-block-enabled',
        's3-bucket-no-untrusted-cross-account-access',
      ],
    },
    {
      // A "*" grant pinned to the build VPC's endpoint: not public by AWS's definition.
      name: 'harbor-vpc-artifacts',
      region: US,
      block: 'acls-only',
      statements: [
        {
          Sid: 'ReadFromBuildVpcEndpoint',
          Effect: 'Allow',
          Principal: '*',
          Action: ['s3:GetObject', 's3:ListBucket'],
          Resource: [bucketArn('harbor-vpc-artifacts'), `${bucketArn('harbor-vpc-artifacts')}/*`],
          Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-0a1b2c3d4e5f60718' } },
        },
      ],
      fails: ['s3-bucket-public-access-block-enabled'],
    },
    {
      // Anyone may upload (customer documents), nobody may read: public write only.
      name: 'harbor-upload-inbox',
      region: EU,
      block: 'acls-only',
      statements: [
        {
          Sid: 'AnonymousUploads',
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:PutObject',
          Resource: `${bucketArn('harbor-upload-inbox')}/incoming/*`,
        },
      ],
      fails: [
        's3-bucket-no-public-write',
        's3-bucket-public-access-block-enabled',
        's3-bucket-no-untrusted-cross-account-access',
      ],
    },
    { name: 'harbor-finance-reports', region: US, tls: 'partial', fails: ['s3-bucket-tls-required'] },
    { name: 'harbor-tmp-exports', region: EU, versioning: 'Suspended', fails: ['s3-bucket-versioning-enabled'] },
    {
      name: 'harbor-partner-exchange',
      region: EU,
      statements: [
        {
          Sid: 'CarrierPartnerAccess',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${PARTNER_ACCOUNT_ID}:root` },
          Action: ['s3:GetObject', 's3:PutObject'],
          Resource: `${bucketArn('harbor-partner-exchange')}/carrier/*`,
        },
      ],
      fails: ['s3-bucket-no-untrusted-cross-account-access'],
    },
    {
      // Every account of the organization may read: a "*" pinned by aws:PrincipalOrgID.
      name: 'harbor-shared-datasets',
      region: US,
      statements: [
        {
          Sid: 'OrganizationRead',
          Effect: 'Allow',
          Principal: '*',
          Action: ['s3:GetObject', 's3:ListBucket'],
          Resource: [bucketArn('harbor-shared-datasets'), `${bucketArn('harbor-shared-datasets')}/*`],
          Condition: { StringEquals: { 'aws:PrincipalOrgID': ORGANIZATION_ID } },
        },
      ],
      fails: [],
    },
    {
      name: 'harbor-cloudtrail-logs',
      region: US,
      statements: cloudTrailDelivery('harbor-cloudtrail-logs', accountId, orgTrailArn),
      fails: [],
    },
    {
      // Legacy log bucket that grants READ to every authenticated AWS user.
      name: 'harbor-eu-audit-trail',
      region: EU,
      ownership: 'ObjectWriter',
      block: 'none',
      acl: 'authenticated-read',
      statements: cloudTrailDelivery('harbor-eu-audit-trail', accountId, euTrailArn),
      fails: ['s3-bucket-no-public-read', 's3-bucket-public-access-block-enabled', 's3-bucket-acls-disabled'],
    },
  ];

  const createBucket = async (spec: BucketSpec) => {
    const s3 = clients.get(S3Client, spec.region);
    const Bucket = spec.name;
    await s3.send(
      new CreateBucketCommand({
        Bucket,
        ...(spec.region !== US && {
          CreateBucketConfiguration: { LocationConstraint: spec.region as BucketLocationConstraint },
        }),
        ObjectOwnership: spec.ownership ?? 'BucketOwnerEnforced',
      }),
    );
    // Public ACLs predate Block Public Access on these buckets, as they would on AWS.
    if (spec.acl) await s3.send(new PutBucketAclCommand({ Bucket, ACL: spec.acl }));
    const block = spec.block ?? 'all';
    const kms = (spec.encryption ?? 'kms') === 'kms';
    const logTo = spec.logTo ?? logBucketOf[spec.region];
    await Promise.all([
      block !== 'none' &&
        s3.send(
          new PutPublicAccessBlockCommand({
            Bucket,
            PublicAccessBlockConfiguration:
              block === 'all'
                ? ALL_BLOCKED
                : {
                    BlockPublicAcls: true,
                    IgnorePublicAcls: true,
                    BlockPublicPolicy: false,
                    RestrictPublicBuckets: false,
                  },
          }),
        ),
      s3.send(
        new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: spec.versioning ?? 'Enabled' } }),
      ),
      s3.send(
        new PutBucketEncryptionCommand({
          Bucket,
          ServerSideEncryptionConfiguration: {
            Rules: [
              kms
                ? {
                    ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: keyOf[spec.region] },
                    BucketKeyEnabled: true,
                  }
                : { ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } },
            ],
          },
        }),
      ),
      s3.send(
        new PutBucketPolicyCommand({
          Bucket,
          Policy: JSON.stringify({
            Version: '2012-10-17',
            Statement: [...(spec.statements ?? []), denyInsecureTransport(Bucket, spec.tls ?? 'full')],
          }),
        }),
      ),
    ]);
    if (logTo) {
      await s3.send(
        new PutBucketLoggingCommand({
          Bucket,
          BucketLoggingStatus: { LoggingEnabled: { TargetBucket: logTo, TargetPrefix: `${Bucket}/` } },
        }),
      );
    }
  };

  // Log buckets first: the others deliver their access logs there.
  const [logBuckets, others] = [buckets.slice(0, 2), buckets.slice(2)];
  await Promise.all(logBuckets.map(createBucket));
  await Promise.all(others.map(createBucket));

  // Management events of every region plus object-level access to the finance reports.
  const orgTrailSelectors: AdvancedEventSelector[] = [
    { Name: 'All management events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] },
    {
      Name: 'Finance report object access',
      FieldSelectors: [
        { Field: 'eventCategory', Equals: ['Data'] },
        { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
        { Field: 'resources.ARN', StartsWith: [`${bucketArn('harbor-finance-reports')}/`] },
      ],
    },
  ];
  const usTrail = clients.get(CloudTrailClient, US);
  const euTrail = clients.get(CloudTrailClient, EU);
  await Promise.all([
    (async () => {
      await usTrail.send(
        new CreateTrailCommand({
          Name: 'harbor-org-audit',
          S3BucketName: 'harbor-cloudtrail-logs',
          IsMultiRegionTrail: true,
          IncludeGlobalServiceEvents: true,
          EnableLogFileValidation: true,
          KmsKeyId: trailKey,
          CloudWatchLogsLogGroupArn: `arn:aws:logs:${US}:${accountId}:log-group:harbor-cloudtrail:*`,
          CloudWatchLogsRoleArn: `arn:aws:iam::${accountId}:role/harbor-cloudtrail-to-cloudwatch`,
        }),
      );
      await usTrail.send(
        new PutEventSelectorsCommand({ TrailName: 'harbor-org-audit', AdvancedEventSelectors: orgTrailSelectors }),
      );
      await usTrail.send(new StartLoggingCommand({ Name: 'harbor-org-audit' }));
    })(),
    (async () => {
      await euTrail.send(
        new CreateTrailCommand({ Name: 'harbor-eu-payments-trail', S3BucketName: 'harbor-eu-audit-trail' }),
      );
      await euTrail.send(new StartLoggingCommand({ Name: 'harbor-eu-payments-trail' }));
    })(),
  ]);

  // Switched on last, as at Harbor: it stops new public grants but leaves the existing ones in effect.
  await clients.get(S3ControlClient, US).send(
    new PutAccountPublicAccessBlockCommand({
      AccountId: accountId,
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        IgnorePublicAcls: false,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: false,
      },
    }),
  );

  return [
    { checkId: 's3-account-public-access-block-enabled', resourceArn: `arn:aws:iam::${accountId}:root` },
    ...buckets.flatMap((b) => b.fails.map((checkId): ExpectedFailure => ({ checkId, resourceArn: bucketArn(b.name) }))),
    ...[
      'cloudtrail-trail-log-validation-enabled',
      'cloudtrail-trail-kms-encrypted',
      'cloudtrail-trail-cloudwatch-integrated',
      'cloudtrail-trail-bucket-not-public',
    ].map((checkId) => ({ checkId, resourceArn: euTrailArn })),
  ];
};

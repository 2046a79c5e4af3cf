import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DynamoDBClient,
  UpdateContinuousBackupsCommand,
} from '@aws-sdk/client-dynamodb';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import {
  CreateAliasCommand,
  CreateKeyCommand,
  type CreateKeyCommandInput,
  EnableKeyRotationCommand,
  KMSClient,
  ScheduleKeyDeletionCommand,
} from '@aws-sdk/client-kms';
import {
  AddPermissionCommand,
  type AddPermissionCommandInput,
  CreateFunctionCommand,
  CreateFunctionUrlConfigCommand,
  LambdaClient,
  type Runtime,
} from '@aws-sdk/client-lambda';
import type { ExpectedFailure, SeedContext, Seeder } from './types.js';

const US = 'us-east-1';
const EU = 'eu-west-1';

/** AWS's documentation example credentials: pattern-valid, never valid for any account. */
const DOC_EXAMPLE_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const DOC_EXAMPLE_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

const crc32 = (data: Buffer): number => {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
};

/** Little-endian fields of a zip header: `[width in bytes, value]`. */
const fields = (...entries: [2 | 4, number][]): Buffer =>
  Buffer.concat(
    entries.map(([width, value]) => {
      const field = Buffer.alloc(width);
      if (width === 2) field.writeUInt16LE(value);
      else field.writeUInt32LE(value);
      return field;
    }),
  );

/** A one-file zip archive (stored, uncompressed) built in memory: moto needs a package but never runs it. */
export function zipOf(fileName: string, content: string): Uint8Array {
  const name = Buffer.from(fileName);
  const data = Buffer.from(content);
  // version, flags, method (stored), time, date, CRC-32, compressed and uncompressed sizes, name length
  const common: [2 | 4, number][] = [
    [2, 20],
    [2, 0],
    [2, 0],
    [2, 0],
    [2, 0],
    [4, crc32(data)],
    [4, data.length],
    [4, data.length],
    [2, name.length],
  ];
  const local = Buffer.concat([fields([4, 0x04034b50], ...common, [2, 0]), name, data]);
  // + extra, comment, disk, internal and external attributes, offset of the local header
  const central = Buffer.concat([
    fields([4, 0x02014b50], [2, 20], ...common, [2, 0], [2, 0], [2, 0], [2, 0], [4, 0], [4, 0]),
    name,
  ]);
  const end = fields([4, 0x06054b50], [2, 0], [2, 0], [2, 1], [2, 1], [4, central.length], [4, local.length], [2, 0]);
  return Buffer.concat([local, central, end]);
}

const NODE_HANDLER = zipOf('index.js', 'exports.handler = async () => ({ statusCode: 200 });\n');
const PYTHON_HANDLER = zipOf('app.py', 'def handler(event, context):\n    return {"statusCode": 200}\n');

interface FunctionSpec {
  name: string;
  region: string;
  runtime: Runtime;
  environment?: Record<string, string>;
  permissions?: Omit<AddPermissionCommandInput, 'FunctionName'>[];
  urlAuthType?: 'NONE' | 'AWS_IAM';
}

interface TableSpec {
  name: string;
  region: string;
  pitr: boolean;
  deletionProtection: boolean;
  tags: Record<string, string>;
}

interface KeySpec {
  alias: string;
  region: string;
  description: string;
  rotation: boolean;
  /** Extra statements next to the default account-root statement. */
  extraStatements?: object[];
  keySpec?: CreateKeyCommandInput['KeySpec'];
  keyUsage?: CreateKeyCommandInput['KeyUsage'];
  pendingDeletionDays?: number;
}

/**
 * Harbor's serverless estate: order and invoicing functions, their tables and keys in us-east-1
 * and eu-west-1. Each Lambda, DynamoDB and KMS check meets at least one violating resource and a
 * compliant twin, including the cases that only look risky (a `*` principal pinned to one bucket,
 * secrets referenced by ARN or parameter name, a `*` key grant pinned with kms:CallerAccount) and
 * one that only looks safe (S3 allowed to invoke for a bucket ARN, which names no account).
 */
export const seedServerless: Seeder = async ({ accountId, clients }: SeedContext) => {
  const expected: ExpectedFailure[] = [];
  const plant = (checkId: string, resourceArn: string) => expected.push({ checkId, resourceArn });

  const role = await clients.get(IAMClient, US).send(
    new CreateRoleCommand({
      RoleName: 'svc-lambda-harbor-functions',
      Description: 'Execution role of the Harbor order and invoicing functions',
      AssumeRolePolicyDocument: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      }),
    }),
  );
  const roleArn = role.Role?.Arn ?? `arn:aws:iam::${accountId}:role/svc-lambda-harbor-functions`;

  const createFunction = async (spec: FunctionSpec): Promise<string> => {
    const lambda = clients.get(LambdaClient, spec.region);
    const python = spec.runtime.startsWith('python');
    const created = await lambda.send(
      new CreateFunctionCommand({
        FunctionName: spec.name,
        Runtime: spec.runtime,
        Role: roleArn,
        Handler: python ? 'app.handler' : 'index.handler',
        Code: { ZipFile: python ? PYTHON_HANDLER : NODE_HANDLER },
        ...(spec.environment && { Environment: { Variables: spec.environment } }),
      }),
    );
    for (const permission of spec.permissions ?? []) {
      await lambda.send(new AddPermissionCommand({ FunctionName: spec.name, ...permission }));
    }
    if (spec.urlAuthType) {
      await lambda.send(new CreateFunctionUrlConfigCommand({ FunctionName: spec.name, AuthType: spec.urlAuthType }));
    }
    return created.FunctionArn ?? `arn:aws:lambda:${spec.region}:${accountId}:function:${spec.name}`;
  };

  const createTable = async (spec: TableSpec): Promise<string> => {
    const dynamodb = clients.get(DynamoDBClient, spec.region);
    const input: CreateTableCommandInput = {
      TableName: spec.name,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      DeletionProtectionEnabled: spec.deletionProtection,
      Tags: Object.entries(spec.tags).map(([Key, Value]) => ({ Key, Value })),
    };
    const created = await dynamodb.send(new CreateTableCommand(input));
    if (spec.pitr) {
      await dynamodb.send(
        new UpdateContinuousBackupsCommand({
          TableName: spec.name,
          PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        }),
      );
    }
    return created.TableDescription?.TableArn ?? `arn:aws:dynamodb:${spec.region}:${accountId}:table/${spec.name}`;
  };

  const createKey = async (spec: KeySpec): Promise<string> => {
    const kms = clients.get(KMSClient, spec.region);
    const policy = {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'Enable IAM User Permissions',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${accountId}:root` },
          Action: 'kms:*',
          Resource: '*',
        },
        ...(spec.extraStatements ?? []),
      ],
    };
    const created = await kms.send(
      new CreateKeyCommand({
        Description: spec.description,
        ...(spec.keySpec && { KeySpec: spec.keySpec }),
        ...(spec.keyUsage && { KeyUsage: spec.keyUsage }),
        ...(spec.extraStatements && { Policy: JSON.stringify(policy) }),
      }),
    );
    const keyId = created.KeyMetadata?.KeyId ?? '';
    await kms.send(new CreateAliasCommand({ AliasName: spec.alias, TargetKeyId: keyId }));
    if (spec.rotation) await kms.send(new EnableKeyRotationCommand({ KeyId: keyId }));
    if (spec.pendingDeletionDays) {
      await kms.send(new ScheduleKeyDeletionCommand({ KeyId: keyId, PendingWindowInDays: spec.pendingDeletionDays }));
    }
    return created.KeyMetadata?.Arn ?? `arn:aws:kms:${spec.region}:${accountId}:key/${keyId}`;
  };

  const functions = async () => {
    const [invoiceExport, ordersApi, , , publicStatus, webhook, legacyEtl, , catalogIndexer] = await Promise.all([
      // Long-lived access keys pasted into the environment for a legacy partner bucket.
      createFunction({
        name: 'harbor-invoice-export',
        region: US,
        runtime: 'python3.13',
        environment: {
          EXPORT_BUCKET: 'harbor-partner-invoices',
          PARTNER_S3_ACCESS_KEY_ID: DOC_EXAMPLE_ACCESS_KEY_ID,
          PARTNER_S3_SECRET_ACCESS_KEY: DOC_EXAMPLE_SECRET_ACCESS_KEY,
        },
      }),
      // A literal database password; the URL requires IAM auth and one partner account may call it.
      createFunction({
        name: 'harbor-orders-api',
        region: US,
        runtime: 'nodejs22.x',
        environment: {
          DB_HOST: 'orders.cluster-harbor.internal',
          DB_USER: 'orders_app',
          DB_PASSWORD: 'Harb0r-Orders!2024',
        },
        urlAuthType: 'AWS_IAM',
        permissions: [
          {
            StatementId: 'partner-portal-invoke-url',
            Action: 'lambda:InvokeFunctionUrl',
            Principal: '210987654321',
            FunctionUrlAuthType: 'AWS_IAM',
          },
        ],
      }),
      // Secrets referenced, never embedded: compliant although the names mention passwords and keys.
      createFunction({
        name: 'harbor-orders-worker',
        region: US,
        runtime: 'nodejs22.x',
        environment: {
          DB_PASSWORD_SECRET_ARN: `arn:aws:secretsmanager:${US}:${accountId}:secret:harbor/prod/orders-db-Xy12Ab`,
          DB_PASSWORD: `{{resolve:secretsmanager:arn:aws:secretsmanager:${US}:${accountId}:secret:harbor/prod/orders-db-Xy12Ab:SecretString:password}}`,
          PAYMENTS_API_KEY: '/harbor/prod/payments-api-key',
          DATABASE_URL: 'postgres://orders_app@orders.cluster-harbor.internal:5432/orders',
          TOKEN_TTL_SECONDS: '3600',
        },
      }),
      // S3 event notifications: a `*` principal pinned to one bucket and this account is not public.
      createFunction({
        name: 'harbor-image-ingest',
        region: US,
        runtime: 'python3.13',
        environment: { THUMBNAIL_BUCKET: 'harbor-product-thumbnails' },
        permissions: [
          {
            StatementId: 's3-product-images',
            Action: 'lambda:InvokeFunction',
            Principal: '*',
            SourceArn: 'arn:aws:s3:::harbor-product-images',
            SourceAccount: accountId,
          },
        ],
      }),
      createFunction({
        name: 'harbor-public-status',
        region: US,
        runtime: 'nodejs22.x',
        permissions: [{ StatementId: 'anyone-invoke', Action: 'lambda:InvokeFunction', Principal: '*' }],
      }),
      // A carrier webhook behind an unauthenticated URL, opened to everyone the way the console does it.
      createFunction({
        name: 'harbor-carrier-webhook',
        region: US,
        runtime: 'nodejs22.x',
        urlAuthType: 'NONE',
        permissions: [
          {
            StatementId: 'FunctionURLAllowPublicAccess',
            Action: 'lambda:InvokeFunctionUrl',
            Principal: '*',
            FunctionUrlAuthType: 'NONE',
          },
        ],
      }),
      createFunction({
        name: 'harbor-eu-legacy-etl',
        region: EU,
        runtime: 'python3.8',
        environment: { LOG_LEVEL: 'INFO' },
      }),
      createFunction({
        name: 'harbor-eu-gdpr-export',
        region: EU,
        runtime: 'python3.13',
        environment: { EXPORT_SECRET_NAME: 'harbor/eu/gdpr-export', API_TOKEN_PARAM: '/harbor/eu/gdpr-api-token' },
      }),
      // S3 may invoke it for a bucket ARN only: bucket ARNs carry no account, so any account that
      // owns a bucket of that name (once Harbor deletes it) can trigger the function.
      createFunction({
        name: 'harbor-catalog-indexer',
        region: US,
        runtime: 'python3.13',
        permissions: [
          {
            StatementId: 's3-product-catalog',
            Action: 'lambda:InvokeFunction',
            Principal: 's3.amazonaws.com',
            SourceArn: 'arn:aws:s3:::harbor-product-catalog',
          },
        ],
      }),
      // Its compliant twin: the same grant pinned to this account with SourceAccount.
      createFunction({
        name: 'harbor-catalog-thumbnailer',
        region: US,
        runtime: 'python3.13',
        permissions: [
          {
            StatementId: 's3-product-catalog',
            Action: 'lambda:InvokeFunction',
            Principal: 's3.amazonaws.com',
            SourceArn: 'arn:aws:s3:::harbor-product-catalog',
            SourceAccount: accountId,
          },
        ],
      }),
    ]);
    plant('lambda-function-no-secrets-in-env', invoiceExport);
    plant('lambda-function-no-secrets-in-env', ordersApi);
    plant('lambda-function-not-public', publicStatus);
    plant('lambda-function-not-public', webhook);
    plant('lambda-function-not-public', catalogIndexer);
    plant('lambda-function-url-auth-required', webhook);
    plant('lambda-function-supported-runtime', legacyEtl);
  };

  const tables = async () => {
    const [, sessions, customers, auditLog] = await Promise.all([
      createTable({
        name: 'harbor-orders',
        region: US,
        pitr: true,
        deletionProtection: true,
        tags: { app: 'orders', env: 'prod', 'data-class': 'confidential', backup: 'daily' },
      }),
      createTable({
        name: 'harbor-sessions',
        region: US,
        pitr: false,
        deletionProtection: false,
        tags: { app: 'web', env: 'prod' },
      }),
      createTable({
        name: 'harbor-eu-customers',
        region: EU,
        pitr: true,
        deletionProtection: false,
        tags: { app: 'crm', env: 'prod', 'data-class': 'personal', backup: 'daily' },
      }),
      createTable({
        name: 'harbor-eu-audit-log',
        region: EU,
        pitr: false,
        deletionProtection: true,
        tags: { app: 'audit', env: 'prod' },
      }),
    ]);
    plant('dynamodb-table-pitr-enabled', sessions);
    plant('dynamodb-table-deletion-protection', sessions);
    plant('dynamodb-table-deletion-protection', customers);
    plant('dynamodb-table-pitr-enabled', auditLog);
  };

  const keys = async () => {
    const [, payments, partnerExchange, , legacyArchive] = await Promise.all([
      createKey({ alias: 'alias/harbor-orders', region: US, description: 'Orders table and exports', rotation: true }),
      createKey({ alias: 'alias/harbor-payments', region: US, description: 'Payment tokens', rotation: false }),
      createKey({
        alias: 'alias/harbor-partner-exchange',
        region: US,
        description: 'Files exchanged with carriers',
        rotation: true,
        extraStatements: [
          {
            Sid: 'AllowCarriersToDecrypt',
            Effect: 'Allow',
            Principal: { AWS: '*' },
            Action: ['kms:Decrypt', 'kms:DescribeKey'],
            Resource: '*',
          },
        ],
      }),
      // The pattern of AWS managed key policies: `*`, pinned to this account and one service.
      createKey({
        alias: 'alias/harbor-uploads',
        region: US,
        description: 'Customer uploads bucket',
        rotation: true,
        extraStatements: [
          {
            Sid: 'AllowS3InThisAccount',
            Effect: 'Allow',
            Principal: { AWS: '*' },
            Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey*'],
            Resource: '*',
            Condition: { StringEquals: { 'kms:CallerAccount': accountId, 'kms:ViaService': `s3.${US}.amazonaws.com` } },
          },
        ],
      }),
      createKey({
        alias: 'alias/harbor-legacy-archive',
        region: US,
        description: 'Archive of the retired order system',
        rotation: true,
        pendingDeletionDays: 30,
      }),
      // Asymmetric keys cannot rotate automatically: not applicable to the rotation check.
      createKey({
        alias: 'alias/harbor-invoice-signing',
        region: US,
        description: 'Signs invoice PDFs',
        rotation: false,
        keySpec: 'RSA_2048',
        keyUsage: 'SIGN_VERIFY',
      }),
      createKey({ alias: 'alias/harbor-eu-customers', region: EU, description: 'EU customer records', rotation: true }),
    ]);
    plant('kms-key-rotation-enabled', payments);
    plant('kms-key-not-public', partnerExchange);
    plant('kms-key-not-pending-deletion', legacyArchive);
  };

  await Promise.all([functions(), tables(), keys()]);
  return expected;
};

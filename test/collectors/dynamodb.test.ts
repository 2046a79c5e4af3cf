import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ListTagsOfResourceCommand,
} from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { dynamodbCollectors } from '../../lambdas/core/collectors/dynamodb.js';
import { dynamoTable } from '../fixtures/dynamodb.js';
import { awsError } from '../helpers/aws-errors.js';
import { runCollector } from '../helpers/collect.js';

const dynamoMock = mockClient(DynamoDBClient);

const arnOf = (name: string, region = 'eu-west-1') => `arn:aws:dynamodb:${region}:123456789012:table/${name}`;

beforeEach(() => {
  dynamoMock.reset();
});

describe('Collector: dynamodb.tables', () => {
  it('pages through ListTables, describes each table and normalises it', async () => {
    // Prepare
    dynamoMock
      .on(ListTablesCommand)
      .resolvesOnce({ TableNames: ['orders'], LastEvaluatedTableName: 'orders' })
      .resolvesOnce({ TableNames: ['sessions'] })
      .on(DescribeTableCommand, { TableName: 'orders' })
      .resolves({
        Table: {
          TableName: 'orders',
          TableArn: arnOf('orders'),
          TableStatus: 'ACTIVE',
          DeletionProtectionEnabled: true,
          BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
          SSEDescription: {
            Status: 'ENABLED',
            SSEType: 'KMS',
            KMSMasterKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/k1',
          },
          Replicas: [{ RegionName: 'eu-west-1' }, { RegionName: 'us-east-1' }],
        },
      })
      .on(DescribeTableCommand, { TableName: 'sessions' })
      .resolves({ Table: { TableName: 'sessions', TableArn: arnOf('sessions'), TableStatus: 'ACTIVE' } });

    // Act
    const { value, issues } = await runCollector(dynamodbCollectors['dynamodb.tables'], { region: 'eu-west-1' });

    // Assess
    expect(issues).toEqual([]);
    expect(dynamoMock).toHaveReceivedNthCommandWith(ListTablesCommand, 1, { Limit: 100 });
    expect(dynamoMock).toHaveReceivedNthCommandWith(ListTablesCommand, 2, {
      Limit: 100,
      ExclusiveStartTableName: 'orders',
    });
    expect(value).toEqual([
      {
        arn: arnOf('orders'),
        id: 'orders',
        region: 'eu-west-1',
        accountId: '123456789012',
        name: 'orders',
        status: 'ACTIVE',
        deletionProtectionEnabled: true,
        billingMode: 'PAY_PER_REQUEST',
        sseType: 'KMS',
        kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/k1',
        replicaRegions: ['us-east-1'],
      },
      {
        arn: arnOf('sessions'),
        id: 'sessions',
        region: 'eu-west-1',
        accountId: '123456789012',
        name: 'sessions',
        status: 'ACTIVE',
        deletionProtectionEnabled: false,
        billingMode: 'PROVISIONED',
        replicaRegions: [],
      },
    ]);
  });

  it('reports a table that cannot be described and keeps the others', async () => {
    // Prepare
    dynamoMock
      .on(ListTablesCommand)
      .resolves({ TableNames: ['orders', 'secret-ledger'] })
      .on(DescribeTableCommand, { TableName: 'orders' })
      .resolves({ Table: { TableName: 'orders', TableArn: arnOf('orders') } })
      .on(DescribeTableCommand, { TableName: 'secret-ledger' })
      .rejects(awsError('json', 'AccessDeniedException'));

    // Act
    const { value, issues } = await runCollector(dynamodbCollectors['dynamodb.tables'], { region: 'eu-west-1' });

    // Assess
    expect(value.map((t) => t.name)).toEqual(['orders']);
    expect(issues).toEqual([
      {
        slice: 'dynamodb.tables',
        region: 'eu-west-1',
        resourceArn: arnOf('secret-ledger'),
        errorCode: 'AccessDeniedException',
        message: 'AccessDeniedException',
      },
    ]);
  });

  it('lets an AccessDenied on ListTables throw', async () => {
    // Prepare
    dynamoMock.on(ListTablesCommand).rejects(awsError('json', 'AccessDeniedException'));

    // Act
    const collecting = runCollector(dynamodbCollectors['dynamodb.tables']);

    // Assess
    await expect(collecting).rejects.toThrow('AccessDeniedException');
  });
});

describe('Collector: dynamodb.continuousBackups', () => {
  it("reads each table of the region's PITR status and reports a failing table", async () => {
    // Prepare
    const orders = dynamoTable('orders', { region: 'eu-west-1' });
    const sessions = dynamoTable('sessions', { region: 'eu-west-1' });
    const ledger = dynamoTable('ledger', { region: 'eu-west-1' });
    const elsewhere = dynamoTable('orders', { region: 'us-east-1' });
    dynamoMock
      .on(DescribeContinuousBackupsCommand, { TableName: 'orders' })
      .resolves({
        ContinuousBackupsDescription: {
          ContinuousBackupsStatus: 'ENABLED',
          PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'ENABLED' },
        },
      })
      .on(DescribeContinuousBackupsCommand, { TableName: 'sessions' })
      .resolves({
        ContinuousBackupsDescription: {
          ContinuousBackupsStatus: 'ENABLED',
          PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'DISABLED' },
        },
      })
      .on(DescribeContinuousBackupsCommand, { TableName: 'ledger' })
      .rejects(awsError('json', 'AccessDeniedException'));

    // Act
    const { value, issues } = await runCollector(dynamodbCollectors['dynamodb.continuousBackups'], {
      region: 'eu-west-1',
      dependencies: { 'dynamodb.tables': [orders, sessions, ledger, elsewhere] },
    });

    // Assess
    expect(dynamoMock).toHaveReceivedCommandTimes(DescribeContinuousBackupsCommand, 3);
    expect(value).toEqual([
      { arn: orders.arn, region: 'eu-west-1', pointInTimeRecoveryEnabled: true },
      { arn: sessions.arn, region: 'eu-west-1', pointInTimeRecoveryEnabled: false },
    ]);
    expect(issues.map((i) => i.resourceArn)).toEqual([ledger.arn]);
  });
});

describe('Collector: dynamodb.tableTags', () => {
  it('follows NextToken and maps the tags', async () => {
    // Prepare
    const orders = dynamoTable('orders');
    dynamoMock
      .on(ListTagsOfResourceCommand)
      .resolvesOnce({ Tags: [{ Key: 'team', Value: 'checkout' }], NextToken: 't2' })
      .resolvesOnce({ Tags: [{ Key: 'data-class', Value: 'confidential' }] });

    // Act
    const { value } = await runCollector(dynamodbCollectors['dynamodb.tableTags'], {
      dependencies: { 'dynamodb.tables': [orders] },
    });

    // Assess
    expect(dynamoMock).toHaveReceivedNthCommandWith(ListTagsOfResourceCommand, 2, {
      ResourceArn: orders.arn,
      NextToken: 't2',
    });
    expect(value).toEqual([
      { arn: orders.arn, region: 'us-east-1', tags: { team: 'checkout', 'data-class': 'confidential' } },
    ]);
  });
});

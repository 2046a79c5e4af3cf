import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTagsOfResourceCommand,
  paginateListTables,
  type TableDescription,
  type Tag,
} from '@aws-sdk/client-dynamodb';
import type { DynamoTable } from '../inventory/index.js';
import { collectEach } from './context.js';
import { tagRecord } from './shapes.js';
import type { CollectContext, SliceCollectors } from './types.js';

/** ListTables returns at most 100 names per page. */
const LIST_TABLES_PAGE_SIZE = 100;

const tableArn = (context: CollectContext, name: string): string =>
  `arn:${context.partition}:dynamodb:${context.region}:${context.accountId}:table/${name}`;

function toDynamoTable(table: TableDescription, name: string, context: CollectContext): DynamoTable {
  const sse = table.SSEDescription;
  return {
    arn: table.TableArn ?? tableArn(context, name),
    id: name,
    region: context.region,
    accountId: context.accountId,
    name,
    ...(table.TableStatus !== undefined && { status: table.TableStatus }),
    deletionProtectionEnabled: table.DeletionProtectionEnabled === true,
    // Tables created before on-demand existed have no BillingModeSummary: they are provisioned.
    billingMode: table.BillingModeSummary?.BillingMode ?? 'PROVISIONED',
    ...(sse?.SSEType !== undefined && { sseType: sse.SSEType }),
    ...(sse?.KMSMasterKeyArn !== undefined && { kmsKeyArn: sse.KMSMasterKeyArn }),
    // Replicas of a global table (version 2019.11.21) include this table's own region.
    replicaRegions: (table.Replicas ?? [])
      .map((r) => r.RegionName)
      .filter((r): r is string => r !== undefined && r !== context.region),
  };
}

const tablesOf = (context: CollectContext): DynamoTable[] =>
  context.get('dynamodb.tables').filter((t) => t.region === context.region);

/** ListTagsOfResource has no SDK paginator and no page size: follow NextToken. */
async function listTags(client: DynamoDBClient, arn: string): Promise<Tag[]> {
  const tags: Tag[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(new ListTagsOfResourceCommand({ ResourceArn: arn, NextToken: nextToken }));
    tags.push(...(page.Tags ?? []));
    nextToken = page.NextToken;
  } while (nextToken);
  return tags;
}

export const dynamodbCollectors: SliceCollectors<
  'dynamodb.tables' | 'dynamodb.continuousBackups' | 'dynamodb.tableTags'
> = {
  'dynamodb.tables': {
    key: 'dynamodb.tables',
    scope: 'regional',
    actions: ['dynamodb:ListTables', 'dynamodb:DescribeTable'],
    async collect(context) {
      const client = context.clients.get(DynamoDBClient, context.region);
      const names: string[] = [];
      for await (const page of paginateListTables({ client, pageSize: LIST_TABLES_PAGE_SIZE }, {})) {
        names.push(...(page.TableNames ?? []));
      }
      const items = names.map((name) => ({ name, arn: tableArn(context, name), region: context.region }));
      return collectEach(context, items, async ({ name }) => {
        const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
        if (!Table) throw new Error(`DescribeTable returned no table for ${name}.`);
        return toDynamoTable(Table, name, context);
      });
    },
  },

  'dynamodb.continuousBackups': {
    key: 'dynamodb.continuousBackups',
    scope: 'regional',
    actions: ['dynamodb:DescribeContinuousBackups'],
    dependsOn: ['dynamodb.tables'],
    collect(context) {
      const client = context.clients.get(DynamoDBClient, context.region);
      return collectEach(context, tablesOf(context), async (table) => {
        const { ContinuousBackupsDescription: description } = await client.send(
          new DescribeContinuousBackupsCommand({ TableName: table.name }),
        );
        const status = description?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus;
        return { arn: table.arn, region: table.region, pointInTimeRecoveryEnabled: status === 'ENABLED' };
      });
    },
  },

  'dynamodb.tableTags': {
    key: 'dynamodb.tableTags',
    scope: 'regional',
    actions: ['dynamodb:ListTagsOfResource'],
    dependsOn: ['dynamodb.tables'],
    collect(context) {
      const client = context.clients.get(DynamoDBClient, context.region);
      return collectEach(context, tablesOf(context), async (table) => {
        const tags = await listTags(client, table.arn);
        return {
          arn: table.arn,
          region: table.region,
          tags: tagRecord(tags),
        };
      });
    },
  },
};

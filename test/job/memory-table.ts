import {
  type AttributeValue,
  BatchWriteItemCommand,
  type BatchWriteItemCommandInput,
  DynamoDBClient,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';

type Item = Record<string, AttributeValue>;

/**
 * An in-memory findings table behind aws-sdk-client-mock: BatchWriteItem puts, Query by `pk`.
 * Enough to run the job several times and look at what it stored.
 */
export function memoryTable() {
  const dynamo = mockClient(DynamoDBClient);
  const items = new Map<string, Item>();
  const install = () => {
    dynamo.on(BatchWriteItemCommand).callsFake((input: BatchWriteItemCommandInput) => {
      for (const requests of Object.values(input.RequestItems ?? {})) {
        for (const request of requests) {
          const item = request.PutRequest?.Item;
          if (item) items.set(`${item.pk?.S}|${item.sk?.S}`, item);
        }
      }
      return { UnprocessedItems: {} };
    });
    dynamo.on(QueryCommand).callsFake((input: QueryCommandInput) => {
      const pk = input.ExpressionAttributeValues?.[':pk']?.S;
      return { Items: [...items.values()].filter((item) => item.pk?.S === pk) };
    });
  };
  install();
  return {
    dynamo,
    /** Stored items of one type, unmarshalled. */
    ofType: (type: 'FINDING' | 'TRANSITION' | 'SCAN') =>
      [...items.values()].map((item) => unmarshall(item)).filter((item) => item.type === type),
    reset: () => {
      dynamo.reset();
      items.clear();
      install();
    },
    restore: () => dynamo.restore(),
  };
}

import { CreateTableCommand, type DynamoDBClient, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { CreateTopicCommand, type SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { FINDINGS_TABLE_SCHEMA } from '../../lambdas/core/findings/table-schema.js';

/** What SNS delivers to an SQS subscriber without raw delivery: a JSON envelope. */
export interface SnsEnvelope {
  Type: string;
  TopicArn: string;
  Subject?: string;
  Message: string;
  MessageAttributes?: Record<string, { Type: string; Value: string }>;
}

/** Creates the findings table as the CDK stack does (keys, GSI, TTL). */
export async function createTable(client: DynamoDBClient, tableName: string): Promise<void> {
  const { partitionKey, sortKey, ttlAttribute, openFindingsIndex } = FINDINGS_TABLE_SCHEMA;
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: partitionKey, AttributeType: 'S' },
        { AttributeName: sortKey, AttributeType: 'S' },
        { AttributeName: openFindingsIndex.partitionKey, AttributeType: 'S' },
        { AttributeName: openFindingsIndex.sortKey, AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: partitionKey, KeyType: 'HASH' },
        { AttributeName: sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: openFindingsIndex.name,
          KeySchema: [
            { AttributeName: openFindingsIndex.partitionKey, KeyType: 'HASH' },
            { AttributeName: openFindingsIndex.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    }),
  );
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: ttlAttribute, Enabled: true },
    }),
  );
}

/** An SNS topic with an SQS queue subscribed (raw delivery off), to read back what was published. */
export async function createTopicWithQueue(
  sns: SNSClient,
  sqs: SQSClient,
): Promise<{ topicArn: string; queueUrl: string }> {
  const { TopicArn: topicArn } = await sns.send(new CreateTopicCommand({ Name: 'srm-scan-alerts' }));
  const { QueueUrl: queueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'srm-scan-alerts-inbox' }));
  if (!topicArn || !queueUrl) throw new Error('moto did not create the topic or queue');
  const attributes = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
  );
  await sns.send(
    new SubscribeCommand({
      TopicArn: topicArn,
      Protocol: 'sqs',
      Endpoint: attributes.Attributes?.QueueArn,
      Attributes: { RawMessageDelivery: 'false' },
    }),
  );
  return { topicArn, queueUrl };
}

/** Drains the queue: every digest published since the last call. */
export async function receiveDigests(sqs: SQSClient, queueUrl: string): Promise<SnsEnvelope[]> {
  const envelopes: SnsEnvelope[] = [];
  for (;;) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    );
    if (Messages.length === 0) return envelopes;
    for (const message of Messages) {
      envelopes.push(JSON.parse(message.Body ?? '{}') as SnsEnvelope);
      await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
    }
  }
}

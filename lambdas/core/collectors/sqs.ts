import { GetQueueAttributesCommand, paginateListQueues, SQSClient } from '@aws-sdk/client-sqs';
import { isAwsError } from '../aws/clients.js';
import type { SqsQueue } from '../inventory/index.js';
import { parsePolicyDocument } from '../policy/index.js';
import { collectEach } from './context.js';
import type { CollectContext, SliceCollectors } from './types.js';

/** ListQueues returns at most 1,000 queue URLs per page. */
const LIST_QUEUES_PAGE_SIZE = 1000;

/** `https://sqs.eu-west-1.amazonaws.com/123456789012/orders` → `orders`. */
const queueNameOf = (url: string): string => url.replace(/\/+$/, '').split('/').pop() ?? url;

const queueArn = (context: CollectContext, name: string): string =>
  `arn:${context.partition}:sqs:${context.region}:${context.accountId}:${name}`;

function toSqsQueue(url: string, attributes: Record<string, string>, context: CollectContext): SqsQueue {
  const name = queueNameOf(url);
  return {
    arn: attributes.QueueArn ?? queueArn(context, name),
    id: name,
    region: context.region,
    accountId: context.accountId,
    name,
    url,
    sqsManagedSseEnabled: attributes.SqsManagedSseEnabled === 'true',
    ...(attributes.KmsMasterKeyId && { kmsMasterKeyId: attributes.KmsMasterKeyId }),
    policy: attributes.Policy ? parsePolicyDocument(attributes.Policy) : null,
  };
}

export const sqsCollectors: SliceCollectors<'sqs.queues'> = {
  'sqs.queues': {
    key: 'sqs.queues',
    scope: 'regional',
    actions: ['sqs:ListQueues', 'sqs:GetQueueAttributes'],
    async collect(context) {
      const client = context.clients.get(SQSClient, context.region);
      const urls: string[] = [];
      for await (const page of paginateListQueues({ client, pageSize: LIST_QUEUES_PAGE_SIZE }, {})) {
        urls.push(...(page.QueueUrls ?? []));
      }
      const items = urls.map((url) => ({ url, arn: queueArn(context, queueNameOf(url)), region: context.region }));
      const queues = await collectEach(context, items, async ({ url }) => {
        try {
          const { Attributes } = await client.send(
            new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }),
          );
          return toSqsQueue(url, Attributes ?? {}, context);
        } catch (error) {
          // Deleted between the listing and this call (wire code AWS.SimpleQueueService.NonExistentQueue).
          if (isAwsError(error, 'QueueDoesNotExist', 'AWS.SimpleQueueService.NonExistentQueue')) return null;
          throw error;
        }
      });
      return queues.filter((q): q is SqsQueue => q !== null);
    },
  },
};

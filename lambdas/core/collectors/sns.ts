import { GetTopicAttributesCommand, paginateListTopics, SNSClient } from '@aws-sdk/client-sns';
import { arnResourceId } from '../aws/arn.js';
import { isAwsError } from '../aws/clients.js';
import type { SnsTopic } from '../inventory/index.js';
import { parsePolicyDocument } from '../policy/index.js';
import { collectEach } from './context.js';
import type { CollectContext, SliceCollectors } from './types.js';

function toSnsTopic(arn: string, attributes: Record<string, string>, context: CollectContext): SnsTopic {
  const name = arnResourceId(arn);
  return {
    arn,
    id: name,
    region: context.region,
    accountId: context.accountId,
    name,
    // An empty KmsMasterKeyId is what SNS answers after SSE was turned off.
    ...(attributes.KmsMasterKeyId && { kmsMasterKeyId: attributes.KmsMasterKeyId }),
    policy: attributes.Policy ? parsePolicyDocument(attributes.Policy) : null,
  };
}

export const snsCollectors: SliceCollectors<'sns.topics'> = {
  'sns.topics': {
    key: 'sns.topics',
    scope: 'regional',
    actions: ['sns:ListTopics', 'sns:GetTopicAttributes'],
    async collect(context) {
      const client = context.clients.get(SNSClient, context.region);
      // ListTopics returns 100 topics per page and takes no page size.
      const arns: string[] = [];
      for await (const page of paginateListTopics({ client }, {})) {
        arns.push(...(page.Topics ?? []).flatMap((t) => (t.TopicArn ? [t.TopicArn] : [])));
      }
      const items = arns.map((arn) => ({ arn, region: context.region }));
      const topics = await collectEach(context, items, async ({ arn }) => {
        try {
          const { Attributes } = await client.send(new GetTopicAttributesCommand({ TopicArn: arn }));
          return toSnsTopic(arn, Attributes ?? {}, context);
        } catch (error) {
          // Deleted between the listing and this call: nothing to judge.
          if (isAwsError(error, 'NotFound')) return null;
          throw error;
        }
      });
      return topics.filter((t): t is SnsTopic => t !== null);
    },
  },
};

import { paginateListSubscriptions, SNSClient } from '@aws-sdk/client-sns';
import type { SnsTopicSubscriptions } from '../inventory/index.js';
import type { SliceCollectors } from './types.js';

/**
 * Subscriptions grouped by topic. ListSubscriptions (100 per page, no page size parameter) lists the
 * region's subscriptions in one stream, instead of ListSubscriptionsByTopic per topic. A subscription
 * awaiting confirmation has the SubscriptionArn `PendingConfirmation`.
 */
export const snsSubscriptionCollectors: SliceCollectors<'sns.topicSubscriptions'> = {
  'sns.topicSubscriptions': {
    key: 'sns.topicSubscriptions',
    scope: 'regional',
    actions: ['sns:ListSubscriptions'],
    async collect(context) {
      const client = context.clients.get(SNSClient, context.region);
      const byTopic = new Map<string, { protocol: string; confirmed: boolean }[]>();
      for await (const page of paginateListSubscriptions({ client }, {})) {
        for (const s of page.Subscriptions ?? []) {
          if (!s.TopicArn) continue;
          const confirmed = s.SubscriptionArn?.startsWith('arn:') === true;
          byTopic.set(s.TopicArn, [
            ...(byTopic.get(s.TopicArn) ?? []),
            { protocol: s.Protocol ?? 'unknown', confirmed },
          ]);
        }
      }
      return [...byTopic].map(
        ([arn, subscriptions]): SnsTopicSubscriptions => ({ arn, region: context.region, subscriptions }),
      );
    },
  },
};

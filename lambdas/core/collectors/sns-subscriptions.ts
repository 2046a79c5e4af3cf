import { paginateListSubscriptionsByTopic, SNSClient, type Subscription } from '@aws-sdk/client-sns';
import { isAwsError } from '../aws/clients.js';
import type { SnsTopicSubscriptions } from '../inventory/index.js';
import { collectEach } from './context.js';
import type { SliceCollectors } from './types.js';

const SNS_TOPIC = /^arn:[^:]+:sns:([^:]+):\d{12}:[^:]+$/;

/**
 * The subscriptions of every SNS topic a metric alarm notifies, asked of the topic itself
 * (ListSubscriptionsByTopic, 100 per page, in the topic's region) rather than ListSubscriptions, which
 * lists only the subscriptions the scanned account owns and so misses a security account subscribed to
 * the topic. A subscription awaiting confirmation has the SubscriptionArn `PendingConfirmation`.
 */
export const snsSubscriptionCollectors: SliceCollectors<'sns.topicSubscriptions'> = {
  'sns.topicSubscriptions': {
    key: 'sns.topicSubscriptions',
    scope: 'global',
    actions: ['sns:ListSubscriptionsByTopic'],
    dependsOn: ['cloudwatch.alarms'],
    collect(context) {
      const topics = new Map<string, { arn: string; region: string }>();
      for (const alarm of context.get('cloudwatch.alarms')) {
        for (const action of alarm.alarmActions) {
          const region = SNS_TOPIC.exec(action)?.[1];
          if (region) topics.set(action, { arn: action, region });
        }
      }
      return collectEach(context, [...topics.values()], async (topic): Promise<SnsTopicSubscriptions> => {
        const client = context.clients.get(SNSClient, topic.region);
        const subscriptions: Subscription[] = [];
        try {
          for await (const page of paginateListSubscriptionsByTopic({ client }, { TopicArn: topic.arn })) {
            subscriptions.push(...(page.Subscriptions ?? []));
          }
        } catch (error) {
          // The alarm points at a topic that was deleted: it notifies nobody.
          if (isAwsError(error, 'NotFound')) return { ...topic, topicExists: false, subscriptions: [] };
          throw error;
        }
        return {
          ...topic,
          topicExists: true,
          subscriptions: subscriptions.map((s) => ({
            protocol: s.Protocol ?? 'unknown',
            confirmed: s.SubscriptionArn?.startsWith('arn:') === true,
          })),
        };
      });
    },
  },
};

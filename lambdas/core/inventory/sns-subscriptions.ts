import type { ResourceAttribute } from './common.js';

/**
 * The subscriptions of an SNS topic that a CloudWatch alarm notifies (ListSubscriptionsByTopic), keyed by
 * the topic ARN. Endpoints are not kept: an HTTPS endpoint can carry a token.
 */
export type SnsTopicSubscriptions = ResourceAttribute<{
  /** False when the topic no longer exists (NotFound): the alarm notifies nobody. */
  topicExists: boolean;
  subscriptions: readonly {
    protocol: string;
    /** False while the subscription is pending confirmation (it receives nothing yet). */
    confirmed: boolean;
  }[];
}>;

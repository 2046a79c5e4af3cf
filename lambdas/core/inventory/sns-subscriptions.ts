import type { ResourceAttribute } from './common.js';

/**
 * The subscriptions of one SNS topic (ListSubscriptions, grouped by topic ARN). Endpoints are not kept:
 * an HTTPS endpoint can carry a token.
 */
export type SnsTopicSubscriptions = ResourceAttribute<{
  subscriptions: readonly {
    protocol: string;
    /** False while the subscription is pending confirmation (it receives nothing yet). */
    confirmed: boolean;
  }[];
}>;

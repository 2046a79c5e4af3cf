import {
  DescribeHubCommand,
  type DescribeHubCommandOutput,
  paginateGetEnabledStandards,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import { isAwsError } from '../aws/clients.js';
import type { SecurityHubStandard } from '../inventory/index.js';
import type { SliceCollectors } from './types.js';

/** GetEnabledStandards returns at most 100 subscriptions per page. */
const ENABLED_STANDARDS_PAGE_SIZE = 100;

/**
 * DescribeHub in a region where the account has not enabled Security Hub answers
 * InvalidAccessException ("Account … is not subscribed to AWS Security Hub"): no hub, not an error.
 */
async function describeHub(client: SecurityHubClient): Promise<DescribeHubCommandOutput | null> {
  try {
    return await client.send(new DescribeHubCommand({}));
  } catch (error) {
    if (isAwsError(error, 'InvalidAccessException')) return null;
    throw error;
  }
}

export const securityhubCollectors: SliceCollectors<'securityhub.hubs'> = {
  'securityhub.hubs': {
    key: 'securityhub.hubs',
    scope: 'regional',
    actions: ['securityhub:DescribeHub', 'securityhub:GetEnabledStandards'],
    async collect(context) {
      const client = context.clients.get(SecurityHubClient, context.region);
      const hub = await describeHub(client);
      if (!hub) return [];
      const standards: SecurityHubStandard[] = [];
      const pages = paginateGetEnabledStandards({ client, pageSize: ENABLED_STANDARDS_PAGE_SIZE }, {});
      for await (const page of pages) {
        for (const subscription of page.StandardsSubscriptions ?? []) {
          if (!subscription.StandardsArn) continue;
          standards.push({
            standardsArn: subscription.StandardsArn,
            status: subscription.StandardsStatus ?? 'UNKNOWN',
          });
        }
      }
      const arn =
        hub.HubArn ?? `arn:${context.partition}:securityhub:${context.region}:${context.accountId}:hub/default`;
      return [
        {
          arn,
          id: `${context.accountId}/${context.region}`,
          region: context.region,
          accountId: context.accountId,
          ...(hub.SubscribedAt && { subscribedAt: hub.SubscribedAt }),
          ...(hub.AutoEnableControls !== undefined && { autoEnableControls: hub.AutoEnableControls }),
          standards,
        },
      ];
    },
  },
};

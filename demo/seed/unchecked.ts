import { CreateStateMachineCommand, SFNClient } from '@aws-sdk/client-sfn';
import type { Seeder } from './types.js';

/**
 * A service srm-scan has no checks for: a tagged Step Functions workflow. It plants no FAIL; the coverage map
 * must list AWS Step Functions as "in use, not checked" with the obligations the customer owes for it.
 */
export const seedUncheckedServices: Seeder = async ({ accountId, clients }) => {
  await clients.get(SFNClient, 'eu-west-1').send(
    new CreateStateMachineCommand({
      name: 'harbor-order-workflow',
      definition: JSON.stringify({ StartAt: 'Accept', States: { Accept: { Type: 'Pass', End: true } } }),
      roleArn: `arn:aws:iam::${accountId}:role/harbor-order-workflow`,
      tags: [{ key: 'team', value: 'orders' }],
    }),
  );
  return [];
};

import { ApiCallCounter } from '../../lambdas/core/aws/api-calls.js';
import { AwsClients } from '../../lambdas/core/aws/clients.js';
import { createCollectContext } from '../../lambdas/core/collectors/context.js';
import type { CollectionIssue, SliceCollector } from '../../lambdas/core/collectors/types.js';
import type { SliceKey, SliceTypes } from '../../lambdas/core/inventory/index.js';

export const TEST_ACCOUNT_ID = '123456789012';

/**
 * Runs one slice collector the way the engine does, for tests that mock SDK clients with
 * aws-sdk-client-mock. Returns the slice value and the per-resource issues it reported.
 */
export async function runCollector<K extends SliceKey>(
  collector: SliceCollector<K>,
  options: { region?: string; regions?: readonly string[]; dependencies?: Partial<SliceTypes> } = {},
): Promise<{ value: SliceTypes[K]; issues: CollectionIssue[] }> {
  const issues: CollectionIssue[] = [];
  const clients = new AwsClients(new ApiCallCounter(), { endpoint: undefined });
  const context = createCollectContext({
    slice: collector.key,
    accountId: TEST_ACCOUNT_ID,
    partition: 'aws',
    region: options.region ?? 'us-east-1',
    regions: options.regions ?? [options.region ?? 'us-east-1'],
    clients,
    dependencies: options.dependencies ?? {},
    issues,
  });
  const value = await collector.collect(context);
  return { value, issues };
}

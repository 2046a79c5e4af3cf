import {
  CloudWatchLogsClient,
  paginateDescribeMetricFilters,
  type MetricFilter as SdkMetricFilter,
} from '@aws-sdk/client-cloudwatch-logs';
import { logGroupOf, type MetricFilter } from '../inventory/index.js';
import { collectEach } from './context.js';
import type { SliceCollectors } from './types.js';

/** DescribeMetricFilters returns at most 50 filters per page. */
const METRIC_FILTERS_PAGE_SIZE = 50;

const toMetricFilter = (filter: SdkMetricFilter): MetricFilter => ({
  name: filter.filterName ?? '',
  pattern: filter.filterPattern ?? '',
  metrics: (filter.metricTransformations ?? []).flatMap((t) =>
    t.metricName && t.metricNamespace ? [{ namespace: t.metricNamespace, name: t.metricName }] : [],
  ),
});

export const logsCollectors: SliceCollectors<'logs.metricFilters'> = {
  'logs.metricFilters': {
    key: 'logs.metricFilters',
    scope: 'global',
    actions: ['logs:DescribeMetricFilters'],
    dependsOn: ['cloudtrail.trails'],
    collect(context) {
      // The log groups trails deliver to, once each. A group in another account (an organization trail seen
      // by a member) cannot be read from here.
      const groups = new Map<string, { arn: string; name: string; region: string }>();
      for (const trail of context.get('cloudtrail.trails')) {
        const group = trail.cloudWatchLogsLogGroupArn ? logGroupOf(trail.cloudWatchLogsLogGroupArn) : undefined;
        if (group && group.accountId === context.accountId) groups.set(group.arn, group);
      }
      return collectEach(context, [...groups.values()], async (group) => {
        const client = context.clients.get(CloudWatchLogsClient, group.region);
        const filters: MetricFilter[] = [];
        const pages = paginateDescribeMetricFilters(
          { client, pageSize: METRIC_FILTERS_PAGE_SIZE },
          { logGroupName: group.name },
        );
        for await (const page of pages) filters.push(...(page.metricFilters ?? []).map(toMetricFilter));
        return { arn: group.arn, region: group.region, logGroupName: group.name, filters };
      });
    },
  },
};

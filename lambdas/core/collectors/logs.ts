import {
  CloudWatchLogsClient,
  paginateDescribeLogGroups,
  paginateDescribeMetricFilters,
  type MetricFilter as SdkMetricFilter,
} from '@aws-sdk/client-cloudwatch-logs';
import { type LogGroup, logGroupOf, type MetricFilter } from '../inventory/index.js';
import { collectEach } from './context.js';
import type { SliceCollectors } from './types.js';

/** DescribeMetricFilters and DescribeLogGroups return at most 50 items per page. */
const METRIC_FILTERS_PAGE_SIZE = 50;
const LOG_GROUPS_PAGE_SIZE = 50;

const toMetricFilter = (filter: SdkMetricFilter): MetricFilter => ({
  name: filter.filterName ?? '',
  pattern: filter.filterPattern ?? '',
  metrics: (filter.metricTransformations ?? []).flatMap((t) =>
    t.metricName && t.metricNamespace ? [{ namespace: t.metricNamespace, name: t.metricName }] : [],
  ),
});

export const logsCollectors: SliceCollectors<'logs.logGroups' | 'logs.metricFilters'> = {
  'logs.logGroups': {
    key: 'logs.logGroups',
    scope: 'regional',
    actions: ['logs:DescribeLogGroups'],
    async collect(context) {
      const client = context.clients.get(CloudWatchLogsClient, context.region);
      const groups: LogGroup[] = [];
      for await (const page of paginateDescribeLogGroups({ client, pageSize: LOG_GROUPS_PAGE_SIZE }, {})) {
        for (const g of page.logGroups ?? []) {
          if (!g.logGroupName) continue;
          const arn =
            (g.arn && logGroupOf(g.arn)?.arn) ??
            `arn:${context.partition}:logs:${context.region}:${context.accountId}:log-group:${g.logGroupName}`;
          groups.push({
            arn,
            id: g.logGroupName,
            region: context.region,
            accountId: context.accountId,
            name: g.logGroupName,
            ...(g.retentionInDays !== undefined && { retentionInDays: g.retentionInDays }),
            ...(g.kmsKeyId && { kmsKeyId: g.kmsKeyId }),
            ...(g.logGroupClass && { logGroupClass: g.logGroupClass }),
          });
        }
      }
      return groups;
    },
  },

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

import {
  CloudWatchClient,
  paginateDescribeAlarms,
  type MetricAlarm as SdkMetricAlarm,
} from '@aws-sdk/client-cloudwatch';
import type { MetricAlarm } from '../inventory/index.js';
import type { CollectContext, SliceCollectors } from './types.js';

/** DescribeAlarms returns at most 100 alarms per page. */
const DESCRIBE_ALARMS_PAGE_SIZE = 100;

function toAlarm(alarm: SdkMetricAlarm, context: CollectContext): MetricAlarm | undefined {
  const name = alarm.AlarmName;
  if (!name) return undefined;
  const own = alarm.MetricName && alarm.Namespace ? [{ namespace: alarm.Namespace, name: alarm.MetricName }] : [];
  const fromMath = (alarm.Metrics ?? []).flatMap((query) => {
    const metric = query.MetricStat?.Metric;
    return metric?.MetricName && metric.Namespace ? [{ namespace: metric.Namespace, name: metric.MetricName }] : [];
  });
  return {
    arn: alarm.AlarmArn ?? `arn:${context.partition}:cloudwatch:${context.region}:${context.accountId}:alarm:${name}`,
    id: name,
    region: context.region,
    accountId: context.accountId,
    name,
    // ActionsEnabled defaults to true.
    actionsEnabled: alarm.ActionsEnabled !== false,
    alarmActions: alarm.AlarmActions ?? [],
    metrics: [...own, ...fromMath],
  };
}

export const cloudwatchCollectors: SliceCollectors<'cloudwatch.alarms'> = {
  'cloudwatch.alarms': {
    key: 'cloudwatch.alarms',
    scope: 'regional',
    actions: ['cloudwatch:DescribeAlarms'],
    async collect(context) {
      const client = context.clients.get(CloudWatchClient, context.region);
      const alarms: MetricAlarm[] = [];
      const pages = paginateDescribeAlarms(
        { client, pageSize: DESCRIBE_ALARMS_PAGE_SIZE },
        { AlarmTypes: ['MetricAlarm'] },
      );
      for await (const page of pages) {
        for (const alarm of page.MetricAlarms ?? []) {
          const normalised = toAlarm(alarm, context);
          if (normalised) alarms.push(normalised);
        }
      }
      return alarms;
    },
  },
};

import {
  ConfigServiceClient,
  type ConfigurationRecorder,
  DescribeConfigurationRecorderStatusCommand,
  DescribeConfigurationRecordersCommand,
  DescribeDeliveryChannelsCommand,
} from '@aws-sdk/client-config-service';
import type { ConfigRecorder } from '../inventory/index.js';
import type { CollectContext, SliceCollectors } from './types.js';

/**
 * Normalises a recorder's recording group. Before recording strategies existed, `allSupported` alone
 * said "every supported type"; a recorder without a recording group records every supported type.
 */
function toRecorder(recorder: ConfigurationRecorder, context: CollectContext): ConfigRecorder | undefined {
  const name = recorder.name;
  if (!name) return undefined;
  const group = recorder.recordingGroup;
  const strategy =
    group?.recordingStrategy?.useOnly ??
    (group === undefined || group.allSupported !== false
      ? 'ALL_SUPPORTED_RESOURCE_TYPES'
      : 'INCLUSION_BY_RESOURCE_TYPES');
  const excluded = group?.exclusionByResourceTypes?.resourceTypes ?? [];
  return {
    arn:
      recorder.arn ??
      `arn:${context.partition}:config:${context.region}:${context.accountId}:configuration-recorder/${name}`,
    id: name,
    region: context.region,
    accountId: context.accountId,
    name,
    ...(recorder.servicePrincipal && { servicePrincipal: recorder.servicePrincipal }),
    recordingStrategy: strategy,
    recordsAllSupported: strategy === 'ALL_SUPPORTED_RESOURCE_TYPES',
    includeGlobalResourceTypes: group?.includeGlobalResourceTypes === true,
    excludedResourceTypes: strategy === 'EXCLUSION_BY_RESOURCE_TYPES' ? [...excluded].sort() : [],
    includedResourceTypes: strategy === 'INCLUSION_BY_RESOURCE_TYPES' ? [...(group?.resourceTypes ?? [])].sort() : [],
  };
}

export const configCollectors: SliceCollectors<'config.recorders' | 'config.deliveryChannels'> = {
  'config.recorders': {
    key: 'config.recorders',
    scope: 'regional',
    actions: ['config:DescribeConfigurationRecorders', 'config:DescribeConfigurationRecorderStatus'],
    async collect(context) {
      const client = context.clients.get(ConfigServiceClient, context.region);
      // Neither call is paginated: a region has one customer recorder and a few service-linked ones.
      const [{ ConfigurationRecorders: recorders }, { ConfigurationRecordersStatus: statuses }] = await Promise.all([
        client.send(new DescribeConfigurationRecordersCommand({})),
        client.send(new DescribeConfigurationRecorderStatusCommand({})),
      ]);
      const statusOf = new Map((statuses ?? []).map((s) => [s.name, s]));
      return (recorders ?? []).flatMap((r) => {
        const recorder = toRecorder(r, context);
        if (!recorder) return [];
        const status = statusOf.get(recorder.name);
        return [
          {
            ...recorder,
            ...(status?.recording !== undefined && { recording: status.recording }),
            ...(status?.lastStatus !== undefined && { lastStatus: status.lastStatus }),
          },
        ];
      });
    },
  },

  'config.deliveryChannels': {
    key: 'config.deliveryChannels',
    scope: 'regional',
    actions: ['config:DescribeDeliveryChannels'],
    async collect(context) {
      const client = context.clients.get(ConfigServiceClient, context.region);
      const { DeliveryChannels: channels } = await client.send(new DescribeDeliveryChannelsCommand({}));
      return (channels ?? []).flatMap((c) =>
        c.name
          ? [
              {
                arn: `arn:${context.partition}:config:${context.region}:${context.accountId}:delivery-channel/${c.name}`,
                id: c.name,
                region: context.region,
                accountId: context.accountId,
                name: c.name,
                ...(c.s3BucketName && { s3BucketName: c.s3BucketName }),
                ...(c.snsTopicARN && { snsTopicArn: c.snsTopicARN }),
              },
            ]
          : [],
      );
    },
  },
};

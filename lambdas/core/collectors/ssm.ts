import {
  paginateDescribeInstanceInformation,
  paginateListResourceComplianceSummaries,
  SSMClient,
} from '@aws-sdk/client-ssm';
import type { ManagedInstance, PatchComplianceSummary } from '../inventory/index.js';
import type { SliceCollectors } from './types.js';

/** DescribeInstanceInformation and ListResourceComplianceSummaries both return at most 50 items a page. */
export const SSM_PAGE_SIZE = 50;

export const ssmCollectors: SliceCollectors<'ssm.managedInstances' | 'ssm.patchCompliance'> = {
  'ssm.managedInstances': {
    key: 'ssm.managedInstances',
    scope: 'regional',
    actions: ['ssm:DescribeInstanceInformation'],
    async collect(context) {
      const client = context.clients.get(SSMClient, context.region);
      const instances: ManagedInstance[] = [];
      for await (const page of paginateDescribeInstanceInformation({ client, pageSize: SSM_PAGE_SIZE }, {})) {
        for (const info of page.InstanceInformationList ?? []) {
          if (!info.InstanceId) continue;
          instances.push({
            instanceId: info.InstanceId,
            region: context.region,
            ...(info.PingStatus !== undefined && { pingStatus: info.PingStatus }),
            ...(info.LastPingDateTime !== undefined && { lastPingAt: info.LastPingDateTime }),
            ...(info.PlatformName !== undefined && { platformName: info.PlatformName }),
            ...(info.AgentVersion !== undefined && { agentVersion: info.AgentVersion }),
            ...(info.ResourceType !== undefined && { resourceType: info.ResourceType }),
          });
        }
      }
      return instances;
    },
  },

  'ssm.patchCompliance': {
    key: 'ssm.patchCompliance',
    scope: 'regional',
    actions: ['ssm:ListResourceComplianceSummaries'],
    async collect(context) {
      const client = context.clients.get(SSMClient, context.region);
      const summaries: PatchComplianceSummary[] = [];
      const pages = paginateListResourceComplianceSummaries(
        { client, pageSize: SSM_PAGE_SIZE },
        { Filters: [{ Key: 'ComplianceType', Values: ['Patch'], Type: 'EQUAL' }] },
      );
      for await (const page of pages) {
        for (const item of page.ResourceComplianceSummaryItems ?? []) {
          // Association and custom compliance share this API; only patch summaries belong here.
          if (!item.ResourceId || (item.ComplianceType !== undefined && item.ComplianceType !== 'Patch')) continue;
          summaries.push({
            resourceId: item.ResourceId,
            region: context.region,
            status: item.Status ?? 'UNKNOWN',
            ...(item.OverallSeverity !== undefined && { overallSeverity: item.OverallSeverity }),
            nonCompliantCount: item.NonCompliantSummary?.NonCompliantCount ?? 0,
            ...(item.CompliantSummary?.CompliantCount !== undefined && {
              compliantCount: item.CompliantSummary.CompliantCount,
            }),
            ...(item.ResourceType !== undefined && { resourceType: item.ResourceType }),
            ...(item.ExecutionSummary?.ExecutionTime !== undefined && {
              executedAt: item.ExecutionSummary.ExecutionTime,
            }),
          });
        }
      }
      return summaries;
    },
  },
};

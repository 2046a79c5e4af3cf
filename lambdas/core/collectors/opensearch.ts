import {
  DescribeDomainsCommand,
  type DomainStatus,
  ListDomainNamesCommand,
  OpenSearchClient,
} from '@aws-sdk/client-opensearch';
import { chunks } from '../aws/batches.js';
import type { OpenSearchDomain } from '../inventory/index.js';
import { parsePolicyDocument } from '../policy/index.js';
import type { CollectContext, SliceCollectors } from './types.js';

/** DescribeDomains takes at most five domain names per call. */
const DESCRIBE_BATCH_SIZE = 5;

const domainArn = (context: CollectContext, name: string): string =>
  `arn:${context.partition}:es:${context.region}:${context.accountId}:domain/${name}`;

function toDomain(status: DomainStatus, context: CollectContext): OpenSearchDomain {
  const name = status.DomainName ?? '';
  const vpc = status.VPCOptions;
  const cluster = status.ClusterConfig;
  const security = status.AdvancedSecurityOptions;
  const endpoint = status.DomainEndpointOptions;
  const policy = status.AccessPolicies?.trim();
  const inVpc = vpc !== undefined && (vpc.VPCId !== undefined || (vpc.SubnetIds ?? []).length > 0);
  const publicEndpoint = status.Endpoint ?? status.EndpointV2;
  return {
    arn: status.ARN ?? domainArn(context, name),
    id: name,
    region: context.region,
    accountId: context.accountId,
    name,
    ...(status.EngineVersion !== undefined && { engineVersion: status.EngineVersion }),
    ...(inVpc && { vpc: { subnetIds: vpc.SubnetIds ?? [], securityGroupIds: vpc.SecurityGroupIds ?? [] } }),
    ...(!inVpc && publicEndpoint !== undefined && { publicEndpoint }),
    encryptionAtRest: status.EncryptionAtRestOptions?.Enabled === true,
    ...(status.EncryptionAtRestOptions?.KmsKeyId !== undefined && {
      kmsKeyId: status.EncryptionAtRestOptions.KmsKeyId,
    }),
    nodeToNodeEncryption: status.NodeToNodeEncryptionOptions?.Enabled === true,
    enforceHttps: endpoint?.EnforceHTTPS === true,
    ...(endpoint?.TLSSecurityPolicy !== undefined && { tlsSecurityPolicy: endpoint.TLSSecurityPolicy }),
    fineGrainedAccessControl: security?.Enabled === true,
    anonymousAuthEnabled: security?.AnonymousAuthEnabled === true,
    internalUserDatabaseEnabled: security?.InternalUserDatabaseEnabled === true,
    // A domain without an access policy answers "" (or nothing): no resource policy grants anything.
    accessPolicy: policy ? parsePolicyDocument(policy) : null,
    logPublishing: Object.fromEntries(
      Object.entries(status.LogPublishingOptions ?? {}).map(([type, option]) => [
        type,
        {
          enabled: option?.Enabled === true,
          ...(option?.CloudWatchLogsLogGroupArn !== undefined && { logGroupArn: option.CloudWatchLogsLogGroupArn }),
        },
      ]),
    ),
    instanceCount: cluster?.InstanceCount ?? 1,
    zoneAwarenessEnabled: cluster?.ZoneAwarenessEnabled === true,
    ...(cluster?.ZoneAwarenessConfig?.AvailabilityZoneCount !== undefined && {
      availabilityZoneCount: cluster.ZoneAwarenessConfig.AvailabilityZoneCount,
    }),
    dedicatedMasterEnabled: cluster?.DedicatedMasterEnabled === true,
    ...(cluster?.DedicatedMasterCount !== undefined && { dedicatedMasterCount: cluster.DedicatedMasterCount }),
  };
}

export const opensearchCollectors: SliceCollectors<'opensearch.domains'> = {
  'opensearch.domains': {
    key: 'opensearch.domains',
    scope: 'regional',
    // OpenSearch Service keeps the `es` action prefix of its Elasticsearch days.
    actions: ['es:ListDomainNames', 'es:DescribeDomains'],
    async collect(context) {
      const client = context.clients.get(OpenSearchClient, context.region);
      // ListDomainNames is not paginated: one call returns every domain, OpenSearch and Elasticsearch alike.
      const { DomainNames } = await client.send(new ListDomainNamesCommand({}));
      const names = (DomainNames ?? []).flatMap((d) => (d.DomainName ? [d.DomainName] : []));
      const batches = await context.mapLimited(chunks(names, DESCRIBE_BATCH_SIZE), async (batch) => {
        try {
          const { DomainStatusList } = await client.send(new DescribeDomainsCommand({ DomainNames: batch }));
          return DomainStatusList ?? [];
        } catch (error) {
          // One failed batch leaves its five domains unevaluated, each reported on its own.
          for (const name of batch) {
            context.reportIssue({ resourceArn: domainArn(context, name), region: context.region, error });
          }
          return [];
        }
      });
      return batches.flat().flatMap((status) => {
        if (!status.DomainName || status.Deleted === true) return [];
        try {
          return [toDomain(status, context)];
        } catch (error) {
          // An access policy that does not parse: that domain alone cannot be judged.
          context.reportIssue({
            resourceArn: status.ARN ?? domainArn(context, status.DomainName),
            region: context.region,
            error,
          });
          return [];
        }
      });
    },
  },
};

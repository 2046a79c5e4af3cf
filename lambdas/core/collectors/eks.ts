import {
  type Cluster,
  DescribeClusterCommand,
  DescribeNodegroupCommand,
  EKSClient,
  type Nodegroup,
  paginateListClusters,
  paginateListNodegroups,
} from '@aws-sdk/client-eks';
import type { EksCluster, EksNodegroup } from '../inventory/index.js';
import { collectEach } from './context.js';
import type { CollectContext, SliceCollectors } from './types.js';

/** ListClusters and ListNodegroups return at most 100 names per page. */
const EKS_PAGE_SIZE = 100;

const withTags = (tags: Record<string, string> | undefined) =>
  tags && Object.keys(tags).length > 0 ? { tags: { ...tags } } : {};

function toCluster(cluster: Cluster, name: string, context: CollectContext): EksCluster {
  const vpc = cluster.resourcesVpcConfig;
  return {
    arn: cluster.arn ?? `arn:${context.partition}:eks:${context.region}:${context.accountId}:cluster/${name}`,
    id: name,
    region: context.region,
    accountId: context.accountId,
    ...withTags(cluster.tags),
    name,
    ...(cluster.version !== undefined && { version: cluster.version }),
    ...(cluster.status !== undefined && { status: cluster.status }),
    // AWS's defaults when the fields are absent: public endpoint on, private off, open to 0.0.0.0/0.
    endpointPublicAccess: vpc?.endpointPublicAccess ?? true,
    endpointPrivateAccess: vpc?.endpointPrivateAccess ?? false,
    publicAccessCidrs: vpc?.publicAccessCidrs ?? ['0.0.0.0/0'],
    encryptionConfig: (cluster.encryptionConfig ?? []).map((e) => ({
      resources: e.resources ?? [],
      ...(e.provider?.keyArn !== undefined && { keyArn: e.provider.keyArn }),
    })),
    enabledLogTypes: [
      ...new Set((cluster.logging?.clusterLogging ?? []).flatMap((l) => (l.enabled ? (l.types ?? []) : []))),
    ],
  };
}

function toNodegroup(nodegroup: Nodegroup, cluster: EksCluster, name: string): EksNodegroup {
  return {
    arn: nodegroup.nodegroupArn ?? `${cluster.arn.replace(':cluster/', ':nodegroup/')}/${name}`,
    id: name,
    region: cluster.region,
    accountId: cluster.accountId,
    ...withTags(nodegroup.tags),
    name,
    clusterName: cluster.name,
    ...(nodegroup.remoteAccess?.ec2SshKey && { remoteAccessKey: nodegroup.remoteAccess.ec2SshKey }),
    remoteAccessSourceSecurityGroups: nodegroup.remoteAccess?.sourceSecurityGroups ?? [],
  };
}

export const eksCollectors: SliceCollectors<'eks.clusters' | 'eks.nodegroups'> = {
  'eks.clusters': {
    key: 'eks.clusters',
    scope: 'regional',
    actions: ['eks:ListClusters', 'eks:DescribeCluster'],
    async collect(context) {
      const client = context.clients.get(EKSClient, context.region);
      const names: string[] = [];
      for await (const page of paginateListClusters({ client, pageSize: EKS_PAGE_SIZE }, {})) {
        names.push(...(page.clusters ?? []));
      }
      const items = names.map((name) => ({
        name,
        arn: `arn:${context.partition}:eks:${context.region}:${context.accountId}:cluster/${name}`,
        region: context.region,
      }));
      // DescribeCluster has no batch form: one call per cluster.
      return collectEach(context, items, async ({ name }) => {
        const { cluster } = await client.send(new DescribeClusterCommand({ name }));
        if (!cluster) throw new Error(`DescribeCluster returned nothing for ${name}.`);
        return toCluster(cluster, name, context);
      });
    },
  },

  'eks.nodegroups': {
    key: 'eks.nodegroups',
    scope: 'regional',
    actions: ['eks:ListNodegroups', 'eks:DescribeNodegroup'],
    dependsOn: ['eks.clusters'],
    async collect(context) {
      const client = context.clients.get(EKSClient, context.region);
      const clusters = context.get('eks.clusters').filter((c) => c.region === context.region);
      const listed = await collectEach(context, clusters, async (cluster) => {
        const names: string[] = [];
        for await (const page of paginateListNodegroups(
          { client, pageSize: EKS_PAGE_SIZE },
          { clusterName: cluster.name },
        )) {
          names.push(...(page.nodegroups ?? []));
        }
        return names.map((name) => ({
          cluster,
          name,
          arn: `${cluster.arn.replace(':cluster/', ':nodegroup/')}/${name}`,
          region: cluster.region,
        }));
      });
      return collectEach(context, listed.flat(), async ({ cluster, name }) => {
        const { nodegroup } = await client.send(
          new DescribeNodegroupCommand({ clusterName: cluster.name, nodegroupName: name }),
        );
        if (!nodegroup) throw new Error(`DescribeNodegroup returned nothing for ${cluster.name}/${name}.`);
        return toNodegroup(nodegroup, cluster, name);
      });
    },
  },
};

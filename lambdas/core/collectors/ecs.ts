import {
  type Cluster,
  type ContainerDefinition,
  DescribeClustersCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  paginateListClusters,
  paginateListServices,
  paginateListTaskDefinitionFamilies,
  type Service,
  type TaskDefinition,
} from '@aws-sdk/client-ecs';
import { chunks } from '../aws/batches.js';
import type { EcsCluster, EcsContainerDefinition, EcsService, EcsTaskDefinition } from '../inventory/index.js';
import { collectEach } from './context.js';
import type { CollectContext, SliceCollectors } from './types.js';

/** List operations return at most 100 items per page. */
const ECS_PAGE_SIZE = 100;
/** DescribeClusters takes up to 100 clusters per call, DescribeServices up to 10 services. */
const DESCRIBE_CLUSTERS_BATCH = 100;
const DESCRIBE_SERVICES_BATCH = 10;

/** ECS tags are `{ key, value }` (lower case), unlike most services. */
const ecsTags = (tags: readonly { key?: string; value?: string }[] | undefined): Record<string, string> =>
  Object.fromEntries((tags ?? []).flatMap((t) => (t.key === undefined ? [] : [[t.key, t.value ?? '']])));

const withTags = (tags: Record<string, string>) => (Object.keys(tags).length > 0 ? { tags } : {});

function toContainer(container: ContainerDefinition): EcsContainerDefinition {
  return {
    name: container.name ?? '',
    ...(container.image !== undefined && { image: container.image }),
    ...(container.privileged !== undefined && { privileged: container.privileged }),
    ...(container.user !== undefined && container.user !== '' && { user: container.user }),
    ...(container.readonlyRootFilesystem !== undefined && { readonlyRootFilesystem: container.readonlyRootFilesystem }),
    environment: (container.environment ?? []).flatMap((v) =>
      v.name === undefined ? [] : [{ name: v.name, value: v.value ?? '' }],
    ),
    ...(container.logConfiguration?.logDriver && { logDriver: container.logConfiguration.logDriver }),
  };
}

function toTaskDefinition(
  definition: TaskDefinition,
  tags: Record<string, string>,
  context: CollectContext,
): EcsTaskDefinition | undefined {
  if (!definition.taskDefinitionArn || !definition.family) return undefined;
  const revision = definition.revision ?? 0;
  return {
    arn: definition.taskDefinitionArn,
    id: `${definition.family}:${revision}`,
    region: context.region,
    accountId: context.accountId,
    ...withTags(tags),
    family: definition.family,
    revision,
    requiresCompatibilities: definition.requiresCompatibilities ?? [],
    ...(definition.networkMode !== undefined && { networkMode: definition.networkMode }),
    ...(definition.pidMode !== undefined && { pidMode: definition.pidMode }),
    ...(definition.ipcMode !== undefined && { ipcMode: definition.ipcMode }),
    ...(definition.runtimePlatform?.operatingSystemFamily !== undefined && {
      operatingSystemFamily: definition.runtimePlatform.operatingSystemFamily,
    }),
    containers: (definition.containerDefinitions ?? []).map(toContainer),
  };
}

function toCluster(cluster: Cluster, context: CollectContext): EcsCluster | undefined {
  if (!cluster.clusterArn || !cluster.clusterName) return undefined;
  const insights = cluster.settings?.find((s) => s.name === 'containerInsights')?.value;
  return {
    arn: cluster.clusterArn,
    id: cluster.clusterName,
    region: context.region,
    accountId: context.accountId,
    ...withTags(ecsTags(cluster.tags)),
    name: cluster.clusterName,
    ...(cluster.status !== undefined && { status: cluster.status }),
    ...(insights !== undefined && { containerInsights: insights }),
  };
}

function toService(service: Service, clusterArn: string, context: CollectContext): EcsService | undefined {
  if (!service.serviceArn || !service.serviceName) return undefined;
  const awsvpc = service.networkConfiguration?.awsvpcConfiguration;
  return {
    arn: service.serviceArn,
    id: service.serviceName,
    region: context.region,
    accountId: context.accountId,
    ...withTags(ecsTags(service.tags)),
    name: service.serviceName,
    clusterArn: service.clusterArn ?? clusterArn,
    ...(service.launchType !== undefined && { launchType: service.launchType }),
    capacityProviders: (service.capacityProviderStrategy ?? []).flatMap((s) =>
      s.capacityProvider ? [s.capacityProvider] : [],
    ),
    ...(service.platformVersion !== undefined && { platformVersion: service.platformVersion }),
    ...(service.platformFamily !== undefined && { platformFamily: service.platformFamily }),
    ...(awsvpc?.assignPublicIp !== undefined && { assignPublicIp: awsvpc.assignPublicIp }),
    ...(service.taskDefinition !== undefined && { taskDefinitionArn: service.taskDefinition }),
  };
}

/** A DescribeClusters/DescribeServices failure other than MISSING (deleted since it was listed). */
const reportFailures = (
  context: CollectContext,
  failures: readonly { arn?: string; reason?: string; detail?: string }[] | undefined,
): void => {
  for (const failure of failures ?? []) {
    if (!failure.arn || failure.reason === 'MISSING') continue;
    const error = Object.assign(new Error(failure.detail ?? failure.reason ?? 'unknown failure'), {
      name: failure.reason ?? 'DescribeFailure',
    });
    context.reportIssue({ resourceArn: failure.arn, region: context.region, error });
  }
};

export const ecsCollectors: SliceCollectors<'ecs.taskDefinitions' | 'ecs.clusters' | 'ecs.services'> = {
  /**
   * The latest ACTIVE revision of every family with one: ListTaskDefinitionFamilies (status
   * ACTIVE), then DescribeTaskDefinition with the family name alone, which AWS resolves to that
   * revision (one call per family; no batch API exists).
   */
  'ecs.taskDefinitions': {
    key: 'ecs.taskDefinitions',
    scope: 'regional',
    actions: ['ecs:ListTaskDefinitionFamilies', 'ecs:DescribeTaskDefinition'],
    async collect(context) {
      const client = context.clients.get(ECSClient, context.region);
      const families: string[] = [];
      for await (const page of paginateListTaskDefinitionFamilies(
        { client, pageSize: ECS_PAGE_SIZE },
        { status: 'ACTIVE' },
      )) {
        families.push(...(page.families ?? []));
      }
      const items = families.map((family) => ({
        family,
        // The family's ARN prefix identifies it in a collection issue.
        arn: `arn:${context.partition}:ecs:${context.region}:${context.accountId}:task-definition/${family}`,
        region: context.region,
      }));
      const described = await collectEach(context, items, async ({ family }) => {
        const { taskDefinition, tags } = await client.send(
          new DescribeTaskDefinitionCommand({ taskDefinition: family, include: ['TAGS'] }),
        );
        if (!taskDefinition) throw new Error(`DescribeTaskDefinition returned nothing for family ${family}.`);
        return toTaskDefinition(taskDefinition, ecsTags(tags), context);
      });
      return described.filter((d): d is EcsTaskDefinition => d !== undefined);
    },
  },

  'ecs.clusters': {
    key: 'ecs.clusters',
    scope: 'regional',
    actions: ['ecs:ListClusters', 'ecs:DescribeClusters'],
    async collect(context) {
      const client = context.clients.get(ECSClient, context.region);
      const arns: string[] = [];
      for await (const page of paginateListClusters({ client, pageSize: ECS_PAGE_SIZE }, {})) {
        arns.push(...(page.clusterArns ?? []));
      }
      const clusters: EcsCluster[] = [];
      for (const batch of chunks(arns, DESCRIBE_CLUSTERS_BATCH)) {
        const page = await client.send(new DescribeClustersCommand({ clusters: batch, include: ['SETTINGS', 'TAGS'] }));
        reportFailures(context, page.failures);
        for (const cluster of page.clusters ?? []) {
          const normalised = toCluster(cluster, context);
          if (normalised) clusters.push(normalised);
        }
      }
      return clusters;
    },
  },

  'ecs.services': {
    key: 'ecs.services',
    scope: 'regional',
    actions: ['ecs:ListServices', 'ecs:DescribeServices'],
    dependsOn: ['ecs.clusters'],
    async collect(context) {
      const client = context.clients.get(ECSClient, context.region);
      const clusters = context.get('ecs.clusters').filter((c) => c.region === context.region);
      const perCluster = await collectEach(context, clusters, async (cluster) => {
        const arns: string[] = [];
        for await (const page of paginateListServices({ client, pageSize: ECS_PAGE_SIZE }, { cluster: cluster.arn })) {
          arns.push(...(page.serviceArns ?? []));
        }
        const services: EcsService[] = [];
        for (const batch of chunks(arns, DESCRIBE_SERVICES_BATCH)) {
          const page = await client.send(
            new DescribeServicesCommand({ cluster: cluster.arn, services: batch, include: ['TAGS'] }),
          );
          reportFailures(context, page.failures);
          for (const service of page.services ?? []) {
            const normalised = toService(service, cluster.arn, context);
            if (normalised) services.push(normalised);
          }
        }
        return services;
      });
      return perCluster.flat();
    },
  },
};

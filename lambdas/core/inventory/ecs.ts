import type { AwsResource } from './common.js';

/** One container of a task definition, with only what the checks read. */
export interface EcsContainerDefinition {
  name: string;
  image?: string;
  privileged?: boolean;
  /** As written: `user`, `uid`, `user:group`, `uid:gid`…; undefined when unset (the image's user, usually root). */
  user?: string;
  readonlyRootFilesystem?: boolean;
  /**
   * Plain-text environment variables as configured, in order. Values may hold secrets: never
   * print any part of them. Variables taken from `secrets` (Secrets Manager, Parameter Store)
   * and environment files are not here.
   */
  environment: readonly { name: string; value: string }[];
  /** The `logConfiguration.logDriver`; undefined when the container has no log configuration. */
  logDriver?: string;
}

/**
 * The latest ACTIVE revision of a task definition family: the one new tasks and services start
 * from when they name the family alone, and the one AWS Config and Security Hub evaluate. Older
 * revisions still ACTIVE are not collected.
 */
export interface EcsTaskDefinition extends AwsResource {
  family: string;
  revision: number;
  /** `requiresCompatibilities` as registered (`FARGATE`, `EC2`, `EXTERNAL`, `MANAGED_INSTANCES`); empty when unset. */
  requiresCompatibilities: readonly string[];
  /** `awsvpc`, `bridge`, `host`, `none`; undefined when unset (bridge on Linux EC2 hosts). */
  networkMode?: string;
  /** `host` or `task`; undefined when unset (each container gets its own namespace). */
  pidMode?: string;
  /** `host`, `task` or `none`; undefined when unset. */
  ipcMode?: string;
  /** `runtimePlatform.operatingSystemFamily`: `LINUX`, `WINDOWS_SERVER_2022_CORE`…; undefined when unset. */
  operatingSystemFamily?: string;
  containers: readonly EcsContainerDefinition[];
}

export interface EcsCluster extends AwsResource {
  name: string;
  status?: string;
  /** The cluster's `containerInsights` setting: `enabled`, `enhanced` or `disabled`; undefined when absent. */
  containerInsights?: string;
}

export interface EcsService extends AwsResource {
  name: string;
  clusterArn: string;
  /** `FARGATE`, `EC2`, `EXTERNAL`; undefined when the service uses a capacity provider strategy. */
  launchType?: string;
  /** Capacity providers of the service's strategy (`FARGATE`, `FARGATE_SPOT`, or an Auto Scaling group provider). */
  capacityProviders: readonly string[];
  /** As set on the service (`LATEST` or a version such as `1.4.0`); Fargate only. */
  platformVersion?: string;
  /** `LINUX` or a `WINDOWS_SERVER_…` family; Fargate only. */
  platformFamily?: string;
  /** `awsvpcConfiguration.assignPublicIp`: `ENABLED` or `DISABLED`; undefined without an awsvpc configuration. */
  assignPublicIp?: string;
  taskDefinitionArn?: string;
}

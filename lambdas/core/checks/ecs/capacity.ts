import type { EcsContainerDefinition, EcsService, EcsTaskDefinition } from '../../inventory/index.js';
import { type CheckResult, verdict, withSrmClass } from '../define-check.js';
import { joinNames } from '../shared/text.js';

/**
 * Where an ECS workload runs, for the Shared Responsibility Model: on Fargate (and ECS Managed
 * Instances) AWS runs and patches the hosts; on EC2 or external (ECS Anywhere) capacity the
 * customer does, so those results carry the infrastructure class.
 */
export interface EcsCapacity {
  /** `Fargate`, `EC2`, `Fargate and EC2`, `capacity provider web-asg`… */
  label: string;
  /** True when the customer runs and patches the hosts (EC2 or external capacity). */
  customerHosts: boolean;
}

const LAUNCH_TYPE_LABELS: Readonly<Record<string, string>> = {
  FARGATE: 'Fargate',
  EC2: 'EC2',
  EXTERNAL: 'external (ECS Anywhere)',
  MANAGED_INSTANCES: 'ECS Managed Instances',
};
const CUSTOMER_HOSTED = new Set(['EC2', 'EXTERNAL']);
const FARGATE_PROVIDERS = new Set(['FARGATE', 'FARGATE_SPOT']);

/**
 * The capacity a task definition may run on, from `requiresCompatibilities`. Unset, ECS validates
 * the task definition for EC2, so it counts as EC2.
 */
export function taskDefinitionCapacity(definition: EcsTaskDefinition): EcsCapacity {
  const kinds = definition.requiresCompatibilities.length > 0 ? definition.requiresCompatibilities : ['EC2'];
  return {
    label: joinNames(kinds.map((k) => LAUNCH_TYPE_LABELS[k] ?? k)),
    customerHosts: kinds.some((k) => CUSTOMER_HOSTED.has(k)),
  };
}

/**
 * The capacity a service runs on: its launch type, else its capacity provider strategy
 * (`FARGATE`/`FARGATE_SPOT`, or an Auto Scaling group provider, which is EC2 the customer runs).
 * A service with neither uses the EC2 launch type.
 */
export function serviceCapacity(service: EcsService): EcsCapacity {
  if (service.launchType) {
    return {
      label: LAUNCH_TYPE_LABELS[service.launchType] ?? service.launchType,
      customerHosts: CUSTOMER_HOSTED.has(service.launchType),
    };
  }
  if (service.capacityProviders.length === 0) return { label: 'EC2', customerHosts: true };
  const custom = service.capacityProviders.filter((p) => !FARGATE_PROVIDERS.has(p));
  const fargate = service.capacityProviders.some((p) => FARGATE_PROVIDERS.has(p));
  const parts = [
    ...(fargate ? ['Fargate'] : []),
    ...(custom.length > 0 ? [`EC2 capacity provider${custom.length === 1 ? '' : 's'} ${joinNames(custom)}`] : []),
  ];
  return { label: joinNames(parts), customerHosts: custom.length > 0 };
}

export const isFargateService = (service: EcsService): boolean =>
  service.launchType === 'FARGATE' ||
  (service.launchType === undefined && service.capacityProviders.some((p) => FARGATE_PROVIDERS.has(p)));

/** The result in the infrastructure class when the customer runs the hosts. */
export const onCapacity = (result: CheckResult, capacity: EcsCapacity): CheckResult =>
  capacity.customerHosts ? withSrmClass(result, 'infrastructure') : result;

/** `ECS task definition web:3 (Fargate)`: how every task definition message names it. */
export const taskDefinitionLabel = (definition: EcsTaskDefinition): string =>
  `ECS task definition ${definition.id} (${taskDefinitionCapacity(definition).label})`;

/** `ECS service api in cluster prod (Fargate)`. */
export const serviceLabel = (service: EcsService): string => {
  const cluster = service.clusterArn.split('/').pop() ?? service.clusterArn;
  return `ECS service ${service.name} in cluster ${cluster} (${serviceCapacity(service).label})`;
};

/** Windows containers: `runtimePlatform` names a WINDOWS_SERVER family. Unset means Linux. */
export const isWindows = (definition: EcsTaskDefinition): boolean =>
  definition.operatingSystemFamily?.startsWith('WINDOWS') === true;

/**
 * One verdict per task definition from the containers that break a rule: FAIL naming each of them
 * (with why, when `why` is given), PASS otherwise; in the infrastructure class on EC2 or external capacity.
 */
export function containersVerdict(
  definition: EcsTaskDefinition,
  offending: (container: EcsContainerDefinition) => string | false,
  passes: string,
  fails: string,
): CheckResult {
  const found = definition.containers.flatMap((c) => {
    const why = offending(c);
    return why === false ? [] : [why === '' ? c.name : `${c.name} (${why})`];
  });
  const label = taskDefinitionLabel(definition);
  return onCapacity(
    verdict(found.length === 0, definition, `${label} ${passes}.`, `${label} ${fails}: ${joinNames(found)}.`),
    taskDefinitionCapacity(definition),
  );
}

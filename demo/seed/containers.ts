import { DescribeSecurityGroupsCommand, DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  CreateRepositoryCommand,
  type CreateRepositoryCommandInput,
  ECRClient,
  PutLifecyclePolicyCommand,
  PutRegistryScanningConfigurationCommand,
  PutReplicationConfigurationCommand,
  SetRepositoryPolicyCommand,
} from '@aws-sdk/client-ecr';
import {
  type ContainerDefinition,
  CreateClusterCommand,
  CreateServiceCommand,
  type CreateServiceCommandInput,
  ECSClient,
  RegisterTaskDefinitionCommand,
  type RegisterTaskDefinitionCommandInput,
} from '@aws-sdk/client-ecs';
import {
  CreateClusterCommand as CreateEksClusterCommand,
  type CreateClusterCommandInput as CreateEksClusterInput,
  CreateNodegroupCommand,
  EKSClient,
} from '@aws-sdk/client-eks';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { CreateKeyCommand, EnableKeyRotationCommand, KMSClient } from '@aws-sdk/client-kms';
import type { ExpectedFailure, SeedContext, Seeder } from './types.js';

const US = 'us-east-1';
const EU = 'eu-west-1';

/** AWS's documentation example access key ID: pattern-valid, never valid for any account. */
const DOC_EXAMPLE_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';

/** A resource of the table and the checks it must fail (none for a compliant twin). */
interface Planted<T> {
  spec: T;
  fails: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// ECS (us-east-1): two clusters, three task definition families, three services.
// ---------------------------------------------------------------------------------------------

const ECS_CLUSTERS: Planted<{ name: string; containerInsights: 'enabled' | 'enhanced' | 'disabled' }>[] = [
  { spec: { name: 'harbor-prod', containerInsights: 'enhanced' }, fails: [] },
  { spec: { name: 'harbor-batch', containerInsights: 'disabled' }, fails: ['ecs-cluster-container-insights-enabled'] },
];

const hardened = (
  name: string,
  image: string,
  environment: { name: string; value: string }[] = [],
): ContainerDefinition => ({
  name,
  image,
  essential: true,
  user: '1000:1000',
  readonlyRootFilesystem: true,
  environment,
  logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': `/ecs/${name}`, 'awslogs-region': US } },
});

type TaskDefinitionSpec = Omit<RegisterTaskDefinitionCommandInput, 'family'> & { family: string };

/**
 * Task definition families; each family's revisions are registered in order, and only the last
 * one (the latest ACTIVE revision) is evaluated, so `fails` describes the last revision.
 */
const TASK_DEFINITIONS: Planted<{ revisions: TaskDefinitionSpec[] }>[] = [
  {
    // Compliant on Fargate. Its first revision had no log configuration; the fix is the latest revision.
    spec: {
      revisions: [
        {
          family: 'harbor-storefront',
          requiresCompatibilities: ['FARGATE'],
          networkMode: 'awsvpc',
          cpu: '256',
          memory: '512',
          containerDefinitions: [{ ...hardened('storefront', 'harbor/storefront:2.3.0'), logConfiguration: undefined }],
        },
        {
          family: 'harbor-storefront',
          requiresCompatibilities: ['FARGATE'],
          networkMode: 'awsvpc',
          cpu: '256',
          memory: '512',
          runtimePlatform: { operatingSystemFamily: 'LINUX' },
          containerDefinitions: [
            hardened('storefront', 'harbor/storefront:2.3.1', [
              { name: 'STAGE', value: 'prod' },
              {
                name: 'DB_PASSWORD_ARN',
                value: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:harbor-storefront-db-AbCdEf',
              },
            ]),
          ],
        },
      ],
    },
    fails: [],
  },
  {
    // Fargate worker built in a hurry: runs as root, writable root file system, no logs, a literal password.
    spec: {
      revisions: [
        {
          family: 'harbor-orders-worker',
          requiresCompatibilities: ['FARGATE'],
          networkMode: 'awsvpc',
          cpu: '512',
          memory: '1024',
          containerDefinitions: [
            {
              name: 'worker',
              image: 'harbor/orders-worker:1.8.0',
              essential: true,
              environment: [
                { name: 'QUEUE_NAME', value: 'harbor-orders-queue' },
                { name: 'DB_PASSWORD', value: 'Harbor-Orders-2026!' },
              ],
            },
          ],
        },
      ],
    },
    fails: [
      'ecs-task-definition-containers-non-root',
      'ecs-task-definition-read-only-root-filesystem',
      'ecs-task-definition-logging-configured',
      'ecs-task-definition-no-secrets-in-env',
    ],
  },
  {
    // A node agent on EC2 capacity sharing everything with the host (infrastructure class).
    spec: {
      revisions: [
        {
          family: 'harbor-node-agent',
          requiresCompatibilities: ['EC2'],
          networkMode: 'host',
          pidMode: 'host',
          ipcMode: 'host',
          containerDefinitions: [
            {
              ...hardened('agent', 'harbor/node-agent:0.9.2', [
                { name: 'AWS_ACCESS_KEY_ID', value: DOC_EXAMPLE_ACCESS_KEY_ID },
              ]),
              memory: 256,
              privileged: true,
              user: 'root',
            },
          ],
        },
      ],
    },
    fails: [
      'ecs-task-definition-no-privileged-containers',
      'ecs-task-definition-containers-non-root',
      'ecs-task-definition-no-host-network',
      'ecs-task-definition-no-host-namespaces',
      'ecs-task-definition-no-secrets-in-env',
    ],
  },
];

type ServiceSpec = Omit<CreateServiceCommandInput, 'networkConfiguration'> & {
  serviceName: string;
  cluster: string;
  assignPublicIp?: 'ENABLED' | 'DISABLED';
};

const ECS_SERVICES: Planted<ServiceSpec>[] = [
  {
    spec: {
      cluster: 'harbor-prod',
      serviceName: 'harbor-storefront',
      taskDefinition: 'harbor-storefront',
      launchType: 'FARGATE',
      platformVersion: 'LATEST',
      assignPublicIp: 'DISABLED',
    },
    fails: [],
  },
  {
    spec: {
      cluster: 'harbor-prod',
      serviceName: 'harbor-orders-worker',
      taskDefinition: 'harbor-orders-worker',
      launchType: 'FARGATE',
      platformVersion: '1.3.0',
      assignPublicIp: 'ENABLED',
    },
    fails: ['ecs-service-no-public-ip', 'ecs-service-fargate-latest-platform'],
  },
  {
    spec: {
      cluster: 'harbor-batch',
      serviceName: 'harbor-node-agent',
      taskDefinition: 'harbor-node-agent',
      launchType: 'EC2',
    },
    fails: [],
  },
];

// ---------------------------------------------------------------------------------------------
// EKS (eu-west-1): a well-run platform cluster and a neglected CI cluster.
// ---------------------------------------------------------------------------------------------

const EKS_CLUSTERS: Planted<{
  name: string;
  version: string;
  publicAccessCidrs?: string[];
  encrypted: boolean;
  logTypes: NonNullable<NonNullable<CreateEksClusterInput['logging']>['clusterLogging']>[number]['types'];
  nodegroup: { name: string; sshKey?: string; fromDefaultSecurityGroup?: boolean };
}>[] = [
  {
    spec: {
      name: 'harbor-platform',
      version: '1.34',
      encrypted: true,
      logTypes: ['api', 'audit', 'authenticator'],
      // SSH only from the default security group. moto gives a node group without remoteAccess a
      // default key (eksKeypair) and no source groups, which would read as open SSH.
      nodegroup: { name: 'harbor-platform-general', sshKey: 'harbor-ops', fromDefaultSecurityGroup: true },
    },
    fails: [],
  },
  {
    // Public endpoint "restricted" to two halves of the address space, which together are the internet.
    spec: {
      name: 'harbor-ci',
      version: '1.31',
      publicAccessCidrs: ['0.0.0.0/1', '128.0.0.0/1'],
      encrypted: false,
      logTypes: ['api'],
      nodegroup: { name: 'harbor-ci-builders', sshKey: 'harbor-ops' },
    },
    fails: [
      'eks-cluster-endpoint-not-public',
      'eks-cluster-secrets-encrypted',
      'eks-cluster-control-plane-logging',
      'eks-cluster-supported-version',
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// ECR (us-east-1): basic scan on push for harbor-* repositories, set at the registry.
// ---------------------------------------------------------------------------------------------

const ECR_REPOSITORIES: Planted<{
  name: string;
  immutable: boolean;
  /** Encrypt with the demo's customer managed key. */
  cmk: boolean;
  lifecycle: boolean;
  policy?: object;
}>[] = [
  {
    // Shared with the organisation only: a "*" principal pinned by aws:PrincipalOrgID.
    spec: {
      name: 'harbor-storefront',
      immutable: true,
      cmk: true,
      lifecycle: true,
      policy: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'OrganisationPull',
            Effect: 'Allow',
            Principal: '*',
            Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
            Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-harbor1234' } },
          },
        ],
      },
    },
    fails: [],
  },
  {
    // Outside the registry's scan filter, mutable, AES256, never cleaned up, pullable by anyone, and replicated to
    // ap-southeast-1 by the registry's base-* rule.
    spec: {
      name: 'base-images',
      immutable: false,
      cmk: false,
      lifecycle: false,
      policy: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'PublicPull',
            Effect: 'Allow',
            Principal: '*',
            Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'],
          },
        ],
      },
    },
    fails: [
      'ecr-repository-image-scanning',
      'ecr-repository-tag-immutability',
      'ecr-repository-lifecycle-policy',
      'ecr-repository-not-public',
      'ecr-repository-cmk-encryption',
      'ecr-repository-in-allowed-region',
    ],
  },
];

const LIFECYCLE_POLICY = JSON.stringify({
  rules: [
    {
      rulePriority: 1,
      description: 'Expire untagged images after 14 days',
      selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14 },
      action: { type: 'expire' },
    },
  ],
});

/** A customer managed key with rotation on (compliant for the KMS checks). */
async function rotatingKey(context: SeedContext, region: string, description: string): Promise<string> {
  const kms = context.clients.get(KMSClient, region);
  const key = await kms.send(new CreateKeyCommand({ Description: description }));
  const keyId = key.KeyMetadata?.KeyId ?? '';
  await kms.send(new EnableKeyRotationCommand({ KeyId: keyId }));
  return key.KeyMetadata?.Arn ?? '';
}

/** Two default subnets and the default security group of the region's default VPC (already in the demo). */
async function defaultNetwork(ec2: EC2Client): Promise<{ subnetIds: string[]; securityGroupIds: string[] }> {
  const subnets = await ec2.send(
    new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }),
  );
  const chosen = (subnets.Subnets ?? []).slice(0, 2);
  const vpcIds = [...new Set(chosen.flatMap((s) => (s.VpcId ? [s.VpcId] : [])))];
  const groups = await ec2.send(
    new DescribeSecurityGroupsCommand({
      Filters: [
        { Name: 'vpc-id', Values: vpcIds },
        { Name: 'group-name', Values: ['default'] },
      ],
    }),
  );
  return {
    subnetIds: chosen.flatMap((s) => (s.SubnetId ? [s.SubnetId] : [])),
    securityGroupIds: (groups.SecurityGroups ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : [])),
  };
}

async function seedEcs({ accountId, clients }: SeedContext): Promise<ExpectedFailure[]> {
  const ecs = clients.get(ECSClient, US);
  const expected: ExpectedFailure[] = [];
  const arn = (resource: string) => `arn:aws:ecs:${US}:${accountId}:${resource}`;

  for (const { spec, fails } of ECS_CLUSTERS) {
    await ecs.send(
      new CreateClusterCommand({
        clusterName: spec.name,
        settings: [{ name: 'containerInsights', value: spec.containerInsights }],
        // Tagged as teams do; moto 5.2's Resource Groups Tagging API also fails on an untagged ECS cluster.
        tags: [{ key: 'team', value: 'platform' }],
      }),
    );
    expected.push(...fails.map((checkId) => ({ checkId, resourceArn: arn(`cluster/${spec.name}`) })));
  }

  for (const { spec, fails } of TASK_DEFINITIONS) {
    let latest = '';
    for (const revision of spec.revisions) {
      const registered = await ecs.send(new RegisterTaskDefinitionCommand(revision));
      latest = registered.taskDefinition?.taskDefinitionArn ?? '';
    }
    expected.push(...fails.map((checkId) => ({ checkId, resourceArn: latest })));
  }

  // The services run in the default VPC's subnets and security group; desiredCount 0 starts no task.
  const { subnetIds, securityGroupIds } = await defaultNetwork(clients.get(EC2Client, US));
  for (const { spec, fails } of ECS_SERVICES) {
    const { assignPublicIp, ...input } = spec;
    const created = await ecs.send(
      new CreateServiceCommand({
        ...input,
        desiredCount: 0,
        ...(assignPublicIp && {
          networkConfiguration: {
            awsvpcConfiguration: { subnets: subnetIds, securityGroups: securityGroupIds, assignPublicIp },
          },
        }),
      }),
    );
    const serviceArn = created.service?.serviceArn ?? arn(`service/${spec.cluster}/${spec.serviceName}`);
    expected.push(...fails.map((checkId) => ({ checkId, resourceArn: serviceArn })));
  }
  return expected;
}

async function seedEks(context: SeedContext): Promise<ExpectedFailure[]> {
  const { accountId, clients } = context;
  const eks = clients.get(EKSClient, EU);
  const iam = clients.get(IAMClient, US);
  const trust = (service: string) =>
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
    });
  const [clusterRole, nodeRole] = await Promise.all([
    iam.send(
      new CreateRoleCommand({
        RoleName: 'svc-eks-harbor-cluster',
        AssumeRolePolicyDocument: trust('eks.amazonaws.com'),
      }),
    ),
    iam.send(
      new CreateRoleCommand({ RoleName: 'svc-eks-harbor-nodes', AssumeRolePolicyDocument: trust('ec2.amazonaws.com') }),
    ),
  ]);
  const secretsKey = await rotatingKey(context, EU, 'Harbor EKS secrets envelope encryption');
  const { subnetIds, securityGroupIds } = await defaultNetwork(clients.get(EC2Client, EU));

  const expected: ExpectedFailure[] = [];
  for (const { spec, fails } of EKS_CLUSTERS) {
    const created = await eks.send(
      new CreateEksClusterCommand({
        name: spec.name,
        version: spec.version,
        roleArn: clusterRole.Role?.Arn ?? `arn:aws:iam::${accountId}:role/svc-eks-harbor-cluster`,
        resourcesVpcConfig: {
          subnetIds,
          endpointPrivateAccess: true,
          endpointPublicAccess: spec.publicAccessCidrs !== undefined,
          ...(spec.publicAccessCidrs && { publicAccessCidrs: spec.publicAccessCidrs }),
        },
        logging: { clusterLogging: [{ types: spec.logTypes, enabled: true }] },
        ...(spec.encrypted && { encryptionConfig: [{ resources: ['secrets'], provider: { keyArn: secretsKey } }] }),
      }),
    );
    const clusterArn = created.cluster?.arn ?? `arn:aws:eks:${EU}:${accountId}:cluster/${spec.name}`;
    expected.push(...fails.map((checkId) => ({ checkId, resourceArn: clusterArn })));

    const { name, sshKey, fromDefaultSecurityGroup } = spec.nodegroup;
    const nodegroup = await eks.send(
      new CreateNodegroupCommand({
        clusterName: spec.name,
        nodegroupName: name,
        nodeRole: nodeRole.Role?.Arn ?? `arn:aws:iam::${accountId}:role/svc-eks-harbor-nodes`,
        subnets: subnetIds,
        ...(sshKey && {
          remoteAccess: {
            ec2SshKey: sshKey,
            ...(fromDefaultSecurityGroup && { sourceSecurityGroups: securityGroupIds }),
          },
        }),
      }),
    );
    if (sshKey && !fromDefaultSecurityGroup) {
      expected.push({ checkId: 'eks-nodegroup-no-public-ssh', resourceArn: nodegroup.nodegroup?.nodegroupArn ?? '' });
    }
  }
  return expected;
}

async function seedEcr(context: SeedContext): Promise<ExpectedFailure[]> {
  const ecr = context.clients.get(ECRClient, US);
  await ecr.send(
    new PutRegistryScanningConfigurationCommand({
      scanType: 'BASIC',
      rules: [{ scanFrequency: 'SCAN_ON_PUSH', repositoryFilters: [{ filter: 'harbor-*', filterType: 'WILDCARD' }] }],
    }),
  );
  // Images pushed to base-* repositories are copied to ap-southeast-1, outside the allowed regions.
  await ecr.send(
    new PutReplicationConfigurationCommand({
      replicationConfiguration: {
        rules: [
          {
            destinations: [{ region: 'ap-southeast-1', registryId: context.accountId }],
            repositoryFilters: [{ filter: 'base-', filterType: 'PREFIX_MATCH' }],
          },
        ],
      },
    }),
  );
  const imagesKey = await rotatingKey(context, US, 'Harbor container images');

  const expected: ExpectedFailure[] = [];
  for (const { spec, fails } of ECR_REPOSITORIES) {
    const input: CreateRepositoryCommandInput = {
      repositoryName: spec.name,
      imageTagMutability: spec.immutable ? 'IMMUTABLE' : 'MUTABLE',
      encryptionConfiguration: spec.cmk ? { encryptionType: 'KMS', kmsKey: imagesKey } : { encryptionType: 'AES256' },
    };
    const created = await ecr.send(new CreateRepositoryCommand(input));
    if (spec.lifecycle) {
      await ecr.send(
        new PutLifecyclePolicyCommand({ repositoryName: spec.name, lifecyclePolicyText: LIFECYCLE_POLICY }),
      );
    }
    if (spec.policy) {
      await ecr.send(
        new SetRepositoryPolicyCommand({ repositoryName: spec.name, policyText: JSON.stringify(spec.policy) }),
      );
    }
    const repositoryArn =
      created.repository?.repositoryArn ?? `arn:aws:ecr:${US}:${context.accountId}:repository/${spec.name}`;
    expected.push(...fails.map((checkId) => ({ checkId, resourceArn: repositoryArn })));
  }
  return expected;
}

/**
 * Harbor's containers: ECS clusters, task definitions and services on Fargate and EC2 capacity
 * (us-east-1), EKS clusters with managed node groups (eu-west-1), and ECR repositories
 * (us-east-1). Every container check meets a violating resource and a compliant twin, including
 * the cases that only look risky (a "*" repository principal pinned to the organisation, a
 * secret passed by ARN) and one that only looks restricted (an EKS endpoint "limited" to
 * 0.0.0.0/1 and 128.0.0.0/1).
 */
export const seedContainers: Seeder = async (context: SeedContext) =>
  (await Promise.all([seedEcs(context), seedEks(context), seedEcr(context)])).flat();

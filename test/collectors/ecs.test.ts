import {
  DescribeClustersCommand,
  DescribeServicesCommand,
  DescribeTaskDefinitionCommand,
  ECSClient,
  ListClustersCommand,
  ListServicesCommand,
  ListTaskDefinitionFamiliesCommand,
} from '@aws-sdk/client-ecs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { ecsCollectors } from '../../lambdas/core/collectors/ecs.js';
import { ecsCluster } from '../fixtures/ecs.js';
import { awsError } from '../helpers/aws-errors.js';
import { runCollector } from '../helpers/collect.js';

const ecsMock = mockClient(ECSClient);
const ARN = 'arn:aws:ecs:us-east-1:123456789012';

beforeEach(() => {
  ecsMock.reset();
});

describe('Collector: ecs.taskDefinitions', () => {
  it('pages through ACTIVE families and describes each by family name, which AWS resolves to its latest ACTIVE revision', async () => {
    // Prepare
    ecsMock
      .on(ListTaskDefinitionFamiliesCommand)
      .resolvesOnce({ families: ['harbor-orders'], nextToken: 'f2' })
      .resolvesOnce({ families: ['harbor-agent'] })
      .on(DescribeTaskDefinitionCommand, { taskDefinition: 'harbor-orders' })
      .resolves({
        taskDefinition: {
          taskDefinitionArn: `${ARN}:task-definition/harbor-orders:7`,
          family: 'harbor-orders',
          revision: 7,
          requiresCompatibilities: ['FARGATE'],
          networkMode: 'awsvpc',
          runtimePlatform: { operatingSystemFamily: 'LINUX' },
          containerDefinitions: [
            {
              name: 'app',
              image: 'harbor/orders:1.2.0',
              user: '1000',
              readonlyRootFilesystem: true,
              environment: [{ name: 'STAGE', value: 'prod' }, { name: 'EMPTY' }],
              logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/harbor-orders' } },
            },
          ],
        },
        tags: [{ key: 'team', value: 'orders' }],
      })
      .on(DescribeTaskDefinitionCommand, { taskDefinition: 'harbor-agent' })
      .resolves({
        taskDefinition: {
          taskDefinitionArn: `${ARN}:task-definition/harbor-agent:2`,
          family: 'harbor-agent',
          revision: 2,
          networkMode: 'host',
          pidMode: 'host',
          ipcMode: 'host',
          containerDefinitions: [{ name: 'agent', image: 'harbor/agent', privileged: true, user: '' }],
        },
      });

    // Act
    const { value, issues } = await runCollector(ecsCollectors['ecs.taskDefinitions']);

    // Assess
    expect(issues).toEqual([]);
    expect(ecsMock).toHaveReceivedNthCommandWith(ListTaskDefinitionFamiliesCommand, 1, {
      status: 'ACTIVE',
      maxResults: 100,
    });
    expect(ecsMock).toHaveReceivedNthCommandWith(ListTaskDefinitionFamiliesCommand, 2, {
      status: 'ACTIVE',
      maxResults: 100,
      nextToken: 'f2',
    });
    expect(ecsMock).toHaveReceivedCommandWith(DescribeTaskDefinitionCommand, {
      taskDefinition: 'harbor-orders',
      include: ['TAGS'],
    });
    expect(value).toEqual([
      {
        arn: `${ARN}:task-definition/harbor-orders:7`,
        id: 'harbor-orders:7',
        region: 'us-east-1',
        accountId: '123456789012',
        tags: { team: 'orders' },
        family: 'harbor-orders',
        revision: 7,
        requiresCompatibilities: ['FARGATE'],
        networkMode: 'awsvpc',
        operatingSystemFamily: 'LINUX',
        containers: [
          {
            name: 'app',
            image: 'harbor/orders:1.2.0',
            user: '1000',
            readonlyRootFilesystem: true,
            environment: [
              { name: 'STAGE', value: 'prod' },
              { name: 'EMPTY', value: '' },
            ],
            logDriver: 'awslogs',
          },
        ],
      },
      {
        arn: `${ARN}:task-definition/harbor-agent:2`,
        id: 'harbor-agent:2',
        region: 'us-east-1',
        accountId: '123456789012',
        family: 'harbor-agent',
        revision: 2,
        requiresCompatibilities: [],
        networkMode: 'host',
        pidMode: 'host',
        ipcMode: 'host',
        containers: [{ name: 'agent', image: 'harbor/agent', privileged: true, environment: [] }],
      },
    ]);
  });

  it('reports a family that cannot be described and keeps the others', async () => {
    // Prepare
    ecsMock
      .on(ListTaskDefinitionFamiliesCommand)
      .resolves({ families: ['harbor-web', 'harbor-secret'] })
      .on(DescribeTaskDefinitionCommand, { taskDefinition: 'harbor-web' })
      .resolves({
        taskDefinition: { taskDefinitionArn: `${ARN}:task-definition/harbor-web:1`, family: 'harbor-web', revision: 1 },
      })
      .on(DescribeTaskDefinitionCommand, { taskDefinition: 'harbor-secret' })
      .rejects(awsError('json', 'AccessDeniedException'));

    // Act
    const { value, issues } = await runCollector(ecsCollectors['ecs.taskDefinitions']);

    // Assess
    expect(value.map((d) => d.id)).toEqual(['harbor-web:1']);
    expect(issues.map((i) => [i.slice, i.resourceArn, i.errorCode])).toEqual([
      ['ecs.taskDefinitions', `${ARN}:task-definition/harbor-secret`, 'AccessDeniedException'],
    ]);
  });

  it('lets an AccessDenied on ListTaskDefinitionFamilies throw for the region', async () => {
    // Prepare
    ecsMock.on(ListTaskDefinitionFamiliesCommand).rejects(awsError('json', 'AccessDeniedException'));

    // Act
    const collecting = runCollector(ecsCollectors['ecs.taskDefinitions']);

    // Assess
    await expect(collecting).rejects.toThrow('AccessDeniedException');
  });
});

describe('Collector: ecs.clusters', () => {
  it('pages through clusters and describes them in batches of 100 with settings and tags', async () => {
    // Prepare
    const arns = Array.from({ length: 101 }, (_, i) => `${ARN}:cluster/harbor-${i}`);
    ecsMock
      .on(ListClustersCommand)
      .resolvesOnce({ clusterArns: arns.slice(0, 100), nextToken: 'c2' })
      .resolvesOnce({ clusterArns: arns.slice(100) })
      .on(DescribeClustersCommand)
      .callsFake((input: { clusters: string[] }) => ({
        clusters: input.clusters.map((arn, i) => ({
          clusterArn: arn,
          clusterName: arn.split('/').pop(),
          status: 'ACTIVE',
          settings: i === 0 ? [{ name: 'containerInsights', value: 'enhanced' }] : [],
          tags: i === 0 ? [{ key: 'env', value: 'prod' }] : [],
        })),
        failures: [],
      }));

    // Act
    const { value, issues } = await runCollector(ecsCollectors['ecs.clusters']);

    // Assess
    expect(issues).toEqual([]);
    expect(ecsMock).toHaveReceivedNthCommandWith(ListClustersCommand, 2, { maxResults: 100, nextToken: 'c2' });
    expect(ecsMock).toHaveReceivedCommandTimes(DescribeClustersCommand, 2);
    expect(ecsMock).toHaveReceivedNthCommandWith(DescribeClustersCommand, 2, {
      clusters: arns.slice(100),
      include: ['SETTINGS', 'TAGS'],
    });
    expect(value).toHaveLength(101);
    expect(value[0]).toEqual({
      arn: arns[0],
      id: 'harbor-0',
      region: 'us-east-1',
      accountId: '123456789012',
      tags: { env: 'prod' },
      name: 'harbor-0',
      status: 'ACTIVE',
      containerInsights: 'enhanced',
    });
    expect(value[1]?.containerInsights).toBeUndefined();
  });

  it('skips clusters deleted since listing and reports other describe failures per cluster', async () => {
    // Prepare
    ecsMock
      .on(ListClustersCommand)
      .resolves({ clusterArns: [`${ARN}:cluster/gone`, `${ARN}:cluster/odd`] })
      .on(DescribeClustersCommand)
      .resolves({
        clusters: [],
        failures: [
          { arn: `${ARN}:cluster/gone`, reason: 'MISSING' },
          { arn: `${ARN}:cluster/odd`, reason: 'INTERNAL_ERROR', detail: 'try again' },
        ],
      });

    // Act
    const { value, issues } = await runCollector(ecsCollectors['ecs.clusters']);

    // Assess
    expect(value).toEqual([]);
    expect(issues.map((i) => [i.resourceArn, i.errorCode, i.message])).toEqual([
      [`${ARN}:cluster/odd`, 'INTERNAL_ERROR', 'try again'],
    ]);
  });
});

describe('Collector: ecs.services', () => {
  it('lists each cluster’s services and describes them ten at a time', async () => {
    // Prepare
    const cluster = ecsCluster('harbor-prod');
    const arns = Array.from({ length: 11 }, (_, i) => `${ARN}:service/harbor-prod/svc-${i}`);
    ecsMock
      .on(ListServicesCommand)
      .resolvesOnce({ serviceArns: arns.slice(0, 6), nextToken: 's2' })
      .resolvesOnce({ serviceArns: arns.slice(6) })
      .on(DescribeServicesCommand)
      .callsFake((input: { services: string[] }) => ({
        services: input.services.map((arn) => ({
          serviceArn: arn,
          serviceName: arn.split('/').pop(),
          clusterArn: cluster.arn,
          capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }],
          platformVersion: '1.4.0',
          platformFamily: 'Linux',
          taskDefinition: `${ARN}:task-definition/harbor-web:4`,
          networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-1'], assignPublicIp: 'ENABLED' } },
        })),
      }));

    // Act
    const { value, issues } = await runCollector(ecsCollectors['ecs.services'], {
      dependencies: { 'ecs.clusters': [cluster, ecsCluster('elsewhere', { region: 'eu-west-1' })] },
    });

    // Assess
    expect(issues).toEqual([]);
    expect(ecsMock).toHaveReceivedCommandTimes(ListServicesCommand, 2);
    expect(ecsMock).toHaveReceivedNthCommandWith(ListServicesCommand, 1, { cluster: cluster.arn, maxResults: 100 });
    expect(ecsMock).toHaveReceivedCommandTimes(DescribeServicesCommand, 2);
    expect(ecsMock).toHaveReceivedNthCommandWith(DescribeServicesCommand, 1, {
      cluster: cluster.arn,
      services: arns.slice(0, 10),
      include: ['TAGS'],
    });
    expect(value).toHaveLength(11);
    expect(value[0]).toEqual({
      arn: arns[0],
      id: 'svc-0',
      region: 'us-east-1',
      accountId: '123456789012',
      name: 'svc-0',
      clusterArn: cluster.arn,
      capacityProviders: ['FARGATE_SPOT'],
      platformVersion: '1.4.0',
      platformFamily: 'Linux',
      assignPublicIp: 'ENABLED',
      taskDefinitionArn: `${ARN}:task-definition/harbor-web:4`,
    });
  });

  it('reports a cluster whose services cannot be listed, against that cluster', async () => {
    // Prepare
    const cluster = ecsCluster('harbor-prod');
    ecsMock.on(ListServicesCommand).rejects(awsError('json', 'AccessDeniedException'));

    // Act
    const { value, issues } = await runCollector(ecsCollectors['ecs.services'], {
      dependencies: { 'ecs.clusters': [cluster] },
    });

    // Assess
    expect(value).toEqual([]);
    expect(issues.map((i) => [i.slice, i.resourceArn, i.errorCode])).toEqual([
      ['ecs.services', cluster.arn, 'AccessDeniedException'],
    ]);
  });
});

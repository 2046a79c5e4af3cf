import {
  DescribeClusterCommand,
  DescribeNodegroupCommand,
  EKSClient,
  ListClustersCommand,
  ListNodegroupsCommand,
} from '@aws-sdk/client-eks';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { eksCollectors } from '../../lambdas/core/collectors/eks.js';
import { eksCluster } from '../fixtures/eks.js';
import { awsError } from '../helpers/aws-errors.js';
import { runCollector } from '../helpers/collect.js';

const eksMock = mockClient(EKSClient);
const ARN = 'arn:aws:eks:us-east-1:123456789012';

beforeEach(() => {
  eksMock.reset();
});

describe('Collector: eks.clusters', () => {
  it('pages through clusters, describes each and normalises endpoint, encryption and logging', async () => {
    // Prepare
    eksMock
      .on(ListClustersCommand)
      .resolvesOnce({ clusters: ['harbor-platform'], nextToken: 'n2' })
      .resolvesOnce({ clusters: ['harbor-ci'] })
      .on(DescribeClusterCommand, { name: 'harbor-platform' })
      .resolves({
        cluster: {
          name: 'harbor-platform',
          arn: `${ARN}:cluster/harbor-platform`,
          version: '1.34',
          status: 'ACTIVE',
          resourcesVpcConfig: {
            endpointPublicAccess: true,
            endpointPrivateAccess: true,
            publicAccessCidrs: ['203.0.113.0/24'],
          },
          encryptionConfig: [
            { resources: ['secrets'], provider: { keyArn: 'arn:aws:kms:us-east-1:123456789012:key/k' } },
          ],
          logging: {
            clusterLogging: [
              { types: ['api', 'audit'], enabled: true },
              { types: ['scheduler'], enabled: false },
            ],
          },
          tags: { team: 'platform' },
        },
      })
      .on(DescribeClusterCommand, { name: 'harbor-ci' })
      .resolves({ cluster: { name: 'harbor-ci', arn: `${ARN}:cluster/harbor-ci`, version: '1.33' } });

    // Act
    const { value, issues } = await runCollector(eksCollectors['eks.clusters']);

    // Assess
    expect(issues).toEqual([]);
    expect(eksMock).toHaveReceivedNthCommandWith(ListClustersCommand, 2, { maxResults: 100, nextToken: 'n2' });
    expect(value).toEqual([
      {
        arn: `${ARN}:cluster/harbor-platform`,
        id: 'harbor-platform',
        region: 'us-east-1',
        accountId: '123456789012',
        tags: { team: 'platform' },
        name: 'harbor-platform',
        version: '1.34',
        status: 'ACTIVE',
        endpointPublicAccess: true,
        endpointPrivateAccess: true,
        publicAccessCidrs: ['203.0.113.0/24'],
        encryptionConfig: [{ resources: ['secrets'], keyArn: 'arn:aws:kms:us-east-1:123456789012:key/k' }],
        enabledLogTypes: ['api', 'audit'],
      },
      {
        arn: `${ARN}:cluster/harbor-ci`,
        id: 'harbor-ci',
        region: 'us-east-1',
        accountId: '123456789012',
        name: 'harbor-ci',
        version: '1.33',
        // AWS's defaults when the VPC configuration says nothing.
        endpointPublicAccess: true,
        endpointPrivateAccess: false,
        publicAccessCidrs: ['0.0.0.0/0'],
        encryptionConfig: [],
        enabledLogTypes: [],
      },
    ]);
  });

  it('reports a cluster that cannot be described and keeps the others', async () => {
    // Prepare
    eksMock
      .on(ListClustersCommand)
      .resolves({ clusters: ['harbor-ci', 'harbor-locked'] })
      .on(DescribeClusterCommand, { name: 'harbor-ci' })
      .resolves({ cluster: { name: 'harbor-ci', arn: `${ARN}:cluster/harbor-ci` } })
      .on(DescribeClusterCommand, { name: 'harbor-locked' })
      .rejects(awsError('json', 'AccessDeniedException', { status: 403 }));

    // Act
    const { value, issues } = await runCollector(eksCollectors['eks.clusters']);

    // Assess
    expect(value.map((c) => c.name)).toEqual(['harbor-ci']);
    expect(issues.map((i) => [i.resourceArn, i.errorCode])).toEqual([
      [`${ARN}:cluster/harbor-locked`, 'AccessDeniedException'],
    ]);
  });

  it('lets an AccessDenied on ListClusters throw for the region', async () => {
    // Prepare
    eksMock.on(ListClustersCommand).rejects(awsError('json', 'AccessDeniedException', { status: 403 }));

    // Act
    const collecting = runCollector(eksCollectors['eks.clusters']);

    // Assess
    await expect(collecting).rejects.toThrow('AccessDeniedException');
  });
});

describe('Collector: eks.nodegroups', () => {
  it('lists and describes the node groups of this region’s clusters', async () => {
    // Prepare
    const cluster = eksCluster('harbor-platform');
    eksMock
      .on(ListNodegroupsCommand)
      .resolvesOnce({ nodegroups: ['general'], nextToken: 'g2' })
      .resolvesOnce({ nodegroups: ['gpu'] })
      .on(DescribeNodegroupCommand, { clusterName: 'harbor-platform', nodegroupName: 'general' })
      .resolves({
        nodegroup: {
          nodegroupName: 'general',
          nodegroupArn: `${ARN}:nodegroup/harbor-platform/general/uuid-1`,
          remoteAccess: { ec2SshKey: 'harbor-ops' },
        },
      })
      .on(DescribeNodegroupCommand, { clusterName: 'harbor-platform', nodegroupName: 'gpu' })
      .resolves({ nodegroup: { nodegroupName: 'gpu', nodegroupArn: `${ARN}:nodegroup/harbor-platform/gpu/uuid-2` } });

    // Act
    const { value, issues } = await runCollector(eksCollectors['eks.nodegroups'], {
      dependencies: { 'eks.clusters': [cluster, eksCluster('elsewhere', { region: 'eu-west-1' })] },
    });

    // Assess
    expect(issues).toEqual([]);
    expect(eksMock).toHaveReceivedNthCommandWith(ListNodegroupsCommand, 2, {
      clusterName: 'harbor-platform',
      maxResults: 100,
      nextToken: 'g2',
    });
    expect(value).toEqual([
      {
        arn: `${ARN}:nodegroup/harbor-platform/general/uuid-1`,
        id: 'general',
        region: 'us-east-1',
        accountId: '123456789012',
        name: 'general',
        clusterName: 'harbor-platform',
        remoteAccessKey: 'harbor-ops',
        remoteAccessSourceSecurityGroups: [],
      },
      {
        arn: `${ARN}:nodegroup/harbor-platform/gpu/uuid-2`,
        id: 'gpu',
        region: 'us-east-1',
        accountId: '123456789012',
        name: 'gpu',
        clusterName: 'harbor-platform',
        remoteAccessSourceSecurityGroups: [],
      },
    ]);
  });

  it('reports a cluster deleted since it was described, against the cluster', async () => {
    // Prepare
    const cluster = eksCluster('harbor-gone');
    eksMock.on(ListNodegroupsCommand).rejects(awsError('json', 'ResourceNotFoundException', { status: 404 }));

    // Act
    const { value, issues } = await runCollector(eksCollectors['eks.nodegroups'], {
      dependencies: { 'eks.clusters': [cluster] },
    });

    // Assess
    expect(value).toEqual([]);
    expect(issues.map((i) => [i.resourceArn, i.errorCode])).toEqual([[cluster.arn, 'ResourceNotFoundException']]);
  });
});

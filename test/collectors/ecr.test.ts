import {
  DescribeRegistryCommand,
  DescribeRepositoriesCommand,
  ECRClient,
  GetLifecyclePolicyCommand,
  GetRegistryScanningConfigurationCommand,
  GetRepositoryPolicyCommand,
} from '@aws-sdk/client-ecr';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { ecrCollectors } from '../../lambdas/core/collectors/ecr.js';
import { ecrRepository } from '../fixtures/ecr.js';
import { awsError } from '../helpers/aws-errors.js';
import { runCollector } from '../helpers/collect.js';

const ecrMock = mockClient(ECRClient);
const ARN = 'arn:aws:ecr:us-east-1:123456789012';

beforeEach(() => {
  ecrMock.reset();
});

describe('Collector: ecr.repositories', () => {
  it('pages through repositories 1,000 at a time and normalises scanning, mutability and encryption', async () => {
    // Prepare
    ecrMock
      .on(DescribeRepositoriesCommand)
      .resolvesOnce({
        repositories: [
          {
            repositoryArn: `${ARN}:repository/harbor-orders`,
            repositoryName: 'harbor-orders',
            registryId: '123456789012',
            imageTagMutability: 'IMMUTABLE',
            imageScanningConfiguration: { scanOnPush: true },
            encryptionConfiguration: { encryptionType: 'KMS', kmsKey: 'arn:aws:kms:us-east-1:123456789012:key/k' },
          },
        ],
        nextToken: 'r2',
      })
      .resolvesOnce({
        repositories: [{ repositoryArn: `${ARN}:repository/harbor-old`, repositoryName: 'harbor-old' }],
      });

    // Act
    const { value } = await runCollector(ecrCollectors['ecr.repositories']);

    // Assess
    expect(ecrMock).toHaveReceivedNthCommandWith(DescribeRepositoriesCommand, 1, { maxResults: 1000 });
    expect(ecrMock).toHaveReceivedNthCommandWith(DescribeRepositoriesCommand, 2, { maxResults: 1000, nextToken: 'r2' });
    expect(value).toEqual([
      {
        arn: `${ARN}:repository/harbor-orders`,
        id: 'harbor-orders',
        region: 'us-east-1',
        accountId: '123456789012',
        name: 'harbor-orders',
        imageTagMutability: 'IMMUTABLE',
        scanOnPush: true,
        encryptionType: 'KMS',
        kmsKeyArn: 'arn:aws:kms:us-east-1:123456789012:key/k',
      },
      {
        arn: `${ARN}:repository/harbor-old`,
        id: 'harbor-old',
        region: 'us-east-1',
        accountId: '123456789012',
        name: 'harbor-old',
        scanOnPush: false,
        encryptionType: 'AES256',
      },
    ]);
  });

  it('lets an AccessDenied on DescribeRepositories throw for the region', async () => {
    // Prepare
    ecrMock.on(DescribeRepositoriesCommand).rejects(awsError('json', 'AccessDeniedException'));

    // Act
    const collecting = runCollector(ecrCollectors['ecr.repositories']);

    // Assess
    await expect(collecting).rejects.toThrow('AccessDeniedException');
  });
});

describe('Collector: ecr.repositoryPolicies', () => {
  it('parses policies, reads "no policy" as null and reports a denied repository', async () => {
    // Prepare
    const open = ecrRepository('harbor-base');
    const none = ecrRepository('harbor-orders');
    const denied = ecrRepository('harbor-secret');
    ecrMock
      .on(GetRepositoryPolicyCommand, { repositoryName: 'harbor-base' })
      .resolves({
        policyText: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Sid: 'Pull', Effect: 'Allow', Principal: '*', Action: 'ecr:BatchGetImage' }],
        }),
      })
      .on(GetRepositoryPolicyCommand, { repositoryName: 'harbor-orders' })
      .rejects(awsError('json', 'RepositoryPolicyNotFoundException'))
      .on(GetRepositoryPolicyCommand, { repositoryName: 'harbor-secret' })
      .rejects(awsError('json', 'AccessDeniedException'));

    // Act
    const { value, issues } = await runCollector(ecrCollectors['ecr.repositoryPolicies'], {
      dependencies: { 'ecr.repositories': [open, none, denied] },
    });

    // Assess
    expect(ecrMock).toHaveReceivedCommandWith(GetRepositoryPolicyCommand, {
      repositoryName: 'harbor-base',
      registryId: '123456789012',
    });
    expect(value).toHaveLength(2);
    expect(value[0]?.policy?.statements[0]).toMatchObject({ sid: 'Pull', principal: { AWS: ['*'] } });
    expect(value[1]).toEqual({ arn: none.arn, region: 'us-east-1', policy: null });
    expect(issues.map((i) => [i.slice, i.resourceArn, i.errorCode])).toEqual([
      ['ecr.repositoryPolicies', denied.arn, 'AccessDeniedException'],
    ]);
  });
});

describe('Collector: ecr.lifecyclePolicies', () => {
  it('records whether each repository has a lifecycle policy, "not found" meaning none', async () => {
    // Prepare
    const withPolicy = ecrRepository('harbor-web');
    const without = ecrRepository('harbor-orders');
    ecrMock
      .on(GetLifecyclePolicyCommand, { repositoryName: 'harbor-web' })
      .resolves({ lifecyclePolicyText: '{"rules":[]}' })
      .on(GetLifecyclePolicyCommand, { repositoryName: 'harbor-orders' })
      .rejects(awsError('json', 'LifecyclePolicyNotFoundException'));

    // Act
    const { value, issues } = await runCollector(ecrCollectors['ecr.lifecyclePolicies'], {
      dependencies: { 'ecr.repositories': [withPolicy, without] },
    });

    // Assess
    expect(issues).toEqual([]);
    expect(value).toEqual([
      { arn: withPolicy.arn, region: 'us-east-1', configured: true },
      { arn: without.arn, region: 'us-east-1', configured: false },
    ]);
  });
});

describe('Collector: ecr.registryReplication', () => {
  it('reads the replication rules with their destinations and name prefixes', async () => {
    // Prepare
    ecrMock.on(DescribeRegistryCommand).resolves({
      registryId: '123456789012',
      replicationConfiguration: {
        rules: [
          {
            destinations: [{ region: 'ap-southeast-1', registryId: '123456789012' }],
            repositoryFilters: [{ filter: 'base-', filterType: 'PREFIX_MATCH' }],
          },
        ],
      },
    });

    // Act
    const { value } = await runCollector(ecrCollectors['ecr.registryReplication'], { region: 'eu-west-1' });

    // Assess
    expect(value).toEqual([
      {
        region: 'eu-west-1',
        rules: [{ destinations: [{ region: 'ap-southeast-1', registryId: '123456789012' }], prefixes: ['base-'] }],
      },
    ]);
  });

  it('fails the region when DescribeRegistry is denied', async () => {
    // Prepare
    ecrMock.on(DescribeRegistryCommand).rejects(awsError('json', 'AccessDeniedException'));

    // Act
    const run = runCollector(ecrCollectors['ecr.registryReplication']);

    // Assess
    await expect(run).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});

describe('Collector: ecr.registryScanning', () => {
  it('reads the region’s registry scanning type and rules', async () => {
    // Prepare
    ecrMock.on(GetRegistryScanningConfigurationCommand).resolves({
      registryId: '123456789012',
      scanningConfiguration: {
        scanType: 'ENHANCED',
        rules: [
          { scanFrequency: 'CONTINUOUS_SCAN', repositoryFilters: [{ filter: 'harbor-*', filterType: 'WILDCARD' }] },
        ],
      },
    });

    // Act
    const { value } = await runCollector(ecrCollectors['ecr.registryScanning'], { region: 'eu-west-1' });

    // Assess
    expect(value).toEqual([
      {
        region: 'eu-west-1',
        scanType: 'ENHANCED',
        rules: [{ scanFrequency: 'CONTINUOUS_SCAN', repositoryFilters: ['harbor-*'] }],
      },
    ]);
  });

  it('treats a registry without a configuration as basic scanning without rules', async () => {
    // Prepare
    ecrMock.on(GetRegistryScanningConfigurationCommand).resolves({ registryId: '123456789012' });

    // Act
    const { value } = await runCollector(ecrCollectors['ecr.registryScanning']);

    // Assess
    expect(value).toEqual([{ region: 'us-east-1', scanType: 'BASIC', rules: [] }]);
  });
});

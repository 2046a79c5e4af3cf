import {
  DescribeRegistryCommand,
  ECRClient,
  GetLifecyclePolicyCommand,
  GetRegistryScanningConfigurationCommand,
  GetRepositoryPolicyCommand,
  paginateDescribeRepositories,
  type Repository,
} from '@aws-sdk/client-ecr';
import { isAwsError } from '../aws/clients.js';
import type { EcrRepository } from '../inventory/index.js';
import { parsePolicyDocument } from '../policy/index.js';
import { collectEach } from './context.js';
import type { CollectContext, SliceCollectors } from './types.js';

/** DescribeRepositories returns up to 1,000 repositories per page. */
const DESCRIBE_REPOSITORIES_PAGE_SIZE = 1000;

function toRepository(repository: Repository, context: CollectContext): EcrRepository | undefined {
  if (!repository.repositoryArn || !repository.repositoryName) return undefined;
  const encryption = repository.encryptionConfiguration;
  return {
    arn: repository.repositoryArn,
    id: repository.repositoryName,
    region: context.region,
    accountId: repository.registryId ?? context.accountId,
    name: repository.repositoryName,
    ...(repository.imageTagMutability !== undefined && { imageTagMutability: repository.imageTagMutability }),
    scanOnPush: repository.imageScanningConfiguration?.scanOnPush === true,
    // Repositories created before encryption settings existed report none: they use AES256.
    encryptionType: encryption?.encryptionType ?? 'AES256',
    ...(encryption?.kmsKey !== undefined && { kmsKeyArn: encryption.kmsKey }),
  };
}

const repositoriesOf = (context: CollectContext): EcrRepository[] =>
  context.get('ecr.repositories').filter((r) => r.region === context.region);

export const ecrCollectors: SliceCollectors<
  | 'ecr.repositories'
  | 'ecr.repositoryPolicies'
  | 'ecr.lifecyclePolicies'
  | 'ecr.registryScanning'
  | 'ecr.registryReplication'
> = {
  'ecr.repositories': {
    key: 'ecr.repositories',
    scope: 'regional',
    actions: ['ecr:DescribeRepositories'],
    async collect(context) {
      const client = context.clients.get(ECRClient, context.region);
      const repositories: EcrRepository[] = [];
      for await (const page of paginateDescribeRepositories(
        { client, pageSize: DESCRIBE_REPOSITORIES_PAGE_SIZE },
        {},
      )) {
        for (const repository of page.repositories ?? []) {
          const normalised = toRepository(repository, context);
          if (normalised) repositories.push(normalised);
        }
      }
      return repositories;
    },
  },

  'ecr.repositoryPolicies': {
    key: 'ecr.repositoryPolicies',
    scope: 'regional',
    actions: ['ecr:GetRepositoryPolicy'],
    dependsOn: ['ecr.repositories'],
    collect(context) {
      const client = context.clients.get(ECRClient, context.region);
      return collectEach(context, repositoriesOf(context), async (repository) => {
        try {
          const { policyText } = await client.send(
            new GetRepositoryPolicyCommand({ repositoryName: repository.name, registryId: repository.accountId }),
          );
          return {
            arn: repository.arn,
            region: repository.region,
            policy: policyText ? parsePolicyDocument(policyText) : null,
          };
        } catch (error) {
          // A repository without a policy answers RepositoryPolicyNotFoundException.
          if (isAwsError(error, 'RepositoryPolicyNotFoundException')) {
            return { arn: repository.arn, region: repository.region, policy: null };
          }
          throw error;
        }
      });
    },
  },

  'ecr.lifecyclePolicies': {
    key: 'ecr.lifecyclePolicies',
    scope: 'regional',
    actions: ['ecr:GetLifecyclePolicy'],
    dependsOn: ['ecr.repositories'],
    collect(context) {
      const client = context.clients.get(ECRClient, context.region);
      return collectEach(context, repositoriesOf(context), async (repository) => {
        try {
          const { lifecyclePolicyText } = await client.send(
            new GetLifecyclePolicyCommand({ repositoryName: repository.name, registryId: repository.accountId }),
          );
          return { arn: repository.arn, region: repository.region, configured: Boolean(lifecyclePolicyText) };
        } catch (error) {
          // A repository without a lifecycle policy answers LifecyclePolicyNotFoundException.
          if (isAwsError(error, 'LifecyclePolicyNotFoundException')) {
            return { arn: repository.arn, region: repository.region, configured: false };
          }
          throw error;
        }
      });
    },
  },

  'ecr.registryScanning': {
    key: 'ecr.registryScanning',
    scope: 'regional',
    actions: ['ecr:GetRegistryScanningConfiguration'],
    async collect(context) {
      const client = context.clients.get(ECRClient, context.region);
      const { scanningConfiguration } = await client.send(new GetRegistryScanningConfigurationCommand({}));
      return [
        {
          region: context.region,
          // A registry that was never configured uses basic scanning without rules.
          scanType: scanningConfiguration?.scanType ?? 'BASIC',
          rules: (scanningConfiguration?.rules ?? []).map((rule) => ({
            scanFrequency: rule.scanFrequency ?? 'MANUAL',
            repositoryFilters: (rule.repositoryFilters ?? []).flatMap((f) => (f.filter ? [f.filter] : [])),
          })),
        },
      ];
    },
  },

  'ecr.registryReplication': {
    key: 'ecr.registryReplication',
    scope: 'regional',
    actions: ['ecr:DescribeRegistry'],
    async collect(context) {
      const client = context.clients.get(ECRClient, context.region);
      const { replicationConfiguration } = await client.send(new DescribeRegistryCommand({}));
      return [
        {
          region: context.region,
          rules: (replicationConfiguration?.rules ?? []).map((rule) => ({
            destinations: (rule.destinations ?? []).flatMap((d) =>
              d.region && d.registryId ? [{ region: d.region, registryId: d.registryId }] : [],
            ),
            // PREFIX_MATCH is the only filter type replication rules have.
            prefixes: (rule.repositoryFilters ?? []).flatMap((f) => (f.filter ? [f.filter] : [])),
          })),
        },
      ];
    },
  },
};

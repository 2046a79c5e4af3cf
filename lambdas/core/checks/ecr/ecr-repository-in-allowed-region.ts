import type { EcrRegistryReplication, EcrRepository } from '../../inventory/index.js';
import { defineCheck } from '../define-check.js';
import { type ResidencyCopy, residencyRemediation, residencyResults } from '../shared/residency.js';

/** Where the registry's replication rules copy a repository's images: rules without a prefix match every repository. */
function replicas(
  repository: EcrRepository,
  replication: readonly EcrRegistryReplication[],
  accountId: string,
): ResidencyCopy[] {
  const rules = replication.find((r) => r.region === repository.region)?.rules ?? [];
  return rules
    .filter((rule) => rule.prefixes.length === 0 || rule.prefixes.some((p) => repository.name.startsWith(p)))
    .flatMap((rule) => rule.destinations)
    .filter((d) => d.region !== repository.region || d.registryId !== accountId)
    .map((d) => ({
      what: `image replicas${d.registryId === accountId ? '' : ` in registry ${d.registryId}`}`,
      region: d.region,
    }));
}

export const ecrRepositoryInAllowedRegion = defineCheck({
  id: 'ecr-repository-in-allowed-region',
  title: 'ECR repositories and the replicas of their images are only in allowed regions',
  service: 'ecr',
  resourceType: 'AwsEcrRepository',
  srmClass: 'abstracted',
  obligation: 'data-residency',
  severity: 'high',
  requires: ['ecr.repositories', 'ecr.registryReplication'],
  settings: ['allowedRegions'],
  compliance: [],
  risk:
    'Images carry the application, its dependencies and often configuration; a repository, or a replication rule ' +
    'copying it, outside the allowed regions puts them where your regulators and contracts do not allow it.',
  remediation: residencyRemediation('repository'),
  evaluate: ({ ecr, accountId, partition }, { allowedRegions }) =>
    residencyResults(
      { accountId, partition },
      allowedRegions,
      ecr.repositories.map((repository) => ({
        resource: repository,
        kind: 'ECR repository',
        copies: replicas(repository, ecr.registryReplication, accountId),
      })),
    ),
});

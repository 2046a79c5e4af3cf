import { defineCheck, fail, pass } from '../define-check.js';
import { repositoryScanning } from './scanning.js';

export const ecrRepositoryImageScanning = defineCheck({
  id: 'ecr-repository-image-scanning',
  title: 'ECR private repositories scan images for vulnerabilities on push or continuously',
  service: 'ecr',
  resourceType: 'AwsEcrRepository',
  srmClass: 'abstracted',
  obligation: 'os-and-platform',
  severity: 'high',
  requires: ['ecr.repositories', 'ecr.registryScanning'],
  compliance: [{ framework: 'aws-fsbp', control: 'ECR.1' }],
  risk:
    'The operating system packages and libraries inside your images are yours to patch. Without scanning, images ' +
    'with known critical vulnerabilities are pushed and deployed without anyone being told.',
  remediation: {
    text:
      'Configure registry scanning: enhanced scanning (Amazon Inspector, continuous) or basic scan on push, with ' +
      'a filter that covers the repository (e.g. "*").',
    cli:
      'aws ecr put-registry-scanning-configuration --scan-type ENHANCED --rules ' +
      '\'[{"scanFrequency":"CONTINUOUS_SCAN","repositoryFilters":[{"filter":"*","filterType":"WILDCARD"}]}]\'',
    url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html',
  },
  evaluate: ({ ecr }) => {
    const registries = new Map(ecr.registryScanning.map((r) => [r.region, r]));
    return ecr.repositories.flatMap((repository) => {
      const registry = registries.get(repository.region);
      if (!registry) return [];
      const scanning = repositoryScanning(repository, registry);
      const name = `ECR repository ${repository.name}`;
      return [
        scanning
          ? pass(repository, `${name} has ${scanning.mode} (${scanning.source}).`)
          : fail(
              repository,
              `${name} is not scanned automatically: the registry uses ${registry.scanType.toLowerCase()} scanning and no scan-on-push or continuous rule covers it.`,
            ),
      ];
    });
  },
});

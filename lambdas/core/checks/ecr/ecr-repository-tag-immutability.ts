import { defineCheck, verdict } from '../define-check.js';

export const ecrRepositoryTagImmutability = defineCheck({
  id: 'ecr-repository-tag-immutability',
  title: 'ECR private repositories have immutable image tags',
  service: 'ecr',
  resourceType: 'AwsEcrRepository',
  srmClass: 'abstracted',
  obligation: 'os-and-platform',
  severity: 'medium',
  requires: ['ecr.repositories'],
  compliance: [{ framework: 'aws-fsbp', control: 'ECR.2' }],
  risk:
    'With mutable tags, anyone allowed to push can silently replace the image behind a tag such as "v1.4" or ' +
    '"prod", and the next deployment runs it; a scanned and approved image is no longer what runs.',
  remediation: {
    text: 'Make the repository’s tags immutable and deploy by immutable tag or digest.',
    cli: 'aws ecr put-image-tag-mutability --repository-name <repository> --image-tag-mutability IMMUTABLE',
    url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html',
  },
  evaluate: ({ ecr }) =>
    ecr.repositories.map((repository) => {
      const mutability = repository.imageTagMutability ?? 'MUTABLE';
      return verdict(
        mutability.startsWith('IMMUTABLE'),
        repository,
        `ECR repository ${repository.name} has immutable tags (${mutability}).`,
        `ECR repository ${repository.name} has mutable tags (${mutability}).`,
      );
    }),
});

import { defineCheck, verdict } from '../define-check.js';

export const ecrRepositoryLifecyclePolicy = defineCheck({
  id: 'ecr-repository-lifecycle-policy',
  title: 'ECR repositories have a lifecycle policy',
  service: 'ecr',
  resourceType: 'AwsEcrRepository',
  srmClass: 'abstracted',
  obligation: 'os-and-platform',
  severity: 'low',
  requires: ['ecr.repositories', 'ecr.lifecyclePolicies'],
  compliance: [{ framework: 'aws-fsbp', control: 'ECR.3' }],
  risk:
    'Without a lifecycle policy, old and untagged images pile up: outdated, vulnerable images stay available to ' +
    'deploy by mistake, and storage costs grow.',
  remediation: {
    text: 'Add a lifecycle policy that expires untagged images and keeps only the recent tagged ones.',
    cli:
      'aws ecr put-lifecycle-policy --repository-name <repository> --lifecycle-policy-text ' +
      '\'{"rules":[{"rulePriority":1,"selection":{"tagStatus":"untagged","countType":"sinceImagePushed","countUnit":"days","countNumber":14},"action":{"type":"expire"}}]}\'',
    url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html',
  },
  evaluate: ({ ecr }) => {
    const policies = new Map(ecr.lifecyclePolicies.map((p) => [p.arn, p.configured]));
    return ecr.repositories.flatMap((repository) => {
      const configured = policies.get(repository.arn);
      if (configured === undefined) return [];
      return [
        verdict(
          configured,
          repository,
          `ECR repository ${repository.name} has a lifecycle policy.`,
          `ECR repository ${repository.name} has no lifecycle policy.`,
        ),
      ];
    });
  },
});

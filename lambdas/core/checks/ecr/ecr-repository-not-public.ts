import { defineCheck } from '../define-check.js';
import { resourcePolicyExposureResult } from '../shared/resource-policy-exposure.js';

export const ecrRepositoryNotPublic = defineCheck({
  id: 'ecr-repository-not-public',
  title: 'ECR repository policies do not grant access to every AWS account',
  service: 'ecr',
  resourceType: 'AwsEcrRepository',
  srmClass: 'abstracted',
  obligation: 'public-exposure',
  severity: 'critical',
  requires: ['ecr.repositories', 'ecr.repositoryPolicies'],
  settings: ['internetExposurePrefix'],
  compliance: [],
  risk:
    'A repository policy open to everyone lets any AWS account pull your images, with the code, configuration ' +
    'and sometimes credentials baked into them, or push and delete images if write actions are granted.',
  remediation: {
    text:
      'Remove the public statement, or grant specific accounts or your organisation (aws:PrincipalOrgID) ' +
      'instead of "*". Publish images meant for everyone in ECR Public instead.',
    cli: 'aws ecr set-repository-policy --repository-name <repository> --policy-text file://repository-policy.json',
    url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html',
  },
  // Every action counts: pulling the images of a public policy is itself a public exposure.
  evaluate: ({ ecr }, { internetExposurePrefix }) => {
    const policies = new Map(ecr.repositoryPolicies.map((p) => [p.arn, p.policy]));
    return ecr.repositories.flatMap((repository) => {
      const policy = policies.get(repository.arn);
      if (policy === undefined) return [];
      return [
        resourcePolicyExposureResult(repository, `ECR repository ${repository.name}`, policy, {
          internetExposurePrefix,
        }),
      ];
    });
  },
});

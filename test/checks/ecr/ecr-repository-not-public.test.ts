import { describe, expect, it } from 'vitest';
import { ecrRepositoryNotPublic } from '../../../lambdas/core/checks/ecr/index.js';
import { ecrRepository, repositoryPolicy, runEcrCheck } from '../../fixtures/ecr.js';

const pull = ['ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage', 'ecr:BatchCheckLayerAvailability'];

describe('Check: ecr-repository-not-public', () => {
  it('fails a policy that lets everyone pull images', () => {
    // Prepare
    const repository = ecrRepository('harbor-base-images');
    const policy = repositoryPolicy(repository, [{ Sid: 'PublicPull', Effect: 'Allow', Principal: '*', Action: pull }]);

    // Act
    const [result] = runEcrCheck(ecrRepositoryNotPublic, {
      'ecr.repositories': [repository],
      'ecr.repositoryPolicies': [policy],
    });

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(
      "ECR repository harbor-base-images's resource policy is open to every AWS account: statement PublicPull grants everyone " +
        'ecr:GetDownloadUrlForLayer, ecr:BatchGetImage, ecr:BatchCheckLayerAvailability.',
    );
  });

  it('passes a "*" principal pinned to the organisation, and a policy naming one account', () => {
    // Prepare
    const orgWide = ecrRepository('harbor-web');
    const partner = ecrRepository('harbor-api');
    const policies = [
      repositoryPolicy(orgWide, [
        {
          Sid: 'OrgPull',
          Effect: 'Allow',
          Principal: '*',
          Action: pull,
          Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
        },
      ]),
      repositoryPolicy(partner, [
        { Sid: 'PartnerPull', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::210987654321:root' }, Action: pull },
      ]),
    ];

    // Act
    const results = runEcrCheck(ecrRepositoryNotPublic, {
      'ecr.repositories': [orgWide, partner],
      'ecr.repositoryPolicies': policies,
    });

    // Assess
    expect(results.map((r) => r.status)).toEqual(['PASS', 'PASS']);
    expect(results[0]?.message).toBe(
      "ECR repository harbor-web's resource policy grants nothing to everyone, nor to an AWS service acting for any account.",
    );
  });

  it('passes a repository without a policy and skips one whose policy was not collected', () => {
    // Prepare
    const none = ecrRepository('harbor-orders');
    const unknown = ecrRepository('harbor-jobs');

    // Act
    const results = runEcrCheck(ecrRepositoryNotPublic, {
      'ecr.repositories': [none, unknown],
      'ecr.repositoryPolicies': [repositoryPolicy(none, null)],
    });

    // Assess
    expect(results.map((r) => [r.resource.id, r.status])).toEqual([['harbor-orders', 'PASS']]);
    expect(results[0]?.message).toBe(
      'ECR repository harbor-orders has no resource policy, so only principals of its own account that IAM allows can reach it.',
    );
  });
});

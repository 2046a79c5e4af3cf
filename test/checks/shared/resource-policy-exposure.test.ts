import { describe, expect, it } from 'vitest';
import {
  publicStatements,
  resourcePolicyExposureResult,
} from '../../../lambdas/core/checks/shared/resource-policy-exposure.js';
import { parsePolicyDocument } from '../../../lambdas/core/policy/index.js';

const QUEUE = {
  arn: 'arn:aws:sqs:eu-west-1:123456789012:orders',
  id: 'orders',
  region: 'eu-west-1',
};

const policyOf = (...statements: object[]) => parsePolicyDocument({ Version: '2012-10-17', Statement: statements });

describe('Shared: resource policy exposure', () => {
  it('names a statement that grants everyone without a condition', () => {
    // Prepare
    const policy = policyOf({ Sid: 'Open', Effect: 'Allow', Principal: '*', Action: 'sqs:SendMessage', Resource: '*' });

    // Act
    const open = publicStatements(policy);

    // Assess
    expect(open).toEqual(['statement Open grants everyone sqs:SendMessage']);
  });

  it('does not count a statement pinned to an organisation', () => {
    // Prepare
    const policy = policyOf({
      Effect: 'Allow',
      Principal: '*',
      Action: 'sqs:SendMessage',
      Resource: '*',
      Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } },
    });

    // Act
    const result = resourcePolicyExposureResult(QUEUE, 'SQS queue orders', policy);

    // Assess
    expect(result.status).toBe('PASS');
  });

  it('fails a service principal that no condition pins to a source account', () => {
    // Prepare
    const policy = policyOf({
      Effect: 'Allow',
      Principal: { Service: 'sns.amazonaws.com' },
      Action: 'sqs:SendMessage',
      Resource: '*',
    });

    // Act
    const result = resourcePolicyExposureResult(QUEUE, 'SQS queue orders', policy);

    // Assess
    expect(result.status).toBe('FAIL');
    expect(result.message).toContain('sns.amazonaws.com sqs:SendMessage for any AWS account');
  });

  it('passes a resource without a policy', () => {
    // Prepare
    const policy = null;

    // Act
    const result = resourcePolicyExposureResult(QUEUE, 'SQS queue orders', policy);

    // Assess
    expect(result).toEqual({
      status: 'PASS',
      resource: QUEUE,
      message:
        'SQS queue orders has no resource policy, so only principals of its own account that IAM allows can reach it.',
    });
  });

  it('skips statements the caller deems irrelevant', () => {
    // Prepare
    const policy = policyOf({ Effect: 'Allow', Principal: '*', Action: 'ecr:DescribeImages', Resource: '*' });

    // Act
    const open = publicStatements(policy, {}, (s) => !(s.action ?? []).every((a) => a.startsWith('ecr:Describe')));

    // Assess
    expect(open).toEqual([]);
  });
});

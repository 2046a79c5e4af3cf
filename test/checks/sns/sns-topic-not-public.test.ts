import { describe, expect, it } from 'vitest';
import { snsTopicNotPublic } from '../../../lambdas/core/checks/sns/index.js';
import { ACCOUNT_ID, inventoryWith, policyOf, runCheckOn, snsTopic, topicArn } from '../../fixtures/sns.js';

const arn = topicArn('harbor-order-events');

const run = (policy: ReturnType<typeof policyOf> | null) => {
  const topic = snsTopic('harbor-order-events', { policy });
  return { topic, results: runCheckOn(snsTopicNotPublic, inventoryWith({ 'sns.topics': [topic] })) };
};

describe('Check: sns-topic-not-public', () => {
  it('fails when everyone may publish without a condition', () => {
    // Prepare
    const policy = policyOf([{ Sid: 'Open', Effect: 'Allow', Principal: '*', Action: 'SNS:Publish', Resource: arn }]);

    // Act
    const { topic, results } = run(policy);

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: topic,
        message:
          "SNS topic harbor-order-events's resource policy is open to every AWS account: statement Open grants everyone SNS:Publish.",
      },
    ]);
  });

  it('fails when S3 may publish without a source account, since any account’s bucket can then notify it', () => {
    // Prepare
    const policy = policyOf([
      {
        Sid: 'S3Events',
        Effect: 'Allow',
        Principal: { Service: 's3.amazonaws.com' },
        Action: 'SNS:Publish',
        Resource: arn,
      },
    ]);

    // Act
    const { results } = run(policy);

    // Assess
    expect(results[0]?.status).toBe('FAIL');
    expect(results[0]?.message).toContain('statement S3Events grants s3.amazonaws.com SNS:Publish for any AWS account');
  });

  it('passes when S3 is pinned to the owner account with aws:SourceAccount', () => {
    // Prepare
    const policy = policyOf([
      {
        Sid: 'S3Events',
        Effect: 'Allow',
        Principal: { Service: 's3.amazonaws.com' },
        Action: 'SNS:Publish',
        Resource: arn,
        Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT_ID } },
      },
    ]);

    // Act
    const { results } = run(policy);

    // Assess
    expect(results[0]?.status).toBe('PASS');
  });

  it('passes for the default topic policy, which SNS pins to the owner with AWS:SourceOwner', () => {
    // Act
    const [result] = runCheckOn(snsTopicNotPublic, inventoryWith({ 'sns.topics': [snsTopic('harbor-alerts')] }));

    // Assess
    expect(result).toMatchObject({
      status: 'PASS',
      message:
        "SNS topic harbor-alerts's resource policy grants nothing to everyone, nor to an AWS service acting for any account.",
    });
  });

  it('fails when a source-IP condition covers the whole internet', () => {
    // Prepare
    const policy = policyOf([
      {
        Sid: 'AnyIp',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: 'SNS:Subscribe',
        Resource: arn,
        Condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } },
      },
    ]);

    // Act
    const { results } = run(policy);

    // Assess
    expect(results[0]?.status).toBe('FAIL');
  });
});

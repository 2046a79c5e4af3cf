import { describe, expect, it } from 'vitest';
import { sqsQueueNotPublic } from '../../../lambdas/core/checks/sqs/index.js';
import { ACCOUNT_ID, inventoryWith, policyOf, runCheckOn, sqsQueue } from '../../fixtures/sqs.js';

const ARN = `arn:aws:sqs:us-east-1:${ACCOUNT_ID}:harbor-orders-queue`;

const run = (policy: ReturnType<typeof policyOf> | null) => {
  const queue = sqsQueue('harbor-orders-queue', { policy });
  return { queue, results: runCheckOn(sqsQueueNotPublic, inventoryWith({ 'sqs.queues': [queue] })) };
};

describe('Check: sqs-queue-not-public', () => {
  it('fails when everyone may send and receive', () => {
    // Prepare
    const policy = policyOf([
      { Effect: 'Allow', Principal: '*', Action: ['sqs:SendMessage', 'sqs:ReceiveMessage'], Resource: ARN },
    ]);

    // Act
    const { queue, results } = run(policy);

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: queue,
        message:
          "SQS queue harbor-orders-queue's resource policy is open to every AWS account: statement #1 grants everyone sqs:SendMessage, sqs:ReceiveMessage.",
      },
    ]);
  });

  it('passes when everyone is pinned to one SNS topic with aws:SourceArn', () => {
    // Prepare
    const policy = policyOf([
      {
        Effect: 'Allow',
        Principal: '*',
        Action: 'sqs:SendMessage',
        Resource: ARN,
        Condition: { ArnEquals: { 'aws:SourceArn': `arn:aws:sns:us-east-1:${ACCOUNT_ID}:harbor-order-events` } },
      },
    ]);

    // Act
    const { results } = run(policy);

    // Assess
    expect(results[0]?.status).toBe('PASS');
  });

  it('fails when the source ARN condition is a wildcard that names no account', () => {
    // Prepare
    const policy = policyOf([
      {
        Effect: 'Allow',
        Principal: '*',
        Action: 'sqs:SendMessage',
        Resource: ARN,
        Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:*:harbor-*' } },
      },
    ]);

    // Act
    const { results } = run(policy);

    // Assess
    expect(results[0]?.status).toBe('FAIL');
  });

  it('passes a queue without a policy and says so', () => {
    // Act
    const { results } = run(null);

    // Assess
    expect(results[0]).toMatchObject({
      status: 'PASS',
      message:
        'SQS queue harbor-orders-queue has no resource policy, so only principals of its own account that IAM allows can reach it.',
    });
  });
});

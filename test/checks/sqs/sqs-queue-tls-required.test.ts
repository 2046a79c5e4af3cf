import { describe, expect, it } from 'vitest';
import { sqsQueueTlsRequired } from '../../../lambdas/core/checks/sqs/index.js';
import { ACCOUNT_ID, inventoryWith, policyOf, runCheckOn, sqsQueue } from '../../fixtures/sqs.js';

const ARN = `arn:aws:sqs:us-east-1:${ACCOUNT_ID}:harbor-orders-queue`;
const insecure = { Bool: { 'aws:SecureTransport': 'false' } };

const run = (policy: ReturnType<typeof policyOf> | null) => {
  const queue = sqsQueue('harbor-orders-queue', { policy });
  return { queue, results: runCheckOn(sqsQueueTlsRequired, inventoryWith({ 'sqs.queues': [queue] })) };
};

describe('Check: sqs-queue-tls-required', () => {
  it('fails when the queue has no policy', () => {
    // Act
    const { queue, results } = run(null);

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: queue,
        message: 'SQS queue harbor-orders-queue has no queue policy, so it accepts plain-HTTP requests.',
      },
    ]);
  });

  it('passes when everyone is denied sqs:* over plain HTTP', () => {
    // Prepare
    const policy = policyOf([
      { Sid: 'DenyPlainHttp', Effect: 'Deny', Principal: '*', Action: 'sqs:*', Resource: ARN, Condition: insecure },
    ]);

    // Act
    const { results } = run(policy);

    // Assess
    expect(results[0]).toMatchObject({
      status: 'PASS',
      message: 'SQS queue harbor-orders-queue denies every SQS action over plain HTTP (statement DenyPlainHttp).',
    });
  });

  it('fails when the deny covers only sending', () => {
    // Prepare
    const policy = policyOf([
      {
        Sid: 'DenySend',
        Effect: 'Deny',
        Principal: '*',
        Action: 'sqs:SendMessage',
        Resource: ARN,
        Condition: insecure,
      },
    ]);

    // Act
    const { results } = run(policy);

    // Assess
    expect(results[0]).toMatchObject({
      status: 'FAIL',
      message:
        'SQS queue harbor-orders-queue denies plain HTTP only in part: statement DenySend does not cover all SQS actions (sqs:*) on the queue.',
    });
  });

  it('fails when the deny names another queue', () => {
    // Prepare
    const policy = policyOf([
      { Sid: 'Other', Effect: 'Deny', Principal: '*', Action: 'sqs:*', Resource: `${ARN}-dlq`, Condition: insecure },
    ]);

    // Act
    const { results } = run(policy);

    // Assess
    expect(results[0]?.status).toBe('FAIL');
  });

  it('fails when the deny carries a second condition that narrows it', () => {
    // Prepare
    const policy = policyOf([
      {
        Effect: 'Deny',
        Principal: '*',
        Action: 'sqs:*',
        Resource: ARN,
        Condition: {
          Bool: { 'aws:SecureTransport': 'false' },
          StringEquals: { 'aws:PrincipalAccount': '999999999999' },
        },
      },
    ]);

    // Act
    const { results } = run(policy);

    // Assess
    expect(results[0]?.status).toBe('FAIL');
  });

  it('fails when the policy only allows access and denies nothing', () => {
    // Prepare
    const policy = policyOf([{ Effect: 'Allow', Principal: { AWS: ACCOUNT_ID }, Action: 'sqs:*', Resource: ARN }]);

    // Act
    const { results } = run(policy);

    // Assess
    expect(results[0]).toMatchObject({
      status: 'FAIL',
      message:
        'SQS queue harbor-orders-queue has a queue policy without a Deny for requests where aws:SecureTransport is false.',
    });
  });
});

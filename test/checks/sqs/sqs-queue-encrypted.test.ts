import { describe, expect, it } from 'vitest';
import { sqsQueueEncrypted } from '../../../lambdas/core/checks/sqs/index.js';
import { inventoryWith, runCheckOn, sqsQueue } from '../../fixtures/sqs.js';

const run = (queue: ReturnType<typeof sqsQueue>) =>
  runCheckOn(sqsQueueEncrypted, inventoryWith({ 'sqs.queues': [queue] }));

describe('Check: sqs-queue-encrypted', () => {
  it('fails when neither SSE-SQS nor SSE-KMS is on', () => {
    // Prepare
    const queue = sqsQueue('harbor-orders-queue', { sqsManagedSseEnabled: false });

    // Act
    const results = run(queue);

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: queue,
        message: 'SQS queue harbor-orders-queue has server-side encryption off (neither SSE-SQS nor SSE-KMS).',
      },
    ]);
  });

  it('passes with SSE-SQS', () => {
    // Act
    const [result] = run(sqsQueue('harbor-orders-queue'));

    // Assess
    expect(result).toMatchObject({
      status: 'PASS',
      message: 'SQS queue harbor-orders-queue encrypts messages at rest with SQS-owned keys (SSE-SQS).',
    });
  });

  it('passes with SSE-KMS and names the key', () => {
    // Act
    const [result] = run(
      sqsQueue('harbor-payments-queue', { sqsManagedSseEnabled: false, kmsMasterKeyId: 'alias/aws/sqs' }),
    );

    // Assess
    expect(result).toMatchObject({
      status: 'PASS',
      message: 'SQS queue harbor-payments-queue encrypts messages at rest with KMS key alias/aws/sqs (SSE-KMS).',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { snsTopicEncryptedKms } from '../../../lambdas/core/checks/sns/index.js';
import { inventoryWith, runCheckOn, snsTopic } from '../../fixtures/sns.js';

describe('Check: sns-topic-encrypted-kms', () => {
  it('fails when the topic has no KMS key', () => {
    // Prepare
    const topic = snsTopic('harbor-order-events', { kmsMasterKeyId: undefined });

    // Act
    const results = runCheckOn(snsTopicEncryptedKms, inventoryWith({ 'sns.topics': [topic] }));

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: topic,
        message:
          'SNS topic harbor-order-events has no server-side encryption with a KMS key (KmsMasterKeyId is not set).',
      },
    ]);
  });

  it('passes with the AWS managed key and names it', () => {
    // Prepare
    const topic = snsTopic('harbor-alerts');

    // Act
    const [result] = runCheckOn(snsTopicEncryptedKms, inventoryWith({ 'sns.topics': [topic] }));

    // Assess
    expect(result).toMatchObject({
      status: 'PASS',
      message: 'SNS topic harbor-alerts encrypts messages at rest with KMS key alias/aws/sns.',
    });
  });

  it('produces no result when the region has no topics', () => {
    // Act
    const results = runCheckOn(snsTopicEncryptedKms, inventoryWith({ 'sns.topics': [] }));

    // Assess
    expect(results).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { ecrRepositoryCmkEncryption } from '../../../lambdas/core/checks/ecr/index.js';
import { ACCOUNT_ID, ecrRepository, runEcrCheck } from '../../fixtures/ecr.js';
import { kmsKey } from '../../fixtures/kms.js';

describe('Check: ecr-repository-cmk-encryption', () => {
  it('fails AES256 and the AWS managed aws/ecr key', () => {
    // Prepare
    const aes = ecrRepository('harbor-orders');
    const awsManaged = ecrRepository('harbor-web', {
      encryptionType: 'KMS',
      kmsKeyArn: `arn:aws:kms:us-east-1:${ACCOUNT_ID}:key/aws-ecr-managed`,
    });
    const defaultKey = ecrRepository('harbor-api', { encryptionType: 'KMS' });

    // Act
    const results = runEcrCheck(ecrRepositoryCmkEncryption, {
      'ecr.repositories': [aes, awsManaged, defaultKey],
      'kms.keys': [kmsKey('harbor-images')],
    });

    // Assess
    expect(results.map((r) => r.status)).toEqual(['FAIL', 'FAIL', 'FAIL']);
    expect(results[0]?.message).toBe(
      'ECR repository harbor-orders is encrypted with Amazon S3 managed keys (AES256), not a customer managed KMS key.',
    );
    expect(results[1]?.message).toBe(
      `ECR repository harbor-web is encrypted (KMS) with KMS key arn:aws:kms:us-east-1:${ACCOUNT_ID}:key/aws-ecr-managed, which is not a customer managed key of this account.`,
    );
    expect(results[2]?.message).toBe('ECR repository harbor-api is encrypted (KMS) with the AWS managed aws/ecr key.');
  });

  it('passes a customer managed key of the account and another account’s key', () => {
    // Prepare
    const key = kmsKey('harbor-images');
    const own = ecrRepository('harbor-web', { encryptionType: 'KMS', kmsKeyArn: key.arn });
    const shared = ecrRepository('harbor-api', {
      encryptionType: 'KMS_DSSE',
      kmsKeyArn: 'arn:aws:kms:us-east-1:210987654321:key/security-team',
    });

    // Act
    const results = runEcrCheck(ecrRepositoryCmkEncryption, { 'ecr.repositories': [own, shared], 'kms.keys': [key] });

    // Assess
    expect(results.map((r) => r.status)).toEqual(['PASS', 'PASS']);
    expect(results[0]?.message).toBe(
      `ECR repository harbor-web is encrypted (KMS) with customer managed KMS key ${key.arn}.`,
    );
  });
});

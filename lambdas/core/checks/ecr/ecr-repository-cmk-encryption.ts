import { arnAccount } from '../../aws/arn.js';
import { defineCheck, fail, pass } from '../define-check.js';

export const ecrRepositoryCmkEncryption = defineCheck({
  id: 'ecr-repository-cmk-encryption',
  title: 'ECR repositories are encrypted with a customer managed KMS key',
  service: 'ecr',
  resourceType: 'AwsEcrRepository',
  srmClass: 'abstracted',
  obligation: 'data-protection',
  severity: 'low',
  requires: ['ecr.repositories', 'kms.keys'],
  compliance: [{ framework: 'aws-fsbp', control: 'ECR.5' }],
  risk:
    'Images encrypted with Amazon S3 managed keys (AES256) or the AWS managed aws/ecr key are readable by anyone ' +
    'IAM lets pull them; a customer managed key adds a key policy you control, the ability to revoke access, and ' +
    'CloudTrail records of every decryption.',
  remediation: {
    text:
      'Encryption cannot be changed on an existing repository: create a new repository encrypted with a customer ' +
      'managed KMS key, push the images there and delete the old repository.',
    cli:
      'aws ecr create-repository --repository-name <repository> --encryption-configuration ' +
      'encryptionType=KMS,kmsKey=<kms-key-arn>',
    url: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html',
  },
  evaluate: ({ ecr, kms }) => {
    const customerKeys = new Set(kms.keys.map((k) => k.arn));
    return ecr.repositories.map((repository) => {
      const name = `ECR repository ${repository.name}`;
      if (repository.encryptionType === 'AES256') {
        return fail(
          repository,
          `${name} is encrypted with Amazon S3 managed keys (AES256), not a customer managed KMS key.`,
        );
      }
      const key = repository.kmsKeyArn;
      // Only customer managed keys can be shared across accounts, so another account's key is one.
      const customerManaged =
        key !== undefined &&
        (customerKeys.has(key) || (arnAccount(key) ?? repository.accountId) !== repository.accountId);
      return customerManaged
        ? pass(repository, `${name} is encrypted (${repository.encryptionType}) with customer managed KMS key ${key}.`)
        : fail(
            repository,
            `${name} is encrypted (${repository.encryptionType}) with ${key ? `KMS key ${key}, which is not a customer managed key of this account` : 'the AWS managed aws/ecr key'}.`,
          );
    });
  },
});

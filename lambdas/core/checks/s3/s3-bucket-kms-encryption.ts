import { defineCheck, verdict } from '../define-check.js';
import { bucketLabel } from '../shared/bucket-exposure.js';
import { judgeEachBucket } from './bucket-attribute.js';

/** SSE-KMS and dual-layer SSE-KMS; `AES256` is SSE-S3 with keys S3 owns. */
const KMS_ALGORITHMS = new Set(['aws:kms', 'aws:kms:dsse']);

export const s3BucketKmsEncryption = defineCheck({
  id: 's3-bucket-kms-encryption',
  title: 'S3 buckets encrypt new objects by default with AWS KMS keys (SSE-KMS or DSSE-KMS)',
  service: 's3',
  resourceType: 'AwsS3Bucket',
  srmClass: 'abstracted',
  obligation: 'data-protection',
  severity: 'medium',
  requires: ['s3.buckets', 's3.bucketEncryption'],
  compliance: [{ framework: 'aws-fsbp', control: 'S3.17' }],
  risk:
    'With S3-managed keys anyone allowed to read an object gets it decrypted; a KMS key adds a second, audited ' +
    'permission (kms:Decrypt) you control and can revoke.',
  remediation: {
    text: 'Set the bucket’s default encryption to SSE-KMS with a customer managed key and enable S3 Bucket Keys to limit KMS requests.',
    cli:
      'aws s3api put-bucket-encryption --bucket <bucket> --server-side-encryption-configuration ' +
      '\'{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"<key-arn>"},"BucketKeyEnabled":true}]}\'',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/specifying-kms-encryption.html',
  },
  evaluate: ({ s3 }) =>
    judgeEachBucket(s3.buckets, s3.bucketEncryption, (bucket, { rules }) => {
      const kms = rules.find((r) => KMS_ALGORITHMS.has(r.algorithm));
      const seen = rules.map((r) => r.algorithm).join(', ');
      return verdict(
        kms !== undefined,
        bucket,
        `${bucketLabel(bucket)} encrypts new objects with ${kms?.algorithm}${kms?.kmsKeyId ? ` using key ${kms.kmsKeyId}` : ' using the AWS managed key aws/s3'}.`,
        rules.length === 0
          ? `${bucketLabel(bucket)} has no default encryption rule.`
          : `${bucketLabel(bucket)} encrypts new objects with ${seen === 'AES256' ? 'SSE-S3 (AES256)' : seen}, not with a KMS key.`,
      );
    }),
});

import { defineCheck, verdict } from '../define-check.js';
import { bucketLabel } from '../shared/bucket-exposure.js';
import { judgeEachBucket } from './bucket-attribute.js';

export const s3BucketAccessLoggingEnabled = defineCheck({
  id: 's3-bucket-access-logging-enabled',
  title: 'S3 buckets have server access logging enabled',
  service: 's3',
  resourceType: 'AwsS3Bucket',
  srmClass: 'abstracted',
  obligation: 'logging-audit',
  severity: 'medium',
  requires: ['s3.buckets', 's3.bucketLogging'],
  compliance: [{ framework: 'aws-fsbp', control: 'S3.9' }],
  risk:
    'Without access logs there is no record of who read or changed which objects, so a leak or tampering cannot be ' +
    'investigated or scoped.',
  remediation: {
    text: 'Enable server access logging to a dedicated log bucket (not the bucket itself) with a per-bucket prefix.',
    cli:
      'aws s3api put-bucket-logging --bucket <bucket> --bucket-logging-status ' +
      '\'{"LoggingEnabled":{"TargetBucket":"<log-bucket>","TargetPrefix":"<bucket>/"}}\'',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html',
  },
  evaluate: ({ s3 }) =>
    judgeEachBucket(s3.buckets, s3.bucketLogging, (bucket, { targetBucket, targetPrefix }) =>
      verdict(
        targetBucket !== undefined,
        bucket,
        `${bucketLabel(bucket)} logs server access to s3://${targetBucket}/${targetPrefix ?? ''}.`,
        `${bucketLabel(bucket)} has server access logging disabled.`,
      ),
    ),
});

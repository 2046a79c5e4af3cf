import { defineCheck, verdict } from '../define-check.js';
import { bucketLabel } from '../shared/bucket-exposure.js';
import { judgeEachBucket } from './bucket-attribute.js';

export const s3BucketVersioningEnabled = defineCheck({
  id: 's3-bucket-versioning-enabled',
  title: 'S3 buckets have versioning enabled',
  service: 's3',
  resourceType: 'AwsS3Bucket',
  srmClass: 'abstracted',
  obligation: 'backup-recovery',
  severity: 'low',
  requires: ['s3.buckets', 's3.bucketVersioning'],
  compliance: [{ framework: 'aws-fsbp', control: 'S3.14' }],
  risk:
    'Without versioning an overwrite or delete, by mistake, a faulty deployment or ransomware, destroys the only copy ' +
    'of an object.',
  remediation: {
    text: 'Enable versioning and add a lifecycle rule that expires noncurrent versions after your retention period.',
    cli: 'aws s3api put-bucket-versioning --bucket <bucket> --versioning-configuration Status=Enabled',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/manage-versioning-examples.html',
  },
  evaluate: ({ s3 }) =>
    judgeEachBucket(s3.buckets, s3.bucketVersioning, (bucket, { status }) =>
      verdict(
        status === 'Enabled',
        bucket,
        `${bucketLabel(bucket)} has versioning enabled.`,
        status === 'Suspended'
          ? `${bucketLabel(bucket)} has versioning suspended: new writes keep no previous version.`
          : `${bucketLabel(bucket)} has never had versioning enabled.`,
      ),
    ),
});

import { defineCheck, verdict } from '../define-check.js';
import { bucketLabel } from '../shared/bucket-exposure.js';
import { judgeEachBucket } from './bucket-attribute.js';

export const s3BucketAclsDisabled = defineCheck({
  id: 's3-bucket-acls-disabled',
  title: 'S3 buckets disable ACLs (Object Ownership is BucketOwnerEnforced)',
  service: 's3',
  resourceType: 'AwsS3Bucket',
  srmClass: 'abstracted',
  obligation: 'least-privilege',
  severity: 'medium',
  requires: ['s3.buckets', 's3.bucketOwnershipControls'],
  compliance: [{ framework: 'aws-fsbp', control: 'S3.12' }],
  risk:
    'While ACLs are enabled, bucket and object ACLs can grant access outside IAM and bucket policies, and objects ' +
    'uploaded by other accounts may stay owned by them.',
  remediation: {
    text: 'Move any access still granted by ACLs into the bucket policy, then set Object Ownership to BucketOwnerEnforced.',
    cli: "aws s3api put-bucket-ownership-controls --bucket <bucket> --ownership-controls 'Rules=[{ObjectOwnership=BucketOwnerEnforced}]'",
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html',
  },
  evaluate: ({ s3 }) =>
    judgeEachBucket(s3.buckets, s3.bucketOwnershipControls, (bucket, { ownership }) =>
      verdict(
        ownership === 'BucketOwnerEnforced',
        bucket,
        `${bucketLabel(bucket)} has ACLs disabled (Object Ownership BucketOwnerEnforced).`,
        ownership
          ? `${bucketLabel(bucket)} has ACLs enabled (Object Ownership ${ownership}).`
          : `${bucketLabel(bucket)} has ACLs enabled (no Object Ownership setting, which behaves as ObjectWriter).`,
      ),
    ),
});

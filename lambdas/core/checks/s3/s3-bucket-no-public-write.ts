import { defineCheck } from '../define-check.js';
import { EXPOSURE_SLICES, publicAccessResults } from '../shared/bucket-exposure.js';

/**
 * Public write through the ACL or the bucket policy: a `*` statement no condition pins, or a
 * statement letting an AWS service principal write for any account, such as a log-delivery grant
 * on the whole bucket without aws:SourceAccount (any account's trail could deliver into it). AWS's
 * documented delivery policies pin the source account, or write only below `AWSLogs/<account-id>/`,
 * and pass. See bucketExposure in bucket-exposure.ts.
 */
export const s3BucketNoPublicWrite = defineCheck({
  id: 's3-bucket-no-public-write',
  title: 'S3 buckets do not allow public write access through their ACL or bucket policy',
  service: 's3',
  resourceType: 'AwsS3Bucket',
  srmClass: 'abstracted',
  obligation: 'public-exposure',
  severity: 'critical',
  requires: EXPOSURE_SLICES,
  settings: ['internetExposurePrefix'],
  compliance: [{ framework: 'aws-fsbp', control: 'S3.3' }],
  risk:
    'Anyone can upload, overwrite or delete objects, or change the bucket’s permissions: data can be destroyed, ' +
    'replaced with malware, or the bucket used to host illegal content at your cost. Through a service principal ' +
    'no condition pins, any AWS account can have that service write into the bucket.',
  remediation: {
    text:
      'Remove ACL grants of WRITE, WRITE_ACP or FULL_CONTROL to AllUsers/AuthenticatedUsers and policy statements ' +
      'that let "*" write, or neutralise them with IgnorePublicAcls and RestrictPublicBuckets. Pin statements for ' +
      'AWS service principals with aws:SourceAccount (plus aws:SourceArn for the exact source): Block Public Access ' +
      'does not restrict service principals, and an S3 bucket ARN as aws:SourceArn names no account.',
    cli: 'aws s3api put-bucket-acl --bucket <bucket> --acl private',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
  },
  evaluate: ({ s3 }, settings, { actions }) =>
    publicAccessResults(s3, actions, 'write', { internetExposurePrefix: settings.internetExposurePrefix }),
});

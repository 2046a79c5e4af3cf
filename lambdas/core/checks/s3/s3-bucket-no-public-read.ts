import { defineCheck } from '../define-check.js';
import { EXPOSURE_SLICES, publicAccessResults } from '../shared/bucket-exposure.js';

/**
 * Public read through the ACL (AllUsers, AuthenticatedUsers) or the bucket policy: a `*` statement
 * no condition pins, or a statement letting an AWS service principal read objects for any account
 * (CloudFront origin access control without the distribution's aws:SourceArn lets every
 * distribution serve the objects). A service reading the bucket itself (ACL, location, listing)
 * before it delivers logs is not public read. See bucketExposure in bucket-exposure.ts.
 */
export const s3BucketNoPublicRead = defineCheck({
  id: 's3-bucket-no-public-read',
  title: 'S3 buckets do not allow public read access through their ACL or bucket policy',
  service: 's3',
  resourceType: 'AwsS3Bucket',
  srmClass: 'abstracted',
  obligation: 'public-exposure',
  severity: 'critical',
  requires: EXPOSURE_SLICES,
  settings: ['internetExposurePrefix'],
  compliance: [{ framework: 'aws-fsbp', control: 'S3.2' }],
  risk:
    'Anyone on the internet can list or download the objects (or read the bucket configuration), a leading cause ' +
    'of data breaches.',
  remediation: {
    text:
      'Remove the AllUsers/AuthenticatedUsers ACL grants and the policy statements open to "*", or neutralise them ' +
      'with IgnorePublicAcls and RestrictPublicBuckets; serve public content through CloudFront with origin access ' +
      'control, its statement pinned with aws:SourceArn of your distribution (Block Public Access does not restrict ' +
      'AWS service principals).',
    cli:
      'aws s3api put-public-access-block --bucket <bucket> --public-access-block-configuration ' +
      'BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
  },
  evaluate: ({ s3 }, settings, { actions }) =>
    publicAccessResults(s3, actions, 'read', { internetExposurePrefix: settings.internetExposurePrefix }),
});

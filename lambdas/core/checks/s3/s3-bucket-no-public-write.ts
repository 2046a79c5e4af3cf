import { defineCheck } from '../define-check.js';
import { EXPOSURE_SLICES, publicAccessResults } from './bucket-exposure.js';

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
    'replaced with malware, or the bucket used to host illegal content at your cost.',
  remediation: {
    text:
      'Remove ACL grants of WRITE, WRITE_ACP or FULL_CONTROL to AllUsers/AuthenticatedUsers and policy statements ' +
      'that let "*" write, or neutralise them with IgnorePublicAcls and RestrictPublicBuckets.',
    cli: 'aws s3api put-bucket-acl --bucket <bucket> --acl private',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
  },
  evaluate: ({ s3 }, settings, { actions }) =>
    publicAccessResults(s3, actions, 'write', { internetExposurePrefix: settings.internetExposurePrefix }),
});

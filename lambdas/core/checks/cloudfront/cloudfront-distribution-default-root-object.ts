import { defineCheck, verdict } from '../define-check.js';
import { distributionLabel, s3Origins } from './distribution-label.js';

export const cloudfrontDistributionDefaultRootObject = defineCheck({
  id: 'cloudfront-distribution-default-root-object',
  title: 'CloudFront distributions with S3 origins have a default root object',
  service: 'cloudfront',
  resourceType: 'AwsCloudFrontDistribution',
  srmClass: 'abstracted',
  obligation: 'public-exposure',
  severity: 'medium',
  requires: ['cloudfront.distributions'],
  compliance: [{ framework: 'aws-fsbp', control: 'CloudFront.1' }],
  risk:
    'A request for the distribution’s root URL is passed to the S3 origin as a request for the bucket itself, which ' +
    'can return a listing of the bucket’s keys when the origin allows it.',
  remediation: {
    text: 'Set a default root object (for example index.html) on the distribution.',
    cli: 'aws cloudfront get-distribution-config --id <distribution-id> > config.json  # set DefaultRootObject to index.html, then: aws cloudfront update-distribution --id <distribution-id> --if-match <etag> --distribution-config file://config.json',
    url: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DefaultRootObject.html',
  },
  // FSBP applies the control to distributions with S3 origins only: a custom origin answers the root URL itself.
  evaluate: ({ cloudfront }) =>
    cloudfront.distributions
      .filter((d) => s3Origins(d).length > 0)
      .map((d) =>
        verdict(
          d.defaultRootObject !== undefined,
          d,
          `${distributionLabel(d)} serves ${d.defaultRootObject} as its default root object.`,
          `${distributionLabel(d)} has S3 origins and no default root object.`,
        ),
      ),
});

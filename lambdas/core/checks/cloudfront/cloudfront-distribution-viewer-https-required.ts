import { defineCheck, fail, pass } from '../define-check.js';
import { countOf } from '../shared/text.js';
import { distributionLabel } from './distribution-label.js';

export const cloudfrontDistributionViewerHttpsRequired = defineCheck({
  id: 'cloudfront-distribution-viewer-https-required',
  title: 'CloudFront distributions require HTTPS from viewers on every cache behaviour',
  service: 'cloudfront',
  resourceType: 'AwsCloudFrontDistribution',
  srmClass: 'abstracted',
  obligation: 'data-protection',
  severity: 'medium',
  requires: ['cloudfront.distributions'],
  compliance: [{ framework: 'aws-fsbp', control: 'CloudFront.3' }],
  risk:
    'A cache behaviour whose viewer protocol policy is allow-all serves content and accepts requests over plain HTTP, ' +
    'so cookies, tokens and responses cross the network readable and modifiable by anyone on the path.',
  remediation: {
    text: 'Set the viewer protocol policy of every cache behaviour to redirect-to-https or https-only.',
    cli: 'aws cloudfront get-distribution-config --id <distribution-id> > config.json  # set ViewerProtocolPolicy to redirect-to-https, then: aws cloudfront update-distribution --id <distribution-id> --if-match <etag> --distribution-config file://config.json',
    url: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html',
  },
  evaluate: ({ cloudfront }) =>
    cloudfront.distributions.map((d) => {
      const open = d.cacheBehaviors.filter((b) => b.viewerProtocolPolicy === 'allow-all');
      return open.length > 0
        ? fail(
            d,
            `${distributionLabel(d)} allows plain HTTP from viewers on cache behaviour ${open.map((b) => `"${b.pathPattern}"`).join(', ')}.`,
          )
        : pass(
            d,
            `${distributionLabel(d)} requires HTTPS from viewers on ${d.cacheBehaviors.length === 1 ? 'its cache behaviour' : `all ${countOf(d.cacheBehaviors.length, 'cache behaviour')}`}.`,
          );
    }),
});

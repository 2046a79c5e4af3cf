import { defineCheck, fail, pass } from '../define-check.js';
import { countOf } from '../shared/text.js';
import { customOrigins, distributionLabel } from './distribution-label.js';

export const cloudfrontDistributionOriginHttpsOnly = defineCheck({
  id: 'cloudfront-distribution-origin-https-only',
  title: 'CloudFront distributions reach their custom origins over HTTPS only',
  service: 'cloudfront',
  resourceType: 'AwsCloudFrontDistribution',
  srmClass: 'abstracted',
  obligation: 'data-protection',
  severity: 'medium',
  requires: ['cloudfront.distributions'],
  compliance: [{ framework: 'aws-fsbp', control: 'CloudFront.9' }],
  risk:
    'With http-only or match-viewer, requests and responses travel between CloudFront and the origin unencrypted over ' +
    'the internet, even when the viewer used HTTPS.',
  remediation: {
    text: 'Set the origin protocol policy of every custom origin to https-only and give the origin a valid certificate.',
    cli: 'aws cloudfront get-distribution-config --id <distribution-id> > config.json  # set CustomOriginConfig.OriginProtocolPolicy to https-only, then: aws cloudfront update-distribution --id <distribution-id> --if-match <etag> --distribution-config file://config.json',
    url: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-cloudfront-to-custom-origin.html',
  },
  evaluate: ({ cloudfront }) =>
    cloudfront.distributions.flatMap((d) => {
      const origins = customOrigins(d);
      if (origins.length === 0) return [];
      const clear = origins.filter((o) => o.originProtocolPolicy !== 'https-only');
      return [
        clear.length > 0
          ? fail(
              d,
              `${distributionLabel(d)} may reach custom origin ${clear.map((o) => `${o.domainName} (${o.originProtocolPolicy ?? 'unset'})`).join(', ')} over plain HTTP.`,
            )
          : pass(d, `${distributionLabel(d)} reaches its ${countOf(origins.length, 'custom origin')} over HTTPS only.`),
      ];
    }),
});

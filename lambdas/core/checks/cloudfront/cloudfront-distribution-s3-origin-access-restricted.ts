import { defineCheck, fail, pass } from '../define-check.js';
import { countOf } from '../shared/text.js';
import { distributionLabel, s3Origins } from './distribution-label.js';

export const cloudfrontDistributionS3OriginAccessRestricted = defineCheck({
  id: 'cloudfront-distribution-s3-origin-access-restricted',
  title: 'CloudFront distributions reach their S3 origins through origin access control or an origin access identity',
  service: 'cloudfront',
  resourceType: 'AwsCloudFrontDistribution',
  srmClass: 'abstracted',
  obligation: 'public-exposure',
  severity: 'medium',
  requires: ['cloudfront.distributions'],
  compliance: [{ framework: 'aws-fsbp', control: 'CloudFront.13' }],
  risk:
    'Without origin access control (or the legacy origin access identity) CloudFront reads the bucket anonymously, so ' +
    'the bucket must be public and anyone can bypass CloudFront, its WAF, geo-restrictions and signed URLs.',
  remediation: {
    text: 'Create an origin access control, attach it to each S3 origin and grant it s3:GetObject in the bucket policy; then block public access on the bucket.',
    cli: 'aws cloudfront create-origin-access-control --origin-access-control-config Name=<name>,SigningProtocol=sigv4,SigningBehavior=always,OriginAccessControlOriginType=s3',
    url: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html',
  },
  evaluate: ({ cloudfront }) =>
    cloudfront.distributions.flatMap((d) => {
      const origins = s3Origins(d);
      if (origins.length === 0) return [];
      const open = origins.filter((o) => !o.originAccessControlId && !o.originAccessIdentity);
      if (open.length > 0) {
        return [
          fail(
            d,
            `${distributionLabel(d)} reads S3 origin ${open.map((o) => o.domainName).join(', ')} without origin access control or an origin access identity.`,
          ),
        ];
      }
      const legacy = origins.filter((o) => !o.originAccessControlId);
      return [
        pass(
          d,
          legacy.length > 0
            ? `${distributionLabel(d)} restricts its S3 origins; ${legacy.map((o) => o.domainName).join(', ')} still use the legacy origin access identity (prefer origin access control).`
            : `${distributionLabel(d)} reaches its ${countOf(origins.length, 'S3 origin')} through origin access control.`,
        ),
      ];
    }),
});

import { defineCheck, verdict } from '../define-check.js';
import { distributionLabel } from './distribution-label.js';

export const cloudfrontDistributionWafEnabled = defineCheck({
  id: 'cloudfront-distribution-waf-enabled',
  title: 'CloudFront distributions are protected by an AWS WAF web ACL',
  service: 'cloudfront',
  resourceType: 'AwsCloudFrontDistribution',
  srmClass: 'abstracted',
  obligation: 'network-firewall',
  severity: 'medium',
  requires: ['cloudfront.distributions'],
  compliance: [{ framework: 'aws-fsbp', control: 'CloudFront.6' }],
  risk:
    'Without a web ACL every request reaches the origin unfiltered: injection attempts, known bad bots and request ' +
    'floods are not blocked or rate-limited at the edge.',
  remediation: {
    text: 'Associate a CLOUDFRONT-scope AWS WAF web ACL (created in us-east-1) with the distribution.',
    cli: 'aws cloudfront get-distribution-config --id <distribution-id> > config.json  # set WebACLId to the web ACL ARN, then: aws cloudfront update-distribution --id <distribution-id> --if-match <etag> --distribution-config file://config.json',
    url: 'https://docs.aws.amazon.com/waf/latest/developerguide/cloudfront-features.html',
  },
  evaluate: ({ cloudfront }) =>
    cloudfront.distributions.map((d) =>
      verdict(
        d.webAclId !== undefined,
        d,
        `${distributionLabel(d)} is protected by web ACL ${d.webAclId}.`,
        `${distributionLabel(d)} has no AWS WAF web ACL.`,
      ),
    ),
});

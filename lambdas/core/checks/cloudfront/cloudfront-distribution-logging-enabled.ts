import { defineCheck, verdict } from '../define-check.js';
import { distributionLabel } from './distribution-label.js';

export const cloudfrontDistributionLoggingEnabled = defineCheck({
  id: 'cloudfront-distribution-logging-enabled',
  title: 'CloudFront distributions write standard access logs',
  service: 'cloudfront',
  resourceType: 'AwsCloudFrontDistribution',
  srmClass: 'abstracted',
  obligation: 'logging-audit',
  severity: 'medium',
  requires: ['cloudfront.distributions'],
  compliance: [{ framework: 'aws-fsbp', control: 'CloudFront.5' }],
  risk:
    'Without access logs there is no record of who requested what through the distribution, so scraping, abuse of ' +
    'signed URLs or an attack on the origin cannot be traced.',
  remediation: {
    text: 'Enable standard logging for the distribution (legacy logging to S3, as FSBP checks it; logging through CloudWatch log delivery is not visible in the distribution configuration).',
    cli: 'aws cloudfront get-distribution-config --id <distribution-id> > config.json  # set Logging.Enabled to true and Logging.Bucket, then: aws cloudfront update-distribution --id <distribution-id> --if-match <etag> --distribution-config file://config.json',
    url: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/AccessLogs.html',
  },
  evaluate: ({ cloudfront }) =>
    cloudfront.distributions.map((d) =>
      verdict(
        d.loggingEnabled,
        d,
        `${distributionLabel(d)} writes standard access logs to S3.`,
        `${distributionLabel(d)} has standard access logging (to S3) disabled.`,
      ),
    ),
});

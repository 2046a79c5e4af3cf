import { usesCustomCertificate } from '../../inventory/cloudfront.js';
import { defineCheck, verdict } from '../define-check.js';
import { distributionLabel } from './distribution-label.js';

export const cloudfrontDistributionRecommendedTlsPolicy = defineCheck({
  id: 'cloudfront-distribution-recommended-tls-policy',
  title: 'CloudFront distributions with a custom certificate use a recommended viewer TLS security policy',
  service: 'cloudfront',
  resourceType: 'AwsCloudFrontDistribution',
  srmClass: 'abstracted',
  obligation: 'data-protection',
  severity: 'medium',
  requires: ['cloudfront.distributions'],
  settings: ['cloudfrontTlsPolicies'],
  compliance: [{ framework: 'aws-fsbp', control: 'CloudFront.15' }],
  risk:
    'An older security policy (TLSv1, TLSv1_2016, TLSv1.1_2016, TLSv1.2_2018, …) still negotiates TLS 1.0 or 1.1 or ' +
    'ciphers without forward secrecy, so viewers can be downgraded to a protocol with known attacks.',
  remediation: {
    text: 'Set the minimum protocol version (security policy) of the distribution’s viewer certificate to TLSv1.2_2021 or a 2025 policy.',
    cli: 'aws cloudfront get-distribution-config --id <distribution-id> > config.json  # set ViewerCertificate.MinimumProtocolVersion to TLSv1.2_2021, then: aws cloudfront update-distribution --id <distribution-id> --if-match <etag> --distribution-config file://config.json',
    url: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html',
  },
  evaluate: ({ cloudfront }, settings) => {
    const allowed = new Set(settings.cloudfrontTlsPolicies);
    // Only a custom certificate lets the distribution choose a policy: the *.cloudfront.net certificate always allows TLSv1.
    return cloudfront.distributions.filter(usesCustomCertificate).map((d) => {
      const policy = d.viewerCertificate.minimumProtocolVersion ?? 'unset';
      return verdict(
        allowed.has(policy),
        d,
        `${distributionLabel(d)} uses the viewer security policy ${policy}.`,
        `${distributionLabel(d)} uses the viewer security policy ${policy}, which is not among the recommended policies (${[...allowed].join(', ')}).`,
      );
    });
  },
});

import { defineCheck, fail, pass } from '../define-check.js';
import { countOf } from '../shared/text.js';
import { customOrigins, distributionLabel } from './distribution-label.js';

/** SSLv3 (what FSBP CloudFront.10 flags), and TLS 1.0 and 1.1, which RFC 8996 deprecates. */
const DEPRECATED_ORIGIN_PROTOCOLS: ReadonlySet<string> = new Set(['SSLv3', 'TLSv1', 'TLSv1.1']);

export const cloudfrontDistributionOriginModernTls = defineCheck({
  id: 'cloudfront-distribution-origin-modern-tls',
  title: 'CloudFront distributions offer no deprecated SSL or TLS protocol to their custom origins',
  service: 'cloudfront',
  resourceType: 'AwsCloudFrontDistribution',
  srmClass: 'abstracted',
  obligation: 'data-protection',
  severity: 'medium',
  requires: ['cloudfront.distributions'],
  compliance: [{ framework: 'aws-fsbp', control: 'CloudFront.10' }],
  risk:
    'When SSLv3, TLS 1.0 or TLS 1.1 is among the protocols CloudFront offers an origin, an origin (or someone ' +
    'impersonating it on the path) can settle on a protocol with known attacks.',
  remediation: {
    text: 'Limit the origin SSL protocols of every custom origin to TLSv1.2.',
    cli: 'aws cloudfront get-distribution-config --id <distribution-id> > config.json  # set CustomOriginConfig.OriginSslProtocols to ["TLSv1.2"], then: aws cloudfront update-distribution --id <distribution-id> --if-match <etag> --distribution-config file://config.json',
    url: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-ciphers-cloudfront-to-origin.html',
  },
  evaluate: ({ cloudfront }) =>
    cloudfront.distributions.flatMap((d) => {
      // An http-only origin negotiates no TLS at all (cloudfront-distribution-origin-https-only reports it).
      const origins = customOrigins(d).filter((o) => o.originProtocolPolicy !== 'http-only');
      if (origins.length === 0) return [];
      const weak = origins.flatMap((o) => {
        const deprecated = o.originSslProtocols.filter((p) => DEPRECATED_ORIGIN_PROTOCOLS.has(p));
        return deprecated.length > 0 ? [`${o.domainName} (${deprecated.join(', ')})`] : [];
      });
      return [
        weak.length > 0
          ? fail(d, `${distributionLabel(d)} offers deprecated protocols to custom origin ${weak.join(', ')}.`)
          : pass(d, `${distributionLabel(d)} offers only TLS 1.2 to its ${countOf(origins.length, 'custom origin')}.`),
      ];
    }),
});

import type { CloudFrontDistribution } from '../../inventory/index.js';

/** How CloudFront check messages name a distribution: its id and first alias or domain. */
export const distributionLabel = (d: CloudFrontDistribution): string => {
  const name = d.aliases[0] ?? d.domainName;
  return `CloudFront distribution ${d.id}${name ? ` (${name})` : ''}`;
};

export const s3Origins = (d: CloudFrontDistribution) => d.origins.filter((o) => o.kind === 's3');

/** Custom origins CloudFront reaches over HTTP(S) itself; VPC origins are private to the VPC. */
export const customOrigins = (d: CloudFrontDistribution) =>
  d.origins.filter((o) => o.kind === 'custom' && o.originProtocolPolicy !== 'vpc-origin');

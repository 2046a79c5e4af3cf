import {
  CloudFrontClient,
  type DistributionConfig,
  GetDistributionConfigCommand,
  type Origin,
  paginateListDistributions,
} from '@aws-sdk/client-cloudfront';
import { isAwsError } from '../aws/clients.js';
import type { CloudFrontDistribution, CloudFrontOrigin } from '../inventory/index.js';
import { GLOBAL_REGION } from '../inventory/index.js';
import { collectEach } from './context.js';
import type { CollectContext, SliceCollectors } from './types.js';

/** ListDistributions returns at most 1,000 distributions per page. */
const LIST_DISTRIBUTIONS_PAGE_SIZE = 1000;

/** An S3 REST endpoint (`bucket.s3.amazonaws.com`, `bucket.s3.eu-west-1.amazonaws.com`), not a website endpoint. */
const S3_REST_ENDPOINT = /\.s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?$/;

const nonEmpty = (value: string | undefined): string | undefined => (value ? value : undefined);

function originKind(origin: Origin): CloudFrontOrigin['kind'] {
  if (origin.S3OriginConfig) return 's3';
  if (origin.CustomOriginConfig || origin.VpcOriginConfig) return 'custom';
  // Neither block (moto drops S3OriginConfig): judge by the domain, as CloudFront's console does.
  const domain = origin.DomainName ?? '';
  return S3_REST_ENDPOINT.test(domain) && !domain.includes('s3-website') ? 's3' : 'custom';
}

function toOrigin(origin: Origin): CloudFrontOrigin {
  const custom = origin.CustomOriginConfig;
  const vpc = origin.VpcOriginConfig;
  const protocolPolicy = custom?.OriginProtocolPolicy ?? (vpc ? 'vpc-origin' : undefined);
  return {
    id: origin.Id ?? '',
    domainName: origin.DomainName ?? '',
    kind: originKind(origin),
    ...(protocolPolicy !== undefined && { originProtocolPolicy: protocolPolicy }),
    originSslProtocols: custom?.OriginSslProtocols?.Items ?? [],
    ...(nonEmpty(origin.OriginAccessControlId) && { originAccessControlId: origin.OriginAccessControlId }),
    ...(nonEmpty(origin.S3OriginConfig?.OriginAccessIdentity) && {
      originAccessIdentity: origin.S3OriginConfig?.OriginAccessIdentity,
    }),
  };
}

function toDistribution(
  summary: { id: string; arn: string; domainName?: string },
  config: DistributionConfig,
  context: CollectContext,
): CloudFrontDistribution {
  const viewer = config.ViewerCertificate;
  const defaultBehavior = config.DefaultCacheBehavior;
  return {
    arn: summary.arn,
    id: summary.id,
    region: GLOBAL_REGION,
    accountId: context.accountId,
    ...(summary.domainName !== undefined && { domainName: summary.domainName }),
    enabled: config.Enabled === true,
    aliases: config.Aliases?.Items ?? [],
    ...(nonEmpty(config.DefaultRootObject) && { defaultRootObject: config.DefaultRootObject }),
    origins: (config.Origins?.Items ?? []).map(toOrigin),
    cacheBehaviors: [
      ...(defaultBehavior
        ? [
            {
              pathPattern: '*',
              targetOriginId: defaultBehavior.TargetOriginId ?? '',
              viewerProtocolPolicy: defaultBehavior.ViewerProtocolPolicy ?? 'allow-all',
            },
          ]
        : []),
      ...(config.CacheBehaviors?.Items ?? []).map((b) => ({
        pathPattern: b.PathPattern ?? '',
        targetOriginId: b.TargetOriginId ?? '',
        viewerProtocolPolicy: b.ViewerProtocolPolicy ?? 'allow-all',
      })),
    ],
    loggingEnabled: config.Logging?.Enabled === true,
    ...(nonEmpty(config.WebACLId) && { webAclId: config.WebACLId }),
    viewerCertificate: {
      cloudFrontDefaultCertificate: viewer?.CloudFrontDefaultCertificate === true,
      ...(nonEmpty(viewer?.ACMCertificateArn) && { acmCertificateArn: viewer?.ACMCertificateArn }),
      ...(nonEmpty(viewer?.IAMCertificateId) && { iamCertificateId: viewer?.IAMCertificateId }),
      ...(nonEmpty(viewer?.SSLSupportMethod) && { sslSupportMethod: viewer?.SSLSupportMethod }),
      ...(nonEmpty(viewer?.MinimumProtocolVersion) && { minimumProtocolVersion: viewer?.MinimumProtocolVersion }),
    },
  };
}

export const cloudfrontCollectors: SliceCollectors<'cloudfront.distributions'> = {
  'cloudfront.distributions': {
    key: 'cloudfront.distributions',
    scope: 'global',
    actions: ['cloudfront:ListDistributions', 'cloudfront:GetDistributionConfig'],
    async collect(context) {
      const client = context.clients.get(CloudFrontClient, context.region);
      const summaries: { id: string; arn: string; domainName?: string; region: string }[] = [];
      for await (const page of paginateListDistributions({ client, pageSize: LIST_DISTRIBUTIONS_PAGE_SIZE }, {})) {
        for (const d of page.DistributionList?.Items ?? []) {
          if (!d.Id) continue;
          summaries.push({
            id: d.Id,
            // AWS's documented form, built rather than copied: CloudFront ARNs have an empty region field,
            // which moto 5.2 leaves out (arn:aws:cloudfront:<account>:distribution/<id>).
            arn: `arn:${context.partition}:cloudfront::${context.accountId}:distribution/${d.Id}`,
            region: GLOBAL_REGION,
            ...(d.DomainName !== undefined && { domainName: d.DomainName }),
          });
        }
      }
      // The list's summaries lack logging and the default root object: read each configuration.
      const distributions = await collectEach(context, summaries, async (summary) => {
        try {
          const { DistributionConfig: config } = await client.send(
            new GetDistributionConfigCommand({ Id: summary.id }),
          );
          if (!config) throw new Error(`GetDistributionConfig returned no configuration for ${summary.id}.`);
          return toDistribution(summary, config, context);
        } catch (error) {
          // Deleted since it was listed: nothing left to judge.
          if (isAwsError(error, 'NoSuchDistribution')) return null;
          throw error;
        }
      });
      return distributions.filter((d): d is CloudFrontDistribution => d !== null);
    },
  },
};

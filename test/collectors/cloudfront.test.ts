import {
  CloudFrontClient,
  type DistributionList,
  type DistributionSummary,
  GetDistributionConfigCommand,
  ListDistributionsCommand,
} from '@aws-sdk/client-cloudfront';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { cloudfrontCollectors } from '../../lambdas/core/collectors/cloudfront.js';
import { awsError } from '../helpers/aws-errors.js';
import { runCollector } from '../helpers/collect.js';

const cfMock = mockClient(CloudFrontClient);

/** A list page (Marker, MaxItems and Quantity are not read). */
const page = (items: DistributionSummary[], nextMarker?: string) =>
  ({
    Items: items,
    IsTruncated: nextMarker !== undefined,
    ...(nextMarker && { NextMarker: nextMarker }),
  }) as DistributionList;

/** A list entry with the fields the collector reads (it takes the rest from GetDistributionConfig). */
const summary = (id: string) =>
  ({
    Id: id,
    ARN: `arn:aws:cloudfront::123456789012:distribution/${id}`,
    DomainName: `${id.toLowerCase()}.cloudfront.net`,
  }) as DistributionSummary;

beforeEach(() => {
  cfMock.reset();
});

describe('Collector: cloudfront.distributions', () => {
  it('pages through ListDistributions and normalises each configuration', async () => {
    // Prepare
    cfMock
      .on(ListDistributionsCommand)
      .resolvesOnce({ DistributionList: page([summary('E1WEB')], 'E1WEB') })
      .resolvesOnce({ DistributionList: page([summary('E2API')]) })
      .on(GetDistributionConfigCommand, { Id: 'E1WEB' })
      .resolves({
        DistributionConfig: {
          CallerReference: 'web',
          Comment: '',
          Enabled: true,
          Aliases: { Quantity: 1, Items: ['www.harbor.example'] },
          DefaultRootObject: 'index.html',
          Origins: {
            Quantity: 3,
            Items: [
              {
                Id: 'assets',
                DomainName: 'harbor-assets.s3.amazonaws.com',
                S3OriginConfig: { OriginAccessIdentity: '' },
                OriginAccessControlId: 'E2OAC',
              },
              {
                Id: 'api',
                DomainName: 'api.harbor.example',
                CustomOriginConfig: {
                  HTTPPort: 80,
                  HTTPSPort: 443,
                  OriginProtocolPolicy: 'match-viewer',
                  OriginSslProtocols: { Quantity: 2, Items: ['TLSv1', 'TLSv1.2'] },
                },
              },
              // moto drops the S3 block: the REST endpoint domain still identifies the origin.
              { Id: 'media', DomainName: 'harbor-media.s3.eu-west-1.amazonaws.com' },
            ],
          },
          DefaultCacheBehavior: { TargetOriginId: 'assets', ViewerProtocolPolicy: 'redirect-to-https' },
          CacheBehaviors: {
            Quantity: 1,
            Items: [{ PathPattern: '/api/*', TargetOriginId: 'api', ViewerProtocolPolicy: 'allow-all' }],
          },
          Logging: { Enabled: true, IncludeCookies: false, Bucket: 'logs.s3.amazonaws.com', Prefix: '' },
          WebACLId: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/harbor-edge/1',
          ViewerCertificate: {
            CloudFrontDefaultCertificate: false,
            ACMCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/c1',
            SSLSupportMethod: 'sni-only',
            MinimumProtocolVersion: 'TLSv1.2_2021',
          },
        },
      })
      .on(GetDistributionConfigCommand, { Id: 'E2API' })
      .resolves({
        DistributionConfig: {
          CallerReference: 'api',
          Comment: '',
          Enabled: false,
          DefaultRootObject: '',
          Origins: {
            Quantity: 1,
            Items: [{ Id: 'site', DomainName: 'harbor-site.s3-website-eu-west-1.amazonaws.com' }],
          },
          DefaultCacheBehavior: { TargetOriginId: 'site', ViewerProtocolPolicy: 'allow-all' },
          Logging: { Enabled: false, IncludeCookies: false, Bucket: '', Prefix: '' },
          WebACLId: '',
          ViewerCertificate: { CloudFrontDefaultCertificate: true, MinimumProtocolVersion: 'TLSv1' },
        },
      });

    // Act
    const { value, issues } = await runCollector(cloudfrontCollectors['cloudfront.distributions']);

    // Assess
    expect(issues).toEqual([]);
    expect(cfMock).toHaveReceivedNthCommandWith(ListDistributionsCommand, 2, { MaxItems: 1000, Marker: 'E1WEB' });
    expect(value).toEqual([
      {
        arn: 'arn:aws:cloudfront::123456789012:distribution/E1WEB',
        id: 'E1WEB',
        region: 'global',
        accountId: '123456789012',
        domainName: 'e1web.cloudfront.net',
        enabled: true,
        aliases: ['www.harbor.example'],
        defaultRootObject: 'index.html',
        origins: [
          {
            id: 'assets',
            domainName: 'harbor-assets.s3.amazonaws.com',
            kind: 's3',
            originSslProtocols: [],
            originAccessControlId: 'E2OAC',
          },
          {
            id: 'api',
            domainName: 'api.harbor.example',
            kind: 'custom',
            originProtocolPolicy: 'match-viewer',
            originSslProtocols: ['TLSv1', 'TLSv1.2'],
          },
          { id: 'media', domainName: 'harbor-media.s3.eu-west-1.amazonaws.com', kind: 's3', originSslProtocols: [] },
        ],
        cacheBehaviors: [
          { pathPattern: '*', targetOriginId: 'assets', viewerProtocolPolicy: 'redirect-to-https' },
          { pathPattern: '/api/*', targetOriginId: 'api', viewerProtocolPolicy: 'allow-all' },
        ],
        loggingEnabled: true,
        webAclId: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/harbor-edge/1',
        viewerCertificate: {
          cloudFrontDefaultCertificate: false,
          acmCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/c1',
          sslSupportMethod: 'sni-only',
          minimumProtocolVersion: 'TLSv1.2_2021',
        },
      },
      {
        arn: 'arn:aws:cloudfront::123456789012:distribution/E2API',
        id: 'E2API',
        region: 'global',
        accountId: '123456789012',
        domainName: 'e2api.cloudfront.net',
        enabled: false,
        aliases: [],
        origins: [
          {
            id: 'site',
            domainName: 'harbor-site.s3-website-eu-west-1.amazonaws.com',
            kind: 'custom',
            originSslProtocols: [],
          },
        ],
        cacheBehaviors: [{ pathPattern: '*', targetOriginId: 'site', viewerProtocolPolicy: 'allow-all' }],
        loggingEnabled: false,
        viewerCertificate: { cloudFrontDefaultCertificate: true, minimumProtocolVersion: 'TLSv1' },
      },
    ]);
  });

  it('reports a distribution whose configuration is denied and skips one deleted since it was listed', async () => {
    // Prepare
    cfMock
      .on(ListDistributionsCommand)
      .resolves({ DistributionList: page([summary('E1WEB'), summary('E3OLD')]) })
      .on(GetDistributionConfigCommand, { Id: 'E1WEB' })
      .rejects(awsError('rest-xml', 'AccessDenied', { status: 403 }))
      .on(GetDistributionConfigCommand, { Id: 'E3OLD' })
      .rejects(awsError('rest-xml', 'NoSuchDistribution', { status: 404 }));

    // Act
    const { value, issues } = await runCollector(cloudfrontCollectors['cloudfront.distributions']);

    // Assess
    expect(value).toEqual([]);
    expect(issues).toEqual([
      {
        slice: 'cloudfront.distributions',
        region: 'global',
        resourceArn: 'arn:aws:cloudfront::123456789012:distribution/E1WEB',
        errorCode: 'AccessDenied',
        message: 'AccessDenied',
      },
    ]);
  });

  it('lets an AccessDenied on ListDistributions throw', async () => {
    // Prepare
    cfMock.on(ListDistributionsCommand).rejects(awsError('rest-xml', 'AccessDenied', { status: 403 }));

    // Act
    const collecting = runCollector(cloudfrontCollectors['cloudfront.distributions']);

    // Assess
    await expect(collecting).rejects.toThrow('AccessDenied');
  });
});

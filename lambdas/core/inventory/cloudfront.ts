import type { AwsResource } from './common.js';

export interface CloudFrontOrigin {
  id: string;
  domainName: string;
  /** `s3` for an S3 REST endpoint (S3OriginConfig, or an `*.s3*.amazonaws.com` domain), `custom` otherwise. */
  kind: 's3' | 'custom';
  /** Custom origins: `http-only`, `match-viewer` or `https-only`. */
  originProtocolPolicy?: string;
  /** Custom origins: the SSL/TLS protocols CloudFront may use to the origin (`SSLv3`, `TLSv1`, `TLSv1.1`, `TLSv1.2`). */
  originSslProtocols: readonly string[];
  /** S3 origins: the origin access control, when one is attached. */
  originAccessControlId?: string;
  /** S3 origins: the legacy origin access identity (`origin-access-identity/cloudfront/ID`), when set. */
  originAccessIdentity?: string;
}

export interface CloudFrontCacheBehavior {
  /** `*` for the default cache behaviour. */
  pathPattern: string;
  targetOriginId: string;
  /** `allow-all`, `redirect-to-https` or `https-only`. */
  viewerProtocolPolicy: string;
}

/** A CloudFront distribution (global: `region` is `global`) with the parts of its configuration the checks read. */
export interface CloudFrontDistribution extends AwsResource {
  domainName?: string;
  enabled: boolean;
  aliases: readonly string[];
  defaultRootObject?: string;
  origins: readonly CloudFrontOrigin[];
  /** The default cache behaviour first, then the ordered ones. */
  cacheBehaviors: readonly CloudFrontCacheBehavior[];
  /** Standard (legacy) access logging to S3. */
  loggingEnabled: boolean;
  /** The AWS WAF web ACL (WAFV2 ARN, or WAF Classic id); undefined when none. */
  webAclId?: string;
  viewerCertificate: {
    /** True when the distribution serves its `*.cloudfront.net` certificate only. */
    cloudFrontDefaultCertificate: boolean;
    acmCertificateArn?: string;
    iamCertificateId?: string;
    /** `sni-only`, `vip` or `static-ip`. */
    sslSupportMethod?: string;
    /** The viewer security policy (`TLSv1.2_2021`, …). */
    minimumProtocolVersion?: string;
  };
}

/** A custom certificate (ACM or IAM) is what lets a distribution choose its viewer security policy. */
export const usesCustomCertificate = (distribution: CloudFrontDistribution): boolean =>
  Boolean(distribution.viewerCertificate.acmCertificateArn || distribution.viewerCertificate.iamCertificateId);

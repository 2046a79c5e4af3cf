import type { AwsResource } from './common.js';

export interface AcmCertificate extends AwsResource {
  domainName?: string;
  /** `ISSUED`, `PENDING_VALIDATION`, `EXPIRED`, `INACTIVE`, `REVOKED`, `FAILED`, `VALIDATION_TIMED_OUT`. */
  status: string;
  /** `AMAZON_ISSUED`, `IMPORTED` or `PRIVATE`. */
  type?: string;
  /** `RSA_2048`, `EC_prime256v1`, … */
  keyAlgorithm?: string;
  notAfter?: Date;
  inUse: boolean;
  /** `ELIGIBLE` when ACM renews the certificate itself (Amazon-issued and in use). */
  renewalEligibility?: string;
}

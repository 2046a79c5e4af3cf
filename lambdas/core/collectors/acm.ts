import { ACMClient, type CertificateSummary, KeyAlgorithm, paginateListCertificates } from '@aws-sdk/client-acm';
import type { AcmCertificate } from '../inventory/index.js';
import type { CollectContext, SliceCollectors } from './types.js';

/** ListCertificates returns at most 1,000 certificates per page. */
const LIST_CERTIFICATES_PAGE_SIZE = 1000;

/** Without a key-type filter ListCertificates returns only RSA_1024 and RSA_2048 certificates: ask for every type. */
const ALL_KEY_TYPES = Object.values(KeyAlgorithm);

function toCertificate(summary: CertificateSummary, context: CollectContext): AcmCertificate | undefined {
  if (!summary.CertificateArn) return undefined;
  return {
    arn: summary.CertificateArn,
    id: summary.CertificateArn.split('/').pop() ?? summary.CertificateArn,
    region: context.region,
    accountId: context.accountId,
    ...(summary.DomainName !== undefined && { domainName: summary.DomainName }),
    status: summary.Status ?? 'UNKNOWN',
    ...(summary.Type !== undefined && { type: summary.Type }),
    ...(summary.KeyAlgorithm !== undefined && { keyAlgorithm: summary.KeyAlgorithm }),
    ...(summary.NotAfter !== undefined && { notAfter: summary.NotAfter }),
    inUse: summary.InUse === true,
    ...(summary.RenewalEligibility !== undefined && { renewalEligibility: summary.RenewalEligibility }),
  };
}

export const acmCollectors: SliceCollectors<'acm.certificates'> = {
  'acm.certificates': {
    key: 'acm.certificates',
    scope: 'regional',
    actions: ['acm:ListCertificates'],
    async collect(context) {
      const client = context.clients.get(ACMClient, context.region);
      const certificates: AcmCertificate[] = [];
      for await (const page of paginateListCertificates(
        { client, pageSize: LIST_CERTIFICATES_PAGE_SIZE },
        { Includes: { keyTypes: ALL_KEY_TYPES } },
      )) {
        for (const summary of page.CertificateSummaryList ?? []) {
          const normalised = toCertificate(summary, context);
          if (normalised) certificates.push(normalised);
        }
      }
      return certificates;
    },
  },
};
